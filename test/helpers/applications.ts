import { randomBytes } from 'node:crypto';
import { expect } from '@jest/globals';
import { createBuilding, createFloor, createSpace, createUser, type Created } from './factories.js';
import type { TestApp } from './test-app.js';

/** A building with `floors` floors of 500 m² each, and a round offering them all (2007-03-01 – 2007-04-15). */
export async function createRound(t: TestApp, floors = 2, buildingOverrides: Record<string, unknown> = {}) {
  const building: Created = await createBuilding(t, buildingOverrides);
  const floorIds: string[] = [];
  for (let level = 1; level <= floors; level++) {
    const floor = await createFloor(t, building.id, { level });
    await createSpace(t, floor.id, { areaM2: 500 });
    floorIds.push(floor.id);
  }
  const response = await t
    .http()
    .post(`/api/buildings/${building.id}/application-rounds`)
    .set(t.admin)
    .send({ name: 'Ronde 2007', opensOn: '2007-03-01', closesOn: '2007-04-15', floorIds });
  expect(response.status).toBe(201);
  return { building, floorIds, roundId: response.body.id as string };
}

/** A tenant user who applies for a group (as its contact), signed in. */
export async function createApplicant(t: TestApp) {
  const user = await createUser(t, { role: 'tenant', email: `applicant-${randomBytes(4).toString('hex')}@test.example` });
  return { user, headers: await t.login(user.email, user.password) };
}

/** A submitted group application for these floors; the round must be open on the app's clock. */
export async function submittedApplication(
  t: TestApp,
  roundId: string,
  floorIds: string[],
  applicant?: { headers: Record<string, string> },
) {
  const { headers } = applicant ?? (await createApplicant(t));
  const created = await t
    .http()
    .post(`/api/application-rounds/${roundId}/applications`)
    .set(headers)
    .send({
      groupName: `Groep ${randomBytes(3).toString('hex')}`,
      plan: 'Open ateliers voor de buurt',
      preferredFloorIds: floorIds,
      members: [
        { name: 'Maker', email: `maker-${randomBytes(4).toString('hex')}@test.example`, discipline: 'design', requestedAreaM2: 40 },
      ],
    });
  expect(created.status).toBe(201);
  expect((await t.http().post(`/api/applications/${created.body.id}/submit`).set(headers)).status).toBe(200);
  return { id: created.body.id as string, headers };
}
