import { DataSource } from 'typeorm';
import { FixedClock } from '../src/common/clock/clock.js';
import { auditTrail } from './helpers/audit.js';
import { binary } from './helpers/binary.js';
import { pdfText } from './helpers/pdf-text.js';
import { eventually } from './helpers/eventually.js';
import { createBuilding, createFloor, createOrganisation, createUser } from './helpers/factories.js';
import { invoiceMonth, invoiceOf, invoicingBuilding, makerWithLease } from './helpers/maker.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

type Headers = { Authorization: string };

/**
 * The double balance of a building sold in mid-2012: six makers give hours in working groups, a coordinator approves them,
 * the programme draws visitors, a fund gives a subsidy; the money goes to the seller before the transfer and to the buyer after.
 */
describe('the time account and the double balance', () => {
  const clock = FixedClock.on('2012-05-20');
  let t: TestApp;
  let buildingId: string;
  let sellerId: string;
  let buyerId: string;
  let groupId: string;
  let otherGroupId: string;
  let makers: { tenantId: string; headers: Headers }[];
  let seller: Headers;
  let buyer: Headers;
  let city: Headers;

  const record = (headers: Headers, body: Record<string, unknown>) =>
    t
      .http()
      .post('/api/time-entries')
      .set(headers)
      .send({ buildingId, kind: 'building', description: 'Dak gerepareerd', ...body });
  const approve = (headers: Headers, id: string) =>
    t.http().post(`/api/time-entries/${id}/decision`).set(headers).send({ decision: 'approved' });
  const balance = (headers: Headers, period: string) =>
    t.http().get(`/api/buildings/${buildingId}/double-balance?period=${period}`).set(headers);

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    const { building, floor } = await invoicingBuilding(t, 'DBL');
    buildingId = building.id;
    sellerId = building.ownerId as string;
    const buyerOrg = await createOrganisation(t, { kind: 'owner', name: 'Magnificent 8' });
    buyerId = buyerOrg.id;
    const cityOrg = await createOrganisation(t, { kind: 'municipality', name: 'Gemeente Amsterdam', city: 'Amsterdam' });
    makers = [];
    for (let index = 0; index < 6; index++) {
      const { tenant, user } = await makerWithLease(t, buildingId, floor.id);
      makers.push({ tenantId: tenant.id, headers: await t.login(user.email, user.password) });
    }
    const login = async (role: string, organisationId: string) => {
      const user = await createUser(t, { role, organisationId });
      return t.login(user.email, user.password);
    };
    seller = await login('owner', sellerId);
    buyer = await login('owner', buyerId);
    city = await login('municipality', cityOrg.id);

    const finance = await t
      .http()
      .put(`/api/buildings/${buildingId}/finance`)
      .set(t.admin)
      .send({
        headLeaseRentYearCents: 45_000_000,
        loanPrincipalCents: 800_000_000,
        interestRateBps: 500,
        investments: [
          { partyId: sellerId, description: 'Installaties', amountCents: 20_000_000, date: '2012-03-01' },
          { partyId: cityOrg.id, description: 'Brandveiligheid', amountCents: 6_500_000, date: '2012-04-01' },
          { partyId: cityOrg.id, description: 'Installaties', amountCents: 30_000_000, date: '2007-05-15' },
        ],
      });
    expect(finance.status).toBe(200);
    const group = await t
      .http()
      .post(`/api/buildings/${buildingId}/working-groups`)
      .set(t.admin)
      .send({ name: 'Bouw en onderhoud', coordinatorTenantId: makers[0]!.tenantId });
    expect(group.status).toBe(201);
    groupId = group.body.id;
    const other = await createBuilding(t);
    await createFloor(t, other.id, { level: 1 });
    otherGroupId = (await t.http().post(`/api/buildings/${other.id}/working-groups`).set(t.admin).send({ name: 'Elders' })).body.id;
  }, 120_000);
  afterAll(() => t.close());

  describe('working groups', () => {
    it('refuses a second group of the same name and a coordinator who rents nothing in the building', async () => {
      const again = await t.http().post(`/api/buildings/${buildingId}/working-groups`).set(t.admin).send({ name: 'Bouw en onderhoud' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('working_group_name_taken');
      const outsider = (await t.http().get(`/api/buildings/${buildingId}`).set(t.admin)).body.ownerId;
      const stranger = await t
        .http()
        .post(`/api/buildings/${buildingId}/working-groups`)
        .set(t.admin)
        .send({ name: 'Beveiliging', coordinatorTenantId: outsider });
      expect(stranger.status).toBe(422);
      expect(
        (await t.http().post(`/api/buildings/${buildingId}/working-groups`).set(makers[1]!.headers).send({ name: 'Mijn groep' })).status,
      ).toBe(403);
      const listed = await t.http().get(`/api/buildings/${buildingId}/working-groups`).set(makers[1]!.headers);
      expect(listed.body).toEqual([
        expect.objectContaining({ id: groupId, name: 'Bouw en onderhoud', coordinatorTenantId: makers[0]!.tenantId }),
      ]);
    });
  });

  describe('time entries', () => {
    it('refuses the future, anything but quarters, more than 16 hours a day, a group of another building and a building one does not rent in', async () => {
      const maker = makers[1]!.headers;
      const refusal = async (body: Record<string, unknown>, status: number, code?: string) => {
        const response = await record(maker, body);
        expect({ status: response.status, code: response.body.code }).toEqual({ status, code: code ?? response.body.code });
      };
      await refusal({ date: '2012-05-21', hours: 2 }, 422, 'time_entry_in_future');
      await refusal({ date: '2012-05-10', hours: 1.1 }, 422, 'not_in_quarters');
      await refusal({ date: '2012-05-10', hours: 0 }, 422, 'not_in_quarters');
      await refusal({ date: '2012-05-10', hours: 16.25 }, 422, 'not_in_quarters');
      await refusal({ date: '2012-05-10', hours: 2, workingGroupId: otherGroupId }, 422, 'working_group_of_other_building');
      await refusal({ date: '2011-05-10', hours: 2 }, 422, 'not_a_tenant_of_building');
      await refusal({ date: '2012-05-10', hours: 'two' }, 400);
      await refusal({ date: '2012-05-10', hours: 2, kind: 'sleeping' }, 400);
      expect((await record(maker, { date: '2012-05-10', hours: 10 })).status).toBe(201);
      await refusal({ date: '2012-05-10', hours: 6.25 }, 422, 'day_over_sixteen_hours');
      expect((await record(maker, { date: '2012-05-10', hours: 6 })).status).toBe(201);
      // Owners and the city record nothing and list nothing.
      expect((await record(seller, { date: '2012-05-10', hours: 1 })).status).toBe(403);
      expect((await t.http().get('/api/time-entries').set(city)).status).toBe(403);
    });

    it('settles concurrent entries of one day under the 16-hour cap: three of four 5-hour entries pass', async () => {
      const responses = await Promise.all([1, 2, 3, 4].map(() => record(makers[2]!.headers, { date: '2012-05-11', hours: 5 })));
      expect(responses.map((response) => response.status).sort()).toEqual([201, 201, 201, 422]);
      const listed = await t.http().get('/api/time-entries?period=2012-05').set(makers[2]!.headers);
      expect(listed.body.items.reduce((sum: number, entry: { hours: number }) => sum + entry.hours, 0)).toBe(15);
    });

    it('lets the coordinator and admins approve; approved entries are locked; another maker’s entry is 404', async () => {
      const entry = (
        await record(makers[3]!.headers, { date: '2012-05-12', hours: 2.75, workingGroupId: groupId, description: 'Kozijnen' })
      ).body;
      expect(entry).toMatchObject({ status: 'pending', hours: 2.75, quarters: 11, workingGroupId: groupId });
      // Another maker: unknown, for reading, changing and deciding alike.
      for (const response of [
        await t.http().get(`/api/time-entries/${entry.id}`).set(makers[4]!.headers),
        await t.http().patch(`/api/time-entries/${entry.id}`).set(makers[4]!.headers).send({ hours: 1 }),
        await approve(makers[4]!.headers, entry.id),
        await t.http().get(`/api/time-entries/${entry.id}`).set(seller),
      ])
        expect(response.status).toBe(404);
      expect((await t.http().get(`/api/time-entries?tenantId=${makers[3]!.tenantId}`).set(makers[4]!.headers)).body.items).toEqual([]);
      // The coordinator sees it in its queue, may not approve its own hours, and approves this one.
      const queue = await t.http().get('/api/time-entries?status=pending').set(makers[0]!.headers);
      expect(queue.body.items.map((item: { id: string }) => item.id)).toContain(entry.id);
      const tooLate = await t.http().patch(`/api/time-entries/${entry.id}`).set(makers[3]!.headers).send({ date: '2012-05-21' });
      expect({ status: tooLate.status, code: tooLate.body.code }).toEqual({ status: 422, code: 'time_entry_in_future' });
      const changed = await t.http().patch(`/api/time-entries/${entry.id}`).set(makers[3]!.headers).send({ hours: 3 });
      expect(changed.body).toMatchObject({ hours: 3, status: 'pending' });
      const approved = await approve(makers[0]!.headers, entry.id);
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'approved', hours: 3 });
      expect((await approve(t.admin, entry.id)).status).toBe(409);
      const patched = await t.http().patch(`/api/time-entries/${entry.id}`).set(makers[3]!.headers).send({ hours: 1 });
      expect({ status: patched.status, code: patched.body.code }).toEqual({ status: 409, code: 'time_entry_decided' });
      expect((await t.http().delete(`/api/time-entries/${entry.id}`).set(makers[3]!.headers)).status).toBe(409);
      // Final in the database too: no change or delete of an approved row gets past it.
      await expect(t.app.get(DataSource).query(`UPDATE time_entry SET quarters = 1 WHERE id = $1`, [entry.id])).rejects.toThrow(
        /approved and final/,
      );
      await expect(t.app.get(DataSource).query(`DELETE FROM time_entry WHERE id = $1`, [entry.id])).rejects.toThrow(/approved and final/);
      // The coordinator's own hours need an admin.
      const own = (await record(makers[0]!.headers, { date: '2012-05-12', hours: 1, workingGroupId: groupId })).body;
      expect((await approve(makers[0]!.headers, own.id)).status).toBe(403);
      // Rejected: not approved, the day's room comes back, and final too.
      const rejected = await t
        .http()
        .post(`/api/time-entries/${own.id}/decision`)
        .set(t.admin)
        .send({ decision: 'rejected', reason: 'Dubbel' });
      expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'Dubbel' });
      expect((await t.http().delete(`/api/time-entries/${own.id}`).set(makers[0]!.headers)).status).toBe(409);
      // A pending entry can be withdrawn by its maker.
      const pending = (await record(makers[5]!.headers, { date: '2012-05-13', hours: 1 })).body;
      expect((await t.http().delete(`/api/time-entries/${pending.id}`).set(makers[5]!.headers)).status).toBe(204);
      expect((await t.http().get(`/api/time-entries/${pending.id}`).set(makers[5]!.headers)).status).toBe(404);
      // The approval is an event (audited).
      expect(await auditTrail(t, 'time_entry', entry.id, 1)).toEqual([expect.objectContaining({ action: 'time-entry.approved' })]);
    });
  });

  describe('the double balance of a building sold on 1 June 2012', () => {
    beforeAll(async () => {
      // Before the sale: every maker 2 hours on the building, two of them 1.5 hours of security; approved by an admin.
      for (const maker of makers) {
        const entry = (await record(maker.headers, { date: '2012-05-02', hours: 2 })).body;
        expect((await approve(t.admin, entry.id)).status).toBe(200);
      }
      for (const maker of makers.slice(4)) {
        const entry = (await record(maker.headers, { date: '2012-05-03', hours: 1.5, kind: 'security' })).body;
        expect((await approve(t.admin, entry.id)).status).toBe(200);
      }
      expect((await t.http().put('/api/hourly-values').set(t.admin).send({ validFrom: '2012-06-01', centsPerHour: 2500 })).status).toBe(
        201,
      );
      expect((await t.http().put('/api/hourly-values').set(t.admin).send({ validFrom: '2012-06-01', centsPerHour: 2600 })).status).toBe(
        409,
      );
      await t
        .http()
        .post(`/api/buildings/${buildingId}/subsidies`)
        .set(t.admin)
        .send({ date: '2012-02-01', source: 'Mondriaan Fonds', amountCents: 1_500_000, purpose: 'Tentoonstellingen' })
        .expect(201);
      await t
        .http()
        .post(`/api/buildings/${buildingId}/programme-events`)
        .set(t.admin)
        .send({ date: '2012-03-10', title: 'Zeefdrukken', kind: 'workshop', visitors: 20, free: false })
        .expect(201);
      await invoiceMonth(t, clock, buildingId, '2012-06', '2012-05-25');

      clock.setDay('2012-06-01');
      const floorIds =
        (await t.http().get(`/api/buildings/${buildingId}/floors`).set(t.admin)).body.items?.map((floor: { id: string }) => floor.id) ??
        (await t.http().get(`/api/buildings/${buildingId}/floors`).set(t.admin)).body.map((floor: { id: string }) => floor.id);
      const handover = await t
        .http()
        .post(`/api/buildings/${buildingId}/handovers`)
        .set(t.admin)
        .send({ newOwnerId: buyerId, transferDate: '2012-06-01', retainedFloorIds: floorIds });
      expect(handover.status).toBe(202);
      await eventually(async () => {
        expect((await t.http().get(`/api/handovers/${handover.body.id}`).set(t.admin)).body.status).toBe('completed');
      }, 30_000);

      clock.setDay('2012-06-15');
      // After the sale: 10 hours of one maker and 15 of another (three entries), at € 25,00.
      for (const [maker, hours] of [
        [makers[1]!, 10],
        [makers[2]!, 5],
        [makers[2]!, 5],
        [makers[2]!, 5],
      ] as const) {
        const entry = (await record(maker.headers, { date: '2012-06-14', hours })).body;
        expect((await approve(t.admin, entry.id)).status).toBe(200);
      }
      await record(makers[3]!.headers, { date: '2012-06-14', hours: 4 }); // pending: not in the balance
      await t
        .http()
        .post(`/api/buildings/${buildingId}/programme-events`)
        .set(t.admin)
        .send({ date: '2012-06-02', title: 'Open ateliers', kind: 'open_studios', visitors: 850, free: true })
        .expect(201);
      const invoice = await invoiceOf(t, makers[1]!.tenantId, '2012-06');
      await t
        .http()
        .post(`/api/invoices/${invoice.id}/payments`)
        .set(t.admin)
        .send({ amountCents: invoice.totalCents, paidOn: '2012-06-10' })
        .expect(201);
    }, 120_000);

    it('gives admins every figure: money per party to the cent, each owner for its own days, hours to the quarter and valued apart', async () => {
      const response = await balance(t.admin, '2012');
      expect(response.status).toBe(200);
      const body = response.body;
      expect(body).toMatchObject({ period: '2012', first: '2012-01-01', last: '2012-12-31', detail: 'exact' });
      const partyOf = (partyId: string | null, role?: string) =>
        body.money.parties.find(
          (party: { partyId: string | null; role: string }) => party.partyId === partyId && (role === undefined || party.role === role),
        );
      expect(body.money.rentInvoicedCents).toBe(6 * 12_500);
      expect(partyOf(null, 'tenants')).toMatchObject({ inCents: 0, outCents: 12_500 });
      // The seller: 1 January – 31 May (152 of 366 days); the buyer from 1 June (214 days).
      expect(partyOf(sellerId)).toMatchObject({
        inCents: 18_688_525,
        outCents: 16_612_022 + 20_000_000,
        lines: [
          { item: 'head_lease_rent', inCents: 18_688_525, outCents: 0, ownedDays: 152 },
          { item: 'interest', inCents: 0, outCents: 16_612_022, ownedDays: 152 },
          { item: 'investment', inCents: 0, outCents: 20_000_000 },
        ],
      });
      expect(partyOf(buyerId)).toMatchObject({
        inCents: 26_311_475,
        outCents: 23_387_978,
        lines: [
          { item: 'head_lease_rent', inCents: 26_311_475, outCents: 0, ownedDays: 214 },
          { item: 'interest', inCents: 0, outCents: 23_387_978, ownedDays: 214 },
        ],
      });
      expect(body.money.parties.find((party: { role: string }) => party.role === 'umbrella')).toMatchObject({
        inCents: 12_500 + 1_500_000,
        outCents: 18_688_525 + 26_311_475,
      });
      expect(body.money.parties.find((party: { role: string }) => party.role === 'municipality')).toMatchObject({ outCents: 6_500_000 });
      expect(body.money.parties.find((party: { role: string }) => party.role === 'subsidy_source')).toMatchObject({
        name: 'Mondriaan Fonds',
        outCents: 1_500_000,
      });
      expect(body.money.ownerBooksWithheld).toBe(false);
      // Approved hours only: 6 × 2 + 2 × 1.5 before the sale at € 20,00, and (from the first tests) 3 in May; 25 after it at € 25,00.
      const kind = (key: string) => body.time.byKind.find((cell: { key: string }) => cell.key === key);
      expect(body.time.total).toEqual({ key: 'total', hours: 12 + 3 + 3 + 25, people: 6, valueCents: (12 + 3 + 3) * 2000 + 25 * 2500 });
      expect(kind('security')).toEqual({ key: 'security', hours: 3, people: 2, valueCents: 6000 });
      expect(kind('building')).toEqual({ key: 'building', hours: 40, people: 6, valueCents: 15 * 2000 + 25 * 2500 });
      expect(body.time.byGroup).toEqual(
        expect.arrayContaining([expect.objectContaining({ key: groupId, name: 'Bouw en onderhoud', hours: 3, people: 1 })]),
      );
      expect(body.time.events).toMatchObject({ events: 2, visitors: 870, free: 1, paid: 1 });
      expect(body.valuation).toEqual({
        valueCents: 18 * 2000 + 25 * 2500,
        hourlyValues: [
          { validFrom: '1900-01-01', centsPerHour: 2000 },
          { validFrom: '2012-06-01', centsPerHour: 2500 },
        ],
      });
    });

    it('gives each owner its own books only, the seller its months before the sale, and totals with <5', async () => {
      const sold = (await balance(seller, '2012')).body;
      expect(sold.detail).toBe('masked');
      expect(sold.money.ownerBooksWithheld).toBe(true);
      const owners = (body: { money: { parties: { role: string; partyId: string; lines: { item: string }[] }[] } }) =>
        body.money.parties
          .filter((party) => party.role === 'owner' && party.lines.some((line) => line.item !== 'investment'))
          .map((party) => party.partyId);
      expect(owners(sold)).toEqual([sellerId]);
      expect(owners((await balance(buyer, '2012')).body)).toEqual([buyerId]);
      expect((await balance(seller, '2012-07')).status).toBe(404);
      expect((await balance(buyer, '2012-05')).status).toBe(404);
      const june = (await balance(buyer, '2012-06')).body;
      // Two people behind June's hours: the count is <5 and the hours withheld.
      expect(june.time.total).toEqual({ key: 'total', hours: null, people: '<5', valueCents: null });
      // Security has two people: <5; and so that the total does not give it away, the next-smallest kind is withheld too.
      const kinds = Object.fromEntries(sold.time.byKind.map((cell: { key: string; people: unknown }) => [cell.key, cell.people]));
      expect(kinds.security).toBe('<5');
      expect(kinds.building).toBe('<5');
      expect(sold.time.total).toMatchObject({ hours: 43, people: 6 });
      expect((await balance(makers[1]!.headers, '2012')).status).toBe(403);
    });

    it('shows the city its buildings and totals with <5 wherever fewer than five people stand behind a number', async () => {
      const response = await t.http().get('/api/double-balance?period=2012').set(city);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ city: 'Amsterdam', detail: 'masked' });
      expect(response.body.totals.time.total).toMatchObject({ hours: 43, people: 6 });
      const security = response.body.totals.time.byKind.find((cell: { key: string }) => cell.key === 'security');
      expect(security).toEqual({ key: 'security', hours: null, people: '<5', valueCents: null });
      expect(response.body.totals).toMatchObject({
        rentReceivedCents: 12_500,
        subsidiesCents: 1_500_000,
        municipalInvestmentCents: 6_500_000,
      });
      const row = response.body.buildings.find((entry: { buildingId: string }) => entry.buildingId === buildingId);
      expect(row).toMatchObject({ time: { hours: 43, people: 6 }, events: 2, visitors: 870 });
      const june = await t.http().get('/api/double-balance?period=2012-06').set(city);
      expect(june.body.totals.time.total).toEqual({ key: 'total', hours: null, people: '<5', valueCents: null });
      expect((await t.http().get('/api/double-balance?period=2012&city=Rotterdam').set(city)).status).toBe(403);
      expect((await balance(city, '2012')).body.money.ownerBooksWithheld).toBe(true);
      // The city's monitor carries the time account too.
      const monitor = await t
        .http()
        .post('/api/reports')
        .set(city)
        .send({ kind: 'municipality-monitor', period: '2012-06', format: 'json' });
      await eventually(async () => {
        expect((await t.http().get(`/api/reports/${monitor.body.id}`).set(city)).body.status).toBe('completed');
      }, 30_000);
      const figures = JSON.parse(
        (await t.http().get(`/api/reports/${monitor.body.id}/file`).set(city).buffer(true).parse(binary)).body.toString(),
      );
      expect(figures.timeAccount.totals).toEqual({ hours: null, people: '<5', valueCents: null, events: 1, visitors: 850 });
    });

    it('makes a double-balance report in JSON, CSV, XLSX and PDF with the requester’s view', async () => {
      const ask = async (headers: Headers, body: Record<string, unknown>) => {
        const requested = await t
          .http()
          .post('/api/reports')
          .set(headers)
          .send({ kind: 'double-balance', period: '2012', ...body });
        expect(requested.status).toBe(202);
        await eventually(async () => {
          expect((await t.http().get(`/api/reports/${requested.body.id}`).set(headers)).body.status).toBe('completed');
        }, 30_000);
        return t.http().get(`/api/reports/${requested.body.id}/file`).set(headers).buffer(true).parse(binary);
      };
      const json = JSON.parse((await ask(city, { format: 'json' })).body.toString());
      expect(json).toMatchObject({ scope: 'city', subject: 'Amsterdam', detail: 'masked', timeTotal: { hours: 43, people: 6 } });
      expect(json.timeByKind.find((cell: { key: string }) => cell.key === 'security').people).toBe('<5');
      const csv = (await ask(t.admin, { format: 'csv', buildingId })).body.toString();
      expect(csv).toContain('time,security,,,,3,2,6000');
      expect((await ask(seller, { format: 'xlsx', buildingId })).body.subarray(0, 2).toString()).toBe('PK');
      const pdf = await pdfText((await ask(seller, { format: 'pdf', buildingId })).body);
      expect(pdf).toContain('Dubbele balans');
      expect(pdf).toContain('<5 personen');
      expect(
        (await t.http().post('/api/reports').set(seller).send({ kind: 'double-balance', period: '2012-07', format: 'pdf', buildingId }))
          .status,
      ).toBe(404);
    });
  });
});
