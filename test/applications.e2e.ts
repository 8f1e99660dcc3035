import { FixedClock } from '../src/common/clock/clock.js';
import { JobQueue } from '../src/jobs/job-queue.js';
import { auditTrail } from './helpers/audit.js';
import { eventually } from './helpers/eventually.js';
import { createTenant, createUser } from './helpers/factories.js';
import { createRound } from './helpers/applications.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

describe('group applications', () => {
  let t: TestApp;
  const clock = FixedClock.on('2007-03-15');
  beforeAll(async () => {
    t = await startTestApp({}, { clock });
  });
  afterAll(() => t.close());

  /** A building with `floors` floors of 500 m² each, and a round offering them all. */
  const round = (floors = 3) => createRound(t, floors);

  let applicantCount = 0;
  async function applicant() {
    const user = await createUser(t, { role: 'tenant', email: `applicant-${++applicantCount}-${Date.now()}@test.example` });
    return { user, headers: await t.login(user.email, user.password) };
  }

  function application(preferredFloorIds: string[], overrides: Record<string, unknown> = {}) {
    return {
      groupName: `Groep ${Math.random().toString(36).slice(2, 7)}`,
      plan: 'Een ontwerpverdieping met open ateliers voor de buurt',
      preferredFloorIds,
      members: [
        {
          name: 'Anneke de Vries',
          email: `anneke-${Math.random()}@test.example`,
          discipline: 'design',
          postcode: '1091 GR',
          requestedAreaM2: 40,
        },
        { name: 'Şebnem Kaya', email: `sebnem-${Math.random()}@test.example`, discipline: 'mode', requestedAreaM2: 35.5 },
      ],
      ...overrides,
    };
  }

  async function submitted(roundId: string, floorIds: string[], overrides: Record<string, unknown> = {}) {
    const { headers } = await applicant();
    const created = await t
      .http()
      .post(`/api/application-rounds/${roundId}/applications`)
      .set(headers)
      .send(application(floorIds, overrides));
    expect(created.status).toBe(201);
    const submit = await t.http().post(`/api/applications/${created.body.id}/submit`).set(headers);
    expect(submit.status).toBe(200);
    return { id: created.body.id as string, headers };
  }

  async function review(applicationId: string, score: number, headers = t.admin) {
    const response = await t.http().post(`/api/applications/${applicationId}/reviews`).set(headers).send({ score });
    expect(response.status).toBe(201);
  }

  it('goes from draft to allocation: the group’s members become tenants and the floor shows the group', async () => {
    const { building, floorIds, roundId } = await round();
    const known = await createTenant(t, { email: 'known.maker@test.example' });
    const { user, headers } = await applicant();
    const draft = await t
      .http()
      .post(`/api/application-rounds/${roundId}/applications`)
      .set(headers)
      .send(
        application([floorIds[1]!, floorIds[0]!], {
          groupName: 'Oostblok',
          members: [
            { name: 'Known Maker', email: 'Known.Maker@test.example', discipline: 'dans', requestedAreaM2: 50 },
            { name: 'Łukasz Nowak', email: 'lukasz@test.example', discipline: 'film', postcode: '1094pl', requestedAreaM2: 60 },
          ],
        }),
      );
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({
      status: 'draft',
      groupName: 'Oostblok',
      contactUserId: user.id,
      preferredFloorIds: [floorIds[1], floorIds[0]],
      requestedAreaM2: 110,
    });

    expect((await t.http().post(`/api/applications/${draft.body.id}/submit`).set(headers)).body.status).toBe('submitted');
    const secondAdmin = await createUser(t, { role: 'admin' });
    const secondHeaders = await t.login(secondAdmin.email, secondAdmin.password);
    await review(draft.body.id, 4);
    await review(draft.body.id, 8); // replaces the first score of this admin
    await review(draft.body.id, 6, secondHeaders);
    const ranking = (await t.http().get(`/api/application-rounds/${roundId}/ranking`).set(t.admin)).body.items;
    expect(ranking).toEqual([{ applicationId: draft.body.id, groupName: 'Oostblok', status: 'submitted', meanScore: 7, reviews: 2 }]);

    const allocation = await t.http().post(`/api/applications/${draft.body.id}/allocate`).set(t.admin).send({ floorId: floorIds[1] });
    expect(allocation.status).toBe(201);
    expect(allocation.body.applicationId).toBe(draft.body.id);
    expect(allocation.body.tenantIds).toHaveLength(2);
    expect(allocation.body.tenantIds).toContain(known.id);
    const tenants = (await t.http().get(`/api/tenants?limit=1000`).set(t.admin)).body.items;
    expect(tenants.find((tenant: { email: string }) => tenant.email === 'lukasz@test.example')).toMatchObject({
      name: 'Łukasz Nowak',
      discipline: 'film',
      postcode: '1094 PL',
    });

    const floors = (await t.http().get(`/api/buildings/${building.id}/floors`).set(t.admin)).body.items;
    expect(floors.find((floor: { id: string }) => floor.id === floorIds[1])).toMatchObject({
      groupId: draft.body.id,
      groupName: 'Oostblok',
    });
    const read = await t.http().get(`/api/applications/${draft.body.id}`).set(headers);
    expect(read.body.status).toBe('allocated');
    expect(read.body.history.map((event: { toStatus: string }) => event.toStatus)).toEqual(['draft', 'submitted', 'allocated']);
    expect(read.body.history[2].byUserId).not.toBe(user.id);
    expect(await auditTrail(t, 'application', draft.body.id, 1)).toEqual([
      expect.objectContaining({
        action: 'application.allocated',
        userId: read.body.history[2].byUserId,
        changes: expect.objectContaining({ floorId: floorIds[1], tenantIds: allocation.body.tenantIds }),
      }),
    ]);
  });

  it('refuses every transition the workflow does not have (422)', async () => {
    const { floorIds, roundId } = await round();
    const { headers } = await applicant();
    const draft = (
      await t
        .http()
        .post(`/api/application-rounds/${roundId}/applications`)
        .set(headers)
        .send(application([floorIds[0]!]))
    ).body;
    const refused = async (path: string, body: object = {}, as = t.admin) => {
      const response = await t.http().post(`/api/applications/${draft.id}/${path}`).set(as).send(body);
      expect([path, response.status]).toEqual([path, 422]);
    };
    await refused('allocate', { floorId: floorIds[0] });
    await refused('waitlist');
    await refused('reject');
    await refused('reviews', { score: 5 });
    expect((await t.http().post(`/api/applications/${draft.id}/submit`).set(headers)).status).toBe(200);
    await refused('submit', {}, headers);
    expect((await t.http().post(`/api/applications/${draft.id}/allocate`).set(t.admin).send({ floorId: floorIds[0] })).status).toBe(201);
    await refused('reject');
    await refused('waitlist');
    await refused('withdraw', {}, headers);

    const late = await submitted(roundId, [floorIds[1]!]);
    clock.setDay('2007-04-16');
    try {
      const { headers: other } = await applicant();
      const tooLate = (
        await t
          .http()
          .post(`/api/application-rounds/${roundId}/applications`)
          .set(other)
          .send(application([floorIds[1]!]))
      ).body;
      const response = await t.http().post(`/api/applications/${tooLate.id}/submit`).set(other);
      expect([response.status, response.body.code]).toEqual([422, 'round_not_open']);
    } finally {
      clock.setDay('2007-03-15');
    }
    expect((await t.http().post(`/api/applications/${late.id}/withdraw`).set(late.headers)).body.status).toBe('withdrawn');
    const tooBig = await (async () => {
      const { headers: big } = await applicant();
      const created = (
        await t
          .http()
          .post(`/api/application-rounds/${roundId}/applications`)
          .set(big)
          .send(
            application([floorIds[2]!], {
              members: [{ name: 'X', email: 'x-big@test.example', discipline: 'd', requestedAreaM2: 500.01 }],
            }),
          )
      ).body;
      return t.http().post(`/api/applications/${created.id}/submit`).set(big);
    })();
    expect([tooBig.status, tooBig.body.code]).toEqual([422, 'group_too_large']);
  });

  it('answers bad input with 400: a score out of range, no members, a floor not in the round', async () => {
    const { floorIds, roundId } = await round();
    const other = await round(1);
    const { headers } = await applicant();
    const noMembers = await t
      .http()
      .post(`/api/application-rounds/${roundId}/applications`)
      .set(headers)
      .send(application([floorIds[0]!], { members: [] }));
    expect([noMembers.status, noMembers.body.details[0].field]).toEqual([400, 'members']);
    const unknownFloor = await t
      .http()
      .post(`/api/application-rounds/${roundId}/applications`)
      .set(headers)
      .send(application([other.floorIds[0]!]));
    expect([unknownFloor.status, unknownFloor.body.details[0].field]).toEqual([400, 'preferredFloorIds']);
    const badMember = await t
      .http()
      .post(`/api/application-rounds/${roundId}/applications`)
      .set(headers)
      .send(application([floorIds[0]!], { members: [{ name: 'X', email: 'nope', requestedAreaM2: 0 }] }));
    expect(badMember.status).toBe(400);
    expect(badMember.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'members.0.discipline',
      'members.0.email',
      'members.0.requestedAreaM2',
    ]);
    const { id } = await submitted(roundId, [floorIds[0]!]);
    for (const score of [0, 11, 5.5, '7'])
      expect((await t.http().post(`/api/applications/${id}/reviews`).set(t.admin).send({ score })).status).toBe(400);
    const foreignFloor = await t
      .http()
      .post(`/api/buildings/${other.building.id}/application-rounds`)
      .set(t.admin)
      .send({ name: 'x', opensOn: '2007-01-01', closesOn: '2007-02-01', floorIds });
    expect(foreignFloor.status).toBe(422);
  });

  it('ranks by mean score, then by submission time', async () => {
    const { floorIds, roundId } = await round();
    const first = await submitted(roundId, [floorIds[0]!]);
    const second = await submitted(roundId, [floorIds[0]!]);
    const third = await submitted(roundId, [floorIds[0]!]);
    await review(first.id, 6);
    await review(second.id, 9);
    await review(third.id, 6);
    const ranking = (await t.http().get(`/api/application-rounds/${roundId}/ranking`).set(t.admin)).body.items;
    expect(ranking.map((item: { applicationId: string }) => item.applicationId)).toEqual([second.id, first.id, third.id]);
  });

  it('lets exactly one of 16 simultaneous allocations of one floor through, with no 5xx', async () => {
    const { floorIds, roundId, building } = await round(1);
    const applications = [];
    for (let i = 0; i < 16; i++) applications.push(await submitted(roundId, [floorIds[0]!]));
    const responses = await Promise.all(
      applications.map(({ id }) => t.http().post(`/api/applications/${id}/allocate`).set(t.admin).send({ floorId: floorIds[0] })),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([201, ...Array(15).fill(409)]);
    const winner = responses.find((response) => response.status === 201)!.body.applicationId;
    const floors = (await t.http().get(`/api/buildings/${building.id}/floors`).set(t.admin)).body.items;
    expect(floors[0].groupId).toBe(winner);
    const statuses = await Promise.all(
      applications.map(async ({ id }) => (await t.http().get(`/api/applications/${id}`).set(t.admin)).body.status),
    );
    expect(statuses.filter((status) => status === 'allocated')).toHaveLength(1);
  });

  it('offers a released floor to the best waitlisted group: decline passes it on, expiry (a queued job) too, accept allocates', async () => {
    const { floorIds, roundId } = await round(2);
    const holder = await submitted(roundId, [floorIds[0]!]);
    await t.http().post(`/api/applications/${holder.id}/allocate`).set(t.admin).send({ floorId: floorIds[0] });
    const [best, middle, last] = [
      await submitted(roundId, [floorIds[0]!]),
      await submitted(roundId, [floorIds[0]!]),
      await submitted(roundId, [floorIds[0]!, floorIds[1]!]),
    ];
    await review(best.id, 9);
    await review(middle.id, 7);
    await review(last.id, 5);
    for (const { id } of [best, middle, last])
      expect((await t.http().post(`/api/applications/${id}/waitlist`).set(t.admin)).body.status).toBe('waitlisted');

    const released = await t.http().post(`/api/floors/${floorIds[0]}/release`).set(t.admin);
    expect(released.status).toBe(200);
    expect(released.body.offer).toMatchObject({ applicationId: best.id, floorId: floorIds[0], status: 'open', replyBy: '2007-03-29' });
    const offers = (await t.http().get(`/api/applications/${best.id}`).set(best.headers)).body.offers;
    expect(offers).toEqual([expect.objectContaining({ id: released.body.offer.id, status: 'open', replyBy: '2007-03-29' })]);

    const declined = await t.http().post(`/api/offers/${released.body.offer.id}/decline`).set(best.headers);
    expect(declined.status).toBe(200);
    expect(declined.body.nextOffer).toMatchObject({ applicationId: middle.id, status: 'open' });

    clock.setDay('2007-03-30');
    try {
      const late = await t.http().post(`/api/offers/${declined.body.nextOffer.id}/accept`).set(middle.headers);
      expect([late.status, late.body.code]).toEqual([422, 'offer_expired']);
      await t.app.get(JobQueue).enqueue('applications.expire-offers', { day: '2007-03-30' }, { jobId: `expire-test-${Date.now()}` });
      let nextOffer: { id: string; status: string } | undefined;
      await eventually(async () => {
        expect((await t.http().get(`/api/applications/${middle.id}`).set(t.admin)).body.offers[0].status).toBe('expired');
        nextOffer = (await t.http().get(`/api/applications/${last.id}`).set(t.admin)).body.offers[0];
        expect(nextOffer).toMatchObject({ status: 'open', replyBy: '2007-04-13' });
      });
      const accepted = await t.http().post(`/api/offers/${nextOffer!.id}/accept`).set(last.headers);
      expect(accepted.status).toBe(201);
      expect(accepted.body).toMatchObject({ applicationId: last.id, floorId: floorIds[0] });
      expect((await t.http().get(`/api/applications/${last.id}`).set(last.headers)).body).toMatchObject({
        status: 'allocated',
        offers: [expect.objectContaining({ status: 'accepted' })],
      });
      expect((await t.http().post(`/api/offers/${nextOffer!.id}/accept`).set(last.headers)).status).toBe(422);
      // The expired offer was made by an admin's decline and expired by the scheduled job, which has no user.
      const expired = await auditTrail(t, 'offer', declined.body.nextOffer.id, 2);
      expect(expired.map((entry) => [entry.action, entry.userId === null])).toEqual([
        ['offer.made', false],
        ['offer.expired', true],
      ]);
      expect(await auditTrail(t, 'offer', nextOffer!.id, 1)).toEqual([
        expect.objectContaining({
          action: 'offer.made',
          userId: null,
          changes: { floorId: floorIds[0], applicationId: last.id, replyBy: '2007-04-13' },
        }),
      ]);
    } finally {
      clock.setDay('2007-03-15');
    }
  });

  it('offers the free floors of a round to the waiting list', async () => {
    const { floorIds, roundId } = await round(2);
    const waiting = await submitted(roundId, [floorIds[1]!]);
    await t.http().post(`/api/applications/${waiting.id}/waitlist`).set(t.admin);
    const offers = await t.http().post(`/api/application-rounds/${roundId}/offers`).set(t.admin);
    expect(offers.status).toBe(201);
    expect(offers.body.items).toEqual([expect.objectContaining({ applicationId: waiting.id, floorId: floorIds[1] })]);
  });

  it('hides applications from tenant users who are not part of them (404), and lets members read theirs', async () => {
    const { floorIds, roundId } = await round();
    const mine = await submitted(roundId, [floorIds[0]!], {
      members: [{ name: 'Member', email: 'member-reader@test.example', discipline: 'muziek', requestedAreaM2: 30 }],
    });
    const stranger = await applicant();
    expect((await t.http().get(`/api/applications/${mine.id}`).set(stranger.headers)).status).toBe(404);
    expect((await t.http().post(`/api/applications/${mine.id}/withdraw`).set(stranger.headers)).status).toBe(404);
    expect((await t.http().post(`/api/applications/${mine.id}/allocate`).set(stranger.headers).send({ floorId: floorIds[0] })).status).toBe(
      403,
    );
    const member = await createUser(t, { role: 'tenant', email: 'member-reader@test.example' });
    const memberHeaders = await t.login(member.email, member.password);
    expect((await t.http().get(`/api/applications/${mine.id}`).set(memberHeaders)).status).toBe(200);
    expect((await t.http().post(`/api/applications/${mine.id}/withdraw`).set(memberHeaders)).status).toBe(403);
    expect((await t.http().get(`/api/applications/${mine.id}`).set(mine.headers)).body.status).toBe('submitted');
  });
});
