import { randomBytes } from 'node:crypto';
import type { TestApp } from './test-app.js';

/** Valid objects through the API, with overrides; each call makes unique names and codes. */
function unique(): string {
  return randomBytes(3).toString('hex').toUpperCase();
}

async function created<T>(response: { status: number; body: unknown }, what: string): Promise<T> {
  if (response.status !== 201) throw new Error(`creating ${what} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as T;
}

export interface Created {
  id: string;
  [field: string]: unknown;
}

export async function createOrganisation(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Created> {
  const body = { name: `Organisation ${unique()}`, kind: 'owner', city: 'Amsterdam', ...overrides };
  return created(await t.http().post('/api/organisations').set(t.admin).send(body), 'organisation');
}

export async function createBuilding(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Created> {
  const ownerId = overrides.ownerId ?? (await createOrganisation(t, { kind: 'owner' })).id;
  const umbrellaId = overrides.umbrellaId ?? (await createOrganisation(t, { kind: 'umbrella' })).id;
  const body = {
    name: `Building ${unique()}`,
    address: 'Wibautstraat 150',
    city: 'Amsterdam',
    kind: 'temporary',
    useStart: '2007-06-01',
    useEnd: '2013-07-01',
    invoicePrefix: `B${unique()}`,
    ...overrides,
    ownerId,
    umbrellaId,
  };
  return created(await t.http().post('/api/buildings').set(t.admin).send(body), 'building');
}

export async function createFloor(t: TestApp, buildingId: string, overrides: Record<string, unknown> = {}): Promise<Created> {
  const body = { level: Math.floor(Math.random() * 200), ...overrides };
  return created(await t.http().post(`/api/buildings/${buildingId}/floors`).set(t.admin).send(body), 'floor');
}

export async function createSpace(t: TestApp, floorId: string, overrides: Record<string, unknown> = {}): Promise<Created> {
  const body = { code: `S${unique()}`, areaM2: 25, use: 'studio', ...overrides };
  return created(await t.http().post(`/api/floors/${floorId}/spaces`).set(t.admin).send(body), 'space');
}

export async function createUser(
  t: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<Created & { password: string; email: string }> {
  const password = 'a-long-enough-password';
  const body = { email: `user-${unique().toLowerCase()}@test.example`, password, name: 'Test User', role: 'tenant', ...overrides };
  const user = await created<Created & { email: string }>(await t.http().post('/api/users').set(t.admin).send(body), 'user');
  return { ...user, password: (body.password as string) ?? password };
}

export async function createTenant(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Created> {
  const body = { name: `Maker ${unique()}`, email: `maker-${unique().toLowerCase()}@test.example`, discipline: 'design', ...overrides };
  return created(await t.http().post('/api/tenants').set(t.admin).send(body), 'tenant');
}

export async function assessBand(
  t: TestApp,
  tenantId: string,
  buildingId: string,
  incomeCents: number,
  basisYear = 2011,
): Promise<Created> {
  const response = await t
    .http()
    .post(`/api/tenants/${tenantId}/band-assessments`)
    .set(t.admin)
    .send({ buildingId, basisYear, incomeCents });
  return created(response, 'band assessment');
}

/** A building with one floor and one space of the given area. */
export async function createLettableSpace(
  t: TestApp,
  overrides: { building?: Record<string, unknown>; space?: Record<string, unknown> } = {},
) {
  const building = await createBuilding(t, overrides.building);
  const floor = await createFloor(t, building.id, { level: 1 });
  const space = await createSpace(t, floor.id, overrides.space);
  return { building, floor, space };
}

export async function createLease(t: TestApp, overrides: Record<string, unknown>): Promise<Created> {
  const body = { startDate: '2012-01-01', endDate: '2012-12-31', ...overrides };
  return created(await t.http().post('/api/leases').set(t.admin).send(body), 'lease');
}
