import { DataSource } from 'typeorm';
import { FixedClock } from '../src/common/clock/clock.js';
import { auditTrail } from './helpers/audit.js';
import { eventually } from './helpers/eventually.js';
import {
  assessBand,
  createBuilding,
  createFloor,
  createLease,
  createOrganisation,
  createSpace,
  createTenant,
  type Created,
} from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/** A handover ends leases through the leases module: the same rules and the same rows as a termination. */
describe('lease endings by termination and by handover', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { clock: FixedClock.on('2011-10-01') });
  });
  afterAll(() => t.close());

  // Dated today, so the handover is carried out at once (a later date waits, scheduled).
  const TRANSFER = '2011-10-01';
  const REASON = `Ontruimingsaanzegging: verkoop per ${TRANSFER}`;

  /** A 2007–2013 building with a floor that leaves at the sale and one that stays. */
  async function building() {
    const owner = await createOrganisation(t, { kind: 'owner' });
    const b = await createBuilding(t, { ownerId: owner.id });
    const leaving = await createFloor(t, b.id, { level: 1 });
    const staying = await createFloor(t, b.id, { level: 2 });
    const lease = async (floorId: string, terms: Record<string, unknown>) => {
      const tenant = await createTenant(t);
      await assessBand(t, tenant.id, b.id, 2_000_000, 2011);
      const space = await createSpace(t, floorId, { areaM2: 30 });
      return createLease(t, { tenantId: tenant.id, spaceId: space.id, startDate: '2011-01-01', endDate: '2013-06-30', ...terms });
    };
    return { building: b, leaving, staying, lease };
  }

  async function handOver(buildingId: string, retainedFloorId: string) {
    const buyer = await createOrganisation(t, { kind: 'owner' });
    const started = await t
      .http()
      .post(`/api/buildings/${buildingId}/handovers`)
      .set(t.admin)
      .send({ newOwnerId: buyer.id, transferDate: TRANSFER, retainedFloorIds: [retainedFloorId] });
    expect(started.status).toBe(202);
    let handover: Record<string, unknown> = {};
    await eventually(async () => {
      handover = (await t.http().get(`/api/handovers/${started.body.id}`).set(t.admin)).body;
      expect(['completed', 'failed']).toContain(handover.status);
    });
    return handover;
  }

  const leaseRow = async (lease: Created) => {
    const [row] = await t.app.get(DataSource).query(
      `SELECT to_char(end_date, 'YYYY-MM-DD') AS end_date, to_char(notice_given_on, 'YYYY-MM-DD') AS notice_given_on, termination_reason
           FROM lease WHERE id = $1`,
      [lease.id],
    );
    const { status, endDate, noticeGivenOn, terminationReason } = (await t.http().get(`/api/leases/${lease.id}`).set(t.admin)).body;
    return { row, answer: { status, endDate, noticeGivenOn, terminationReason } };
  };

  const noticeRows = (lease: Created) =>
    t.app
      .get(DataSource)
      .query(
        `SELECT to_char(given_on, 'YYYY-MM-DD') AS given_on, to_char(end_date, 'YYYY-MM-DD') AS end_date FROM lease_notice WHERE lease_id = $1`,
        [lease.id],
      );

  it('ends a lease at the handover exactly as a termination given the same day ends it; the handover adds its letter', async () => {
    const { building: b, leaving, staying, lease } = await building();
    const handedOver = await lease(leaving.id, { noticeMonths: 3 });
    const terminated = await lease(staying.id, { noticeMonths: 3 });

    const termination = await t
      .http()
      .post(`/api/leases/${terminated.id}/terminate`)
      .set(t.admin)
      .send({ endDate: '2012-01-01', reason: REASON, noticeDate: '2011-10-01' });
    expect(termination.status).toBe(200);
    const handover = await handOver(b.id, staying.id);
    expect(handover.status).toBe('completed');

    const byHandover = await leaseRow(handedOver);
    const byTermination = await leaseRow(terminated);
    expect(byHandover).toEqual(byTermination);
    expect(byHandover.answer).toEqual({ status: 'active', endDate: '2012-01-01', noticeGivenOn: '2011-10-01', terminationReason: REASON });

    // Both endings are the same `lease.terminated` event in the audit log; only who acted differs (the handover is a job).
    const ending = async (lease: Created) => {
      const { action, entity, changes } = (await auditTrail(t, 'lease', lease.id, 2))[1]!;
      return { action, entity, changes };
    };
    expect(await ending(handedOver)).toEqual(await ending(terminated));
    expect(await ending(handedOver)).toEqual({
      action: 'lease.terminated',
      entity: 'lease',
      changes: { endDate: '2012-01-01', previousEndDate: '2013-06-30', noticeGivenOn: '2011-10-01', reason: REASON },
    });

    // The notice to vacate is recorded with the ending, dated and ending as the lease row says.
    expect(await noticeRows(handedOver)).toEqual([{ given_on: byHandover.row.notice_given_on, end_date: byHandover.row.end_date }]);
    expect(await noticeRows(terminated)).toEqual([]);
    await eventually(async () => expect((await t.http().get(`/api/leases/${handedOver.id}/notice`).set(t.admin)).status).toBe(200));
    expect((await t.http().get(`/api/leases/${terminated.id}/notice`).set(t.admin)).status).toBe(404);
  });

  it('never moves a lease’s own earlier end: the handover sends the letter and leaves the lease as it was', async () => {
    const { building: b, leaving, staying, lease } = await building();
    const endingSoon = await lease(leaving.id, { noticeMonths: 3, endDate: '2011-12-15' });
    const before = await leaseRow(endingSoon);

    expect((await handOver(b.id, staying.id)).status).toBe('completed');
    expect(await leaseRow(endingSoon)).toEqual(before);
    expect(before.answer).toMatchObject({ endDate: '2011-12-15', noticeGivenOn: null, terminationReason: null });
    expect(await noticeRows(endingSoon)).toEqual([{ given_on: '2011-10-01', end_date: '2011-12-15' }]);
  });

  it('refuses at the handover what a termination refuses, with the same code, and changes nothing', async () => {
    const { building: b, leaving, staying, lease } = await building();
    // It starts after the notice would end it.
    const later = await lease(leaving.id, { noticeMonths: 1, startDate: '2012-06-01' });
    const before = await leaseRow(later);

    const termination = await t
      .http()
      .post(`/api/leases/${later.id}/terminate`)
      .set(t.admin)
      .send({ endDate: TRANSFER, reason: REASON, noticeDate: '2011-10-01' });
    expect([termination.status, termination.body.code]).toEqual([422, 'lease_ends_before_start']);

    const handover = await handOver(b.id, staying.id);
    expect(handover).toMatchObject({ status: 'failed', error: termination.body.message });
    expect(await leaseRow(later)).toEqual(before);
    expect(await noticeRows(later)).toEqual([]);
    expect((await t.http().get(`/api/buildings/${b.id}`).set(t.admin)).body.ownerId).toBe(b.ownerId);
  });
});
