import { FixedClock } from '../src/common/clock/clock.js';
import { auditTrail } from './helpers/audit.js';
import { createRound, submittedApplication } from './helpers/applications.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

describe('offers on floors that are taken', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { clock: FixedClock.on('2007-03-15') });
  });
  afterAll(() => t.close());

  const applicationOf = async (id: string) => (await t.http().get(`/api/applications/${id}`).set(t.admin)).body;

  /** Floor 1 allocated to a holder and released again: it is offered to the waitlisted group. */
  async function releasedFloorOffered() {
    const { building, floorIds, roundId } = await createRound(t, 2);
    const floorId = floorIds[0]!;
    const holder = await submittedApplication(t, roundId, [floorId]);
    expect((await t.http().post(`/api/applications/${holder.id}/allocate`).set(t.admin).send({ floorId })).status).toBe(201);
    const waiting = await submittedApplication(t, roundId, [floorId]);
    expect((await t.http().post(`/api/applications/${waiting.id}/waitlist`).set(t.admin)).status).toBe(200);
    const other = await submittedApplication(t, roundId, [floorId]);
    const released = await t.http().post(`/api/floors/${floorId}/release`).set(t.admin);
    expect(released.status).toBe(200);
    expect(released.body.offer).toMatchObject({ applicationId: waiting.id, floorId, status: 'open' });
    return { building, floorId, holder, waiting, other, offerId: released.body.offer.id as string };
  }

  it('shows the group whose floor was released as `released`, with the step in its history', async () => {
    const { holder } = await releasedFloorOffered();
    const body = await applicationOf(holder.id);
    expect(body.status).toBe('released');
    expect(body.history.at(-1)).toMatchObject({ fromStatus: 'allocated', toStatus: 'released' });
    expect((await auditTrail(t, 'application', holder.id, 2)).map((entry) => entry.action)).toEqual([
      'application.allocated',
      'application.released',
    ]);
  });

  it('withdraws the open offer when the floor is allocated to another group; answering it then is refused and offers nothing new', async () => {
    const { building, floorId, waiting, other, offerId } = await releasedFloorOffered();
    expect((await t.http().post(`/api/applications/${other.id}/allocate`).set(t.admin).send({ floorId })).status).toBe(201);
    expect((await applicationOf(waiting.id)).offers).toEqual([expect.objectContaining({ id: offerId, status: 'withdrawn' })]);
    expect(await auditTrail(t, 'offer', offerId, 2)).toEqual([
      expect.objectContaining({ action: 'offer.made' }),
      expect.objectContaining({ action: 'offer.withdrawn', changes: { floorId, applicationId: waiting.id, because: 'allocated' } }),
    ]);

    const accept = await t.http().post(`/api/offers/${offerId}/accept`).set(waiting.headers);
    expect([accept.status, accept.body.code]).toEqual([422, 'offer_closed']);
    const decline = await t.http().post(`/api/offers/${offerId}/decline`).set(waiting.headers);
    expect([decline.status, decline.body.code]).toEqual([422, 'offer_closed']);

    const floor = (await t.http().get(`/api/buildings/${building.id}/floors`).set(t.admin)).body.items.find(
      (item: { id: string }) => item.id === floorId,
    );
    expect(floor.groupId).toBe(other.id);
    const open = await t.http().get(`/api/offers?status=open&floorId=${floorId}`).set(t.admin);
    expect(open.body).toEqual({ items: [], total: 0 });
  });

  it('withdraws a group’s open offer of another floor when the group is given a floor, and passes that floor on', async () => {
    const { floorIds, roundId } = await createRound(t, 2);
    const [wanted, offered] = floorIds as [string, string];
    const holder = await submittedApplication(t, roundId, [offered]);
    expect((await t.http().post(`/api/applications/${holder.id}/allocate`).set(t.admin).send({ floorId: offered })).status).toBe(201);
    const group = await submittedApplication(t, roundId, [wanted, offered]);
    const next = await submittedApplication(t, roundId, [offered]);
    for (const { id } of [group, next]) expect((await t.http().post(`/api/applications/${id}/waitlist`).set(t.admin)).status).toBe(200);
    const released = await t.http().post(`/api/floors/${offered}/release`).set(t.admin);
    expect(released.body.offer).toMatchObject({ applicationId: group.id, floorId: offered, status: 'open' });
    const offerId = released.body.offer.id as string;

    expect((await t.http().post(`/api/applications/${group.id}/allocate`).set(t.admin).send({ floorId: wanted })).status).toBe(201);
    expect((await applicationOf(group.id)).offers).toEqual([expect.objectContaining({ id: offerId, status: 'withdrawn' })]);
    expect(await auditTrail(t, 'offer', offerId, 2)).toEqual([
      expect.objectContaining({ action: 'offer.made' }),
      expect.objectContaining({
        action: 'offer.withdrawn',
        changes: { floorId: offered, applicationId: group.id, because: 'group-allocated' },
      }),
    ]);
    const accept = await t.http().post(`/api/offers/${offerId}/accept`).set(group.headers);
    expect([accept.status, accept.body.code]).toEqual([422, 'offer_closed']);
    // The floor the group no longer needs goes to the next group on the waiting list.
    const open = await t.http().get(`/api/offers?status=open&floorId=${offered}`).set(t.admin);
    expect(open.body).toMatchObject({ total: 1, items: [expect.objectContaining({ applicationId: next.id, floorId: offered })] });
  });

  it('never offers an allocated floor: declining on a floor taken meanwhile makes no new offer, nor does offering the round', async () => {
    const { floorIds, roundId } = await createRound(t, 1);
    const floorId = floorIds[0]!;
    const holder = await submittedApplication(t, roundId, [floorId]);
    const [first, second] = [await submittedApplication(t, roundId, [floorId]), await submittedApplication(t, roundId, [floorId])];
    for (const { id } of [first, second]) await t.http().post(`/api/applications/${id}/waitlist`).set(t.admin);
    const offered = await t.http().post(`/api/application-rounds/${roundId}/offers`).set(t.admin);
    expect(offered.body.items).toEqual([expect.objectContaining({ floorId, status: 'open' })]);
    const offerId = offered.body.items[0].id as string;
    const offeredTo = offered.body.items[0].applicationId === first.id ? first : second;
    const next = offeredTo === first ? second : first;

    expect((await t.http().post(`/api/applications/${holder.id}/allocate`).set(t.admin).send({ floorId })).status).toBe(201);
    expect((await t.http().post(`/api/offers/${offerId}/decline`).set(offeredTo.headers)).status).toBe(422);
    expect((await t.http().post(`/api/application-rounds/${roundId}/offers`).set(t.admin)).body).toEqual({ items: [], total: 0 });
    expect((await applicationOf(next.id)).offers).toEqual([]);
  });

  it('settles an allocation racing an acceptance of the same floor: one winner, no open offer left on it', async () => {
    for (let attempt = 0; attempt < 4; attempt++) {
      const { building, floorId, waiting, other, offerId } = await releasedFloorOffered();
      const [allocate, accept] = await Promise.all([
        t.http().post(`/api/applications/${other.id}/allocate`).set(t.admin).send({ floorId }),
        t.http().post(`/api/offers/${offerId}/accept`).set(waiting.headers),
      ]);
      const outcomes = [allocate.status, accept.status];
      expect(outcomes.filter((status) => status === 201)).toHaveLength(1);
      const loser = allocate.status === 201 ? accept : allocate;
      expect([409, 422]).toContain(loser.status);
      const winnerId = allocate.status === 201 ? other.id : waiting.id;

      const floor = (await t.http().get(`/api/buildings/${building.id}/floors`).set(t.admin)).body.items.find(
        (item: { id: string }) => item.id === floorId,
      );
      expect(floor.groupId).toBe(winnerId);
      const statuses = [(await applicationOf(other.id)).status, (await applicationOf(waiting.id)).status];
      expect(statuses.filter((status) => status === 'allocated')).toHaveLength(1);
      const offer = (await applicationOf(waiting.id)).offers[0];
      expect(offer.status).toBe(winnerId === waiting.id ? 'accepted' : 'withdrawn');
      expect((await t.http().get(`/api/offers?status=open&floorId=${floorId}`).set(t.admin)).body.total).toBe(0);
    }
  });
});
