import { DataSource } from 'typeorm';
import { FixedClock } from '../src/common/clock/clock.js';
import { HandoversDueScheduler } from '../src/modules/handovers/handovers-due.handler.js';
import { HandoversService } from '../src/modules/handovers/handovers.service.js';
import { auditTrail } from './helpers/audit.js';
import { euros } from '../src/pdf/dutch-format.js';
import { binary } from './helpers/binary.js';
import { pdfText } from './helpers/pdf-text.js';
import { eventually } from './helpers/eventually.js';
import {
  assessBand,
  createBuilding,
  createFloor,
  createIssuer,
  createLease,
  createOrganisation,
  createSpace,
  createTenant,
  createUser,
} from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/** A handover dated ahead waits, scheduled and cancellable, until its date; the daily sweep carries it out then. */
describe('scheduled handovers', () => {
  const clock = FixedClock.on('2011-10-01');
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { clock });
  });
  afterAll(() => t.close());
  afterEach(() => clock.setDay('2011-10-01'));

  async function ownerUser(organisationId: string) {
    const user = await createUser(t, { role: 'owner', organisationId });
    return t.login(user.email, user.password);
  }

  /** A 2007–2013 building with a leaving floor 1 (one lease) and a retained floor 2 (one lease). */
  async function building() {
    const seller = await createOrganisation(t, { kind: 'owner', name: 'Stadgenoot' });
    const buyer = await createOrganisation(t, { kind: 'owner', name: 'Magnificent 8' });
    const b = await createBuilding(t, { ownerId: seller.id, umbrellaId: (await createIssuer(t)).id });
    const leavingFloor = await createFloor(t, b.id, { level: 1 });
    const retainedFloor = await createFloor(t, b.id, { level: 2 });
    const lease = async (floorId: string, terms: Record<string, unknown> = {}) => {
      const tenant = await createTenant(t);
      await assessBand(t, tenant.id, b.id, 2_000_000, 2011);
      const space = await createSpace(t, floorId, { areaM2: 30 });
      return createLease(t, {
        tenantId: tenant.id,
        spaceId: space.id,
        startDate: '2011-01-01',
        endDate: '2013-06-30',
        noticeMonths: 1,
        ...terms,
      });
    };
    const leaving = await lease(leavingFloor.id);
    const staying = await lease(retainedFloor.id);
    return { seller, buyer, building: b, leavingFloor, retainedFloor, leaving, staying, lease };
  }

  const start = (buildingId: string, body: Record<string, unknown>) =>
    t.http().post(`/api/buildings/${buildingId}/handovers`).set(t.admin).send(body);
  const get = async (id: string) => (await t.http().get(`/api/handovers/${id}`).set(t.admin)).body;
  const ownerOf = async (buildingId: string) => (await t.http().get(`/api/buildings/${buildingId}`).set(t.admin)).body.ownerId;
  const endOf = async (leaseId: string) => (await t.http().get(`/api/leases/${leaseId}`).set(t.admin)).body.endDate;
  const completedEvents = async (id: string) =>
    Number(
      (
        await t.app
          .get(DataSource)
          .query(`SELECT count(*) AS n FROM domain_event WHERE entity_id = $1 AND type = 'handover.completed'`, [id])
      )[0].n,
    );

  it('waits, scheduled, until its transfer date; the sweep carries it out on that date, once however often it runs', async () => {
    const { seller, buyer, building: b, retainedFloor, leaving, staying } = await building();
    const started = await start(b.id, { newOwnerId: buyer.id, transferDate: '2011-12-01', retainedFloorIds: [retainedFloor.id] });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ id: expect.any(String), status: 'scheduled' });
    const id = started.body.id as string;
    expect(await auditTrail(t, 'handover', id, 1)).toEqual([
      expect.objectContaining({
        action: 'handover.scheduled',
        changes: { buildingId: b.id, fromOwnerId: seller.id, toOwnerId: buyer.id, transferDate: '2011-12-01' },
      }),
    ]);

    // The day before, nothing is due: the building, its leases and the handover stay as they are.
    clock.setDay('2011-11-30');
    const sweeps = t.app.get(HandoversService);
    expect(await sweeps.queueDue()).toEqual([]);
    expect(await get(id)).toMatchObject({ status: 'scheduled', dossierReady: false });
    expect(await ownerOf(b.id)).toBe(seller.id);
    expect(await endOf(leaving.id)).toBe('2013-06-30');

    // On the date two sweeps at once (two workers) queue it once; it is carried out once.
    clock.setDay('2011-12-01');
    const queued = await Promise.all([sweeps.queueDue(), sweeps.queueDue()]);
    expect(queued.flat()).toEqual([id]);
    await eventually(async () => expect(await get(id)).toMatchObject({ status: 'completed', dossierReady: true }));
    expect(await sweeps.queueDue()).toEqual([]);
    // The scheduled job runs the same sweep under the day's job id: nothing is left to do.
    await t.app.get(HandoversDueScheduler).tick();
    await t.app.get(HandoversDueScheduler).tick();
    expect(await completedEvents(id)).toBe(1);

    expect(await ownerOf(b.id)).toBe(buyer.id);
    // Notices are given the day it is carried out: the leaving lease ends one month after the transfer.
    expect(await endOf(leaving.id)).toBe('2012-01-01');
    expect(await endOf(staying.id)).toBe('2013-06-30');
  });

  it('sends a queued handover whose job was lost (the queue was down) again at the next sweep', async () => {
    const { seller, buyer, building: b, retainedFloor } = await building();
    // The row committed, the job never reached the queue.
    const [{ id }] = await t.app.get(DataSource).query(
      `INSERT INTO handover (building_id, from_owner_id, to_owner_id, transfer_date, retained_floor_ids, plan, status)
       VALUES ($1, $2, $3, '2011-10-01', $4, '{"leasesTransferred":[],"leasesEnded":[]}', 'queued') RETURNING id`,
      [b.id, seller.id, buyer.id, [retainedFloor.id]],
    );
    expect(await t.app.get(HandoversService).queueDue()).toEqual([]);
    await eventually(async () => expect((await get(id)).status).toBe('completed'));
    expect(await ownerOf(b.id)).toBe(buyer.id);
  });

  it('executes at once when dated today or earlier', async () => {
    const { buyer, building: b, retainedFloor } = await building();
    const started = await start(b.id, { newOwnerId: buyer.id, transferDate: '2011-09-15', retainedFloorIds: [retainedFloor.id] });
    expect(started.status).toBe(202);
    expect(['queued', 'running', 'completed']).toContain(started.body.status);
    await eventually(async () => expect((await get(started.body.id)).status).toBe('completed'));
    expect(await ownerOf(b.id)).toBe(buyer.id);
  });

  it('can be cancelled while scheduled, and not after; a cancelled handover never runs and frees the building', async () => {
    const { seller, buyer, building: b, retainedFloor, leaving } = await building();
    const { body } = await start(b.id, { newOwnerId: buyer.id, transferDate: '2011-12-01', retainedFloorIds: [retainedFloor.id] });
    const busy = await start(b.id, { newOwnerId: buyer.id, transferDate: '2011-11-01', retainedFloorIds: [] });
    expect([busy.status, busy.body.code]).toEqual([409, 'handover_in_progress']);

    const sellerHeaders = await ownerUser(seller.id);
    expect((await t.http().post(`/api/handovers/${body.id}/cancel`).set(sellerHeaders)).status).toBe(403);
    const cancelled = await t.http().post(`/api/handovers/${body.id}/cancel`).set(t.admin);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id: body.id, status: 'cancelled' });
    expect((await auditTrail(t, 'handover', body.id, 2))[1]).toMatchObject({
      action: 'handover.cancelled',
      changes: { buildingId: b.id, transferDate: '2011-12-01' },
    });
    const again = await t.http().post(`/api/handovers/${body.id}/cancel`).set(t.admin);
    expect([again.status, again.body.code]).toEqual([409, 'handover_not_scheduled']);

    clock.setDay('2011-12-01');
    expect(await t.app.get(HandoversService).queueDue()).toEqual([]);
    expect((await get(body.id)).status).toBe('cancelled');
    expect(await ownerOf(b.id)).toBe(seller.id);
    expect(await endOf(leaving.id)).toBe('2013-06-30');

    // The building is free for another handover; once carried out it cannot be cancelled.
    const now = await start(b.id, { newOwnerId: buyer.id, transferDate: '2011-12-01', retainedFloorIds: [retainedFloor.id] });
    expect(now.status).toBe(202);
    await eventually(async () => expect((await get(now.body.id)).status).toBe('completed'));
    const late = await t.http().post(`/api/handovers/${now.body.id}/cancel`).set(t.admin);
    expect([late.status, late.body.code]).toEqual([409, 'handover_not_scheduled']);
    expect((await get(now.body.id)).status).toBe('completed');
  });

  it('lets a cancel and the sweep race on the date: exactly one wins', async () => {
    const { seller, buyer, building: b, retainedFloor } = await building();
    const { body } = await start(b.id, { newOwnerId: buyer.id, transferDate: '2011-12-01', retainedFloorIds: [retainedFloor.id] });
    clock.setDay('2011-12-01');
    const [cancel, queued] = await Promise.all([
      t.http().post(`/api/handovers/${body.id}/cancel`).set(t.admin),
      t.app.get(HandoversService).queueDue(),
    ]);
    if (cancel.status === 200) {
      expect(queued).toEqual([]);
      expect((await get(body.id)).status).toBe('cancelled');
      expect(await ownerOf(b.id)).toBe(seller.id);
    } else {
      expect([cancel.status, cancel.body.code]).toEqual([409, 'handover_not_scheduled']);
      expect(queued).toEqual([body.id]);
      await eventually(async () => expect((await get(body.id)).status).toBe('completed'));
      expect(await ownerOf(b.id)).toBe(buyer.id);
    }
  });

  it('answers bad input with 400, unknown handovers with 404, and refuses a date outside the use with 422', async () => {
    const { buyer, building: b, retainedFloor } = await building();
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await t.http().post(`/api/handovers/${unknown}/cancel`).set(t.admin)).status).toBe(404);
    expect((await t.http().post(`/api/handovers/not-a-uuid/cancel`).set(t.admin)).status).toBe(404);
    expect((await start(b.id, { newOwnerId: buyer.id, transferDate: '2011-13-01', retainedFloorIds: [] })).status).toBe(400);
    const outside = await start(b.id, { newOwnerId: buyer.id, transferDate: '2013-08-01', retainedFloorIds: [retainedFloor.id] });
    expect([outside.status, outside.body.code]).toEqual([422, 'transfer_outside_use']);
    expect((await t.http().get(`/api/buildings/${b.id}/handovers?limit=0`).set(t.admin)).status).toBe(400);
    expect((await t.http().get(`/api/buildings/${unknown}/handovers`).set(t.admin)).status).toBe(404);
    expect(Number((await t.app.get(DataSource).query(`SELECT count(*) AS n FROM handover WHERE building_id = $1`, [b.id]))[0].n)).toBe(0);
  });

  it('dossier: arrears are only what was past due on the transfer date; leases past the new end of use are flagged; an earlier end stays', async () => {
    const { buyer, building: b, leavingFloor, retainedFloor, leaving, staying, lease } = await building();
    const endingSoon = await lease(leavingFloor.id, { endDate: '2011-12-20' });
    const invoiceRun = async (period: string) => {
      const run = await t.http().post(`/api/buildings/${b.id}/invoice-runs`).set(t.admin).send({ period });
      expect(run.status).toBe(202);
      await eventually(async () =>
        expect((await t.http().get(`/api/invoice-runs/${run.body.id}`).set(t.admin)).body.status).toBe('completed'),
      );
    };
    await invoiceRun('2011-10');

    const body = { newOwnerId: buyer.id, transferDate: '2011-12-01', retainedFloorIds: [retainedFloor.id], newUseEnd: '2012-12-31' };
    const preview = await start(b.id, { ...body, dryRun: true });
    expect(preview.status).toBe(200);
    const flags = (plan: { leasesTransferred: object[]; leasesEnded: object[] }) =>
      Object.fromEntries(
        [...plan.leasesTransferred, ...plan.leasesEnded].map((fate) => [
          (fate as { leaseId: string }).leaseId,
          (fate as { runsPastUseEnd: boolean }).runsPastUseEnd,
        ]),
      );
    expect(flags(preview.body)).toEqual({ [staying.id]: true, [leaving.id]: false, [endingSoon.id]: false });
    const { body: scheduled } = await start(b.id, body);

    clock.setDay('2011-11-01');
    await invoiceRun('2011-11');
    clock.setDay('2011-12-01');
    await invoiceRun('2011-12'); // due 15 December: not yet in arrears on the transfer date
    await t.app.get(HandoversService).queueDue();
    await eventually(async () => expect(await get(scheduled.id)).toMatchObject({ status: 'completed', dossierReady: true }));
    expect(flags(await get(scheduled.id))).toEqual({ [staying.id]: true, [leaving.id]: false, [endingSoon.id]: false });

    const invoices = (await t.http().get(`/api/invoices?buildingId=${b.id}`).set(t.admin)).body.items as {
      dueDate: string;
      totalCents: number;
      paidCents: number;
    }[];
    expect(invoices.filter((invoice) => invoice.dueDate === '2011-12-15')).not.toHaveLength(0);
    const open = (list: typeof invoices) => list.reduce((sum, invoice) => sum + invoice.totalCents - invoice.paidCents, 0);
    const pastDue = open(invoices.filter((invoice) => invoice.dueDate < '2011-12-01'));
    expect(pastDue).toBeLessThan(open(invoices));
    const dossier = await t.http().get(`/api/handovers/${scheduled.id}/dossier`).set(t.admin).buffer(true).parse(binary);
    const text = (await pdfText(dossier.body as Buffer)).replace(/\s+/g, ' ');
    expect(text).toContain(`achterstanden ${euros(pastDue)}`);
    expect(text).toContain('loopt door · na einde gebruik');

    // The lease that ends on its own before the notice would end it keeps its end; the other gets the notice's.
    expect(await endOf(endingSoon.id)).toBe('2011-12-20');
    expect(await endOf(leaving.id)).toBe('2012-01-01');
  });

  describe('dated ownership: the seller keeps its past, the buyer gets its own years', () => {
    /** Sold on 2011-12-01 with the daily sweep; €365,000 head-lease rent a year (€1,000 a day), no loan. */
    async function sold() {
      const setup = await building();
      const { buyer, building: b, retainedFloor } = setup;
      const finance = await t
        .http()
        .put(`/api/buildings/${b.id}/finance`)
        .set(t.admin)
        .send({ headLeaseRentYearCents: 36_500_000, loanPrincipalCents: 0, interestRateBps: 0, investments: [] });
      expect(finance.status).toBe(200);
      const { body } = await start(b.id, { newOwnerId: buyer.id, transferDate: '2011-12-01', retainedFloorIds: [retainedFloor.id] });
      const buyerHeaders = await ownerUser(buyer.id);
      // Before the date the buyer has nothing to see yet.
      expect((await t.http().get(`/api/buildings/${b.id}`).set(buyerHeaders)).status).toBe(404);
      clock.setDay('2011-12-01');
      await t.app.get(HandoversService).queueDue();
      await eventually(async () => expect(await get(body.id)).toMatchObject({ status: 'completed', dossierReady: true }));
      return { ...setup, handoverId: body.id as string, sellerHeaders: await ownerUser(setup.seller.id), buyerHeaders };
    }
    const balance = (buildingId: string, query: string, headers: Record<string, string>) =>
      t.http().get(`/api/buildings/${buildingId}/owner-balance?${query}`).set(headers);

    it('shows each owner the figures of the days it owned the building, and admins the owner of the year', async () => {
      const { seller, buyer, building: b, sellerHeaders, buyerHeaders } = await sold();

      const sellerYear = await balance(b.id, 'year=2010', sellerHeaders);
      expect(sellerYear.status).toBe(200);
      expect(sellerYear.body).toMatchObject({ year: 2010, ownerId: seller.id, ownedDays: 365, rentIncomeCents: 36_500_000 });
      expect((await balance(b.id, 'year=2011', sellerHeaders)).body).toMatchObject({
        ownerId: seller.id,
        ownedDays: 334, // 1 January – 30 November
        rentIncomeCents: 33_400_000,
      });
      expect((await balance(b.id, 'year=2011', buyerHeaders)).body).toMatchObject({
        ownerId: buyer.id,
        ownedDays: 31,
        rentIncomeCents: 3_100_000,
      });
      // Neither sees the other's years.
      for (const [headers, year] of [
        [buyerHeaders, 2010],
        [sellerHeaders, 2012],
      ] as const) {
        const refused = await balance(b.id, `year=${year}`, headers);
        expect([refused.status, refused.body.code]).toEqual([404, 'owner_year_not_found']);
      }
      const asSeller = await balance(b.id, `year=2011&ownerId=${seller.id}`, buyerHeaders);
      expect([asSeller.status, asSeller.body.code]).toEqual([404, 'owner_year_not_found']);

      // Admins: the owner of 2010, the last owner of 2011 unless they name one, 2012 the buyer's.
      expect((await balance(b.id, 'year=2010', t.admin)).body).toMatchObject({ ownerId: seller.id, rentIncomeCents: 36_500_000 });
      expect((await balance(b.id, 'year=2011', t.admin)).body).toMatchObject({ ownerId: buyer.id, rentIncomeCents: 3_100_000 });
      expect((await balance(b.id, `year=2011&ownerId=${seller.id}`, t.admin)).body).toMatchObject({
        ownerId: seller.id,
        rentIncomeCents: 33_400_000,
      });
      expect((await balance(b.id, 'year=2012', t.admin)).body).toMatchObject({
        ownerId: buyer.id,
        ownedDays: 366,
        rentIncomeCents: 36_500_000,
      });
      const stranger = await balance(b.id, `year=2011&ownerId=${(await createOrganisation(t, { kind: 'owner' })).id}`, t.admin);
      expect([stranger.status, stranger.body.code]).toEqual([404, 'owner_year_not_found']);
      expect((await balance(b.id, 'year=2011&ownerId=nobody', t.admin)).status).toBe(400);
    });

    it('lets the seller read the building, its handovers and dossier, and report on its own periods; not today’s business', async () => {
      const { seller, buyer, building: b, handoverId, sellerHeaders, buyerHeaders } = await sold();
      const strangerHeaders = await ownerUser((await createOrganisation(t, { kind: 'owner' })).id);

      const asSeller = await t.http().get(`/api/buildings/${b.id}`).set(sellerHeaders);
      expect(asSeller.status).toBe(200);
      expect(asSeller.body).toMatchObject({ id: b.id, ownerId: buyer.id });
      expect((await t.http().get('/api/buildings').set(sellerHeaders)).body.items.map((item: { id: string }) => item.id)).toContain(b.id);
      expect((await t.http().get(`/api/buildings/${b.id}`).set(strangerHeaders)).status).toBe(404);
      // What is about today stays with the current owner.
      expect((await t.http().get(`/api/buildings/${b.id}/occupancy`).set(sellerHeaders)).status).toBe(404);
      expect((await t.http().get(`/api/buildings/${b.id}/occupancy`).set(buyerHeaders)).status).toBe(200);

      for (const headers of [sellerHeaders, buyerHeaders, t.admin]) {
        const list = await t.http().get(`/api/buildings/${b.id}/handovers`).set(headers);
        expect(list.status).toBe(200);
        expect(list.body).toMatchObject({
          total: 1,
          items: [{ id: handoverId, status: 'completed', fromOwnerId: seller.id, toOwnerId: buyer.id }],
        });
        const dossier = await t.http().get(`/api/handovers/${handoverId}/dossier`).set(headers).buffer(true).parse(binary);
        expect([dossier.status, dossier.headers['content-type']]).toEqual([200, 'application/pdf']);
      }
      expect((await t.http().get(`/api/buildings/${b.id}/handovers`).set(strangerHeaders)).status).toBe(404);

      const report = (headers: Record<string, string>, period: string) =>
        t.http().post('/api/reports').set(headers).send({ kind: 'owner-occupancy', buildingId: b.id, period, format: 'json' });
      const own = await report(sellerHeaders, '2010');
      expect(own.status).toBe(202);
      await eventually(async () =>
        expect((await t.http().get(`/api/reports/${own.body.id}`).set(sellerHeaders)).body.status).toBe('completed'),
      );
      const file = await t.http().get(`/api/reports/${own.body.id}/file`).set(sellerHeaders).buffer(true).parse(binary);
      expect(JSON.parse((file.body as Buffer).toString())).toMatchObject({ ownerName: 'Stadgenoot', rentIncomeCents: 36_500_000 });
      for (const [headers, period] of [
        [buyerHeaders, '2010'],
        [sellerHeaders, '2012'],
      ] as const) {
        const refused = await report(headers, period);
        expect([refused.status, refused.body.code]).toEqual([404, 'owner_period_not_found']);
      }
      expect((await report(buyerHeaders, '2012')).status).toBe(202);
    });

    it('lists a building’s handovers in pages, the latest transfer first, cancelled ones too', async () => {
      const { buyer, building: b, retainedFloor } = await building();
      const first = await start(b.id, { newOwnerId: buyer.id, transferDate: '2012-03-01', retainedFloorIds: [retainedFloor.id] });
      await t.http().post(`/api/handovers/${first.body.id}/cancel`).set(t.admin);
      const second = await start(b.id, { newOwnerId: buyer.id, transferDate: '2012-02-01', retainedFloorIds: [retainedFloor.id] });
      const page = await t.http().get(`/api/buildings/${b.id}/handovers?limit=1`).set(t.admin);
      expect(page.body).toMatchObject({ total: 2, items: [{ id: first.body.id, status: 'cancelled' }] });
      const next = await t.http().get(`/api/buildings/${b.id}/handovers?limit=1&offset=1`).set(t.admin);
      expect(next.body).toMatchObject({ total: 2, items: [{ id: second.body.id, status: 'scheduled', transferDate: '2012-02-01' }] });
      const tenant = await createUser(t, { role: 'tenant', tenantId: (await createTenant(t)).id });
      expect(
        (
          await t
            .http()
            .get(`/api/buildings/${b.id}/handovers`)
            .set(await t.login(tenant.email, tenant.password))
        ).status,
      ).toBe(403);
    });
  });
});
