import { randomBytes } from 'node:crypto';
import { FixedClock } from '../src/common/clock/clock.js';
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
  type Created,
} from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

type Headers = Record<string, string>;
type Item = { id: string; [field: string]: unknown };

/**
 * Every list a user needs to find what the product made: each shows what its records show to that
 * user (a tenant its own, an owner its buildings, the city its city), pages with limit/offset/total
 * and answers a bad query with 400 on the field.
 */
describe('lists', () => {
  const clock = FixedClock.on('2012-03-01');
  let t: TestApp;

  let buildingA: Created;
  let buildingB: Created;
  let floorA1: Created;
  let floorA2: Created;
  let floorB1: Created;
  let spaceA01: Created;
  let spaceA02: Created;
  let tenant1: Created;
  let tenant2: Created;
  let tenant3: Created;
  let lease1: Created;
  let lease2: Created;
  let lease3: Created;
  let tenantUser1: Headers;
  let tenantUser2: Headers;
  let ownerUserA: Headers;
  let ownerUserB: Headers;
  let cityUser: Headers;

  const unique = () => randomBytes(4).toString('hex');
  const signIn = async (overrides: Record<string, unknown>) => {
    const user = await createUser(t, overrides);
    return { user, headers: await t.login(user.email, user.password) };
  };
  const get = (path: string, headers: Headers) => t.http().get(path).set(headers);
  const ids = (body: { items: Item[] }) => body.items.map((item) => item.id);
  const fieldsOf = (body: { details?: { field?: string }[] }) => (body.details ?? []).map((detail) => detail.field);
  const expectBadQuery = async (path: string, headers: Headers, field: string) => {
    const response = await get(path, headers);
    expect([response.status, fieldsOf(response.body)]).toEqual([400, [field]]);
  };

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    const issuer = await createIssuer(t);
    const ownerA = await createOrganisation(t, { kind: 'owner' });
    const ownerB = await createOrganisation(t, { kind: 'owner' });
    buildingA = await createBuilding(t, { umbrellaId: issuer.id, ownerId: ownerA.id, city: 'Amsterdam' });
    buildingB = await createBuilding(t, { umbrellaId: issuer.id, ownerId: ownerB.id, city: 'Utrecht' });
    floorA1 = await createFloor(t, buildingA.id, { level: 1 });
    floorA2 = await createFloor(t, buildingA.id, { level: 2 });
    floorB1 = await createFloor(t, buildingB.id, { level: 1 });
    spaceA02 = await createSpace(t, floorA1.id, { code: 'A-02', areaM2: 30 });
    spaceA01 = await createSpace(t, floorA1.id, { code: 'A-01', areaM2: 25 });
    await createSpace(t, floorA2.id, { code: 'B-01', areaM2: 500 });
    const spaceB = await createSpace(t, floorB1.id, { code: 'U-01', areaM2: 20 });

    tenant1 = await createTenant(t, { name: 'Anna Zwart', email: `anna.zwart-${unique()}@test.example` });
    tenant2 = await createTenant(t, { name: 'Bram Wit', email: `bram.wit-${unique()}@test.example` });
    tenant3 = await createTenant(t, { name: 'Cor Rood', email: `cor.rood-${unique()}@test.example` });
    for (const [tenant, building] of [
      [tenant1, buildingA],
      [tenant2, buildingA],
      [tenant3, buildingB],
    ] as const) {
      await assessBand(t, tenant.id, building.id, 2_000_000);
    }
    lease1 = await createLease(t, { tenantId: tenant1.id, spaceId: spaceA01.id, startDate: '2012-01-01', endDate: '2012-06-30' });
    lease2 = await createLease(t, { tenantId: tenant2.id, spaceId: spaceA02.id, startDate: '2012-01-01', endDate: '2012-12-31' });
    lease3 = await createLease(t, { tenantId: tenant3.id, spaceId: spaceB.id, startDate: '2012-01-01', endDate: '2012-05-31' });

    tenantUser1 = (await signIn({ role: 'tenant', tenantId: tenant1.id })).headers;
    tenantUser2 = (await signIn({ role: 'tenant', tenantId: tenant2.id })).headers;
    ownerUserA = (await signIn({ role: 'owner', organisationId: ownerA.id })).headers;
    ownerUserB = (await signIn({ role: 'owner', organisationId: ownerB.id })).headers;
    const city = await createOrganisation(t, { kind: 'municipality', city: 'Amsterdam' });
    cityUser = (await signIn({ role: 'municipality', organisationId: city.id })).headers;
  });
  afterAll(() => t.close());

  /** A round on these floors, open on the test's day. */
  async function createRound(buildingId: string, floorIds: string[], opensOn = '2012-02-01') {
    const response = await t
      .http()
      .post(`/api/buildings/${buildingId}/application-rounds`)
      .set(t.admin)
      .send({ name: `Ronde ${unique()}`, opensOn, closesOn: '2012-03-31', floorIds });
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  /** A draft application by `headers` (its contact) with these makers as members. */
  async function apply(headers: Headers, roundId: string, floorIds: string[], members: { name: string; email: string }[]) {
    const response = await t
      .http()
      .post(`/api/application-rounds/${roundId}/applications`)
      .set(headers)
      .send({
        groupName: `Groep ${unique()}`,
        plan: 'Open ateliers voor de buurt',
        preferredFloorIds: floorIds,
        members: members.map((member) => ({ ...member, discipline: 'design', requestedAreaM2: 20 })),
      });
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  const submit = async (id: string, headers: Headers) =>
    expect((await t.http().post(`/api/applications/${id}/submit`).set(headers)).status).toBe(200);

  describe('GET /api/floors/:id/spaces', () => {
    it('lists a floor’s spaces by code, in pages', async () => {
      const all = await get(`/api/floors/${floorA1.id}/spaces`, t.admin);
      expect(all.status).toBe(200);
      expect(all.body).toEqual({
        items: [
          { id: spaceA01.id, floorId: floorA1.id, buildingId: buildingA.id, code: 'A-01', areaM2: 25, use: 'studio', publicCounter: false },
          expect.objectContaining({ id: spaceA02.id, code: 'A-02', areaM2: 30 }),
        ],
        total: 2,
      });
      const second = await get(`/api/floors/${floorA1.id}/spaces?limit=1&offset=1`, t.admin);
      expect([ids(second.body), second.body.total]).toEqual([[spaceA02.id], 2]);
      expect((await get(`/api/floors/${floorA1.id}/spaces?offset=2`, t.admin)).body).toEqual({ items: [], total: 2 });
    });

    it('shows the spaces to whoever may see the building: its owner and its city, not another owner or city', async () => {
      for (const headers of [ownerUserA, cityUser, tenantUser1]) {
        expect(ids((await get(`/api/floors/${floorA1.id}/spaces`, headers)).body)).toEqual([spaceA01.id, spaceA02.id]);
      }
      for (const [floor, headers] of [
        [floorA1, ownerUserB],
        [floorB1, cityUser],
      ] as const) {
        const response = await get(`/api/floors/${floor.id}/spaces`, headers);
        expect([response.status, response.body.code]).toEqual([404, 'floor_not_found']);
      }
    });

    it('answers a bad page with 400 and an unknown floor with 404', async () => {
      await expectBadQuery(`/api/floors/${floorA1.id}/spaces?limit=-1`, t.admin, 'limit');
      await expectBadQuery(`/api/floors/${floorA1.id}/spaces?offset=x`, t.admin, 'offset');
      await expectBadQuery(`/api/floors/${floorA1.id}/spaces?limit=1001`, t.admin, 'limit');
      expect((await get(`/api/floors/${lease1.id}/spaces`, t.admin)).status).toBe(404);
      expect((await get('/api/floors/not-an-id/spaces', t.admin)).status).toBe(404);
    });
  });

  describe('GET /api/buildings/:id/invoice-runs and GET /api/invoices?status=', () => {
    async function runToCompletion(buildingId: string, period: string): Promise<string> {
      const started = await t.http().post(`/api/buildings/${buildingId}/invoice-runs`).set(t.admin).send({ period });
      expect(started.status).toBe(202);
      await eventually(async () => {
        expect((await get(`/api/invoice-runs/${started.body.id}`, t.admin)).body.status).toBe('completed');
      }, 30_000);
      return started.body.id as string;
    }

    let januaryRun: string;
    let februaryRun: string;
    let buildingBRun: string;
    beforeAll(async () => {
      januaryRun = await runToCompletion(buildingA.id, '2012-01');
      februaryRun = await runToCompletion(buildingA.id, '2012-02');
      buildingBRun = await runToCompletion(buildingB.id, '2012-02');
    });

    const invoiceOf = async (leaseId: string, period: string) => {
      const page = (await get(`/api/invoices?period=${period}`, t.admin)).body as { items: { id: string; leaseId: string }[] };
      return page.items.find((invoice) => invoice.leaseId === leaseId)!.id;
    };

    it('lists a building’s runs, newest period first, in pages and by status', async () => {
      const all = await get(`/api/buildings/${buildingA.id}/invoice-runs`, t.admin);
      expect(all.status).toBe(200);
      expect(all.body.total).toBe(2);
      expect(all.body.items).toEqual([
        expect.objectContaining({ id: februaryRun, buildingId: buildingA.id, period: '2012-02', status: 'completed', invoiceCount: 2 }),
        expect.objectContaining({ id: januaryRun, period: '2012-01', status: 'completed', invoiceCount: 2 }),
      ]);
      const second = await get(`/api/buildings/${buildingA.id}/invoice-runs?limit=1&offset=1`, t.admin);
      expect([ids(second.body), second.body.total]).toEqual([[januaryRun], 2]);
      expect((await get(`/api/buildings/${buildingA.id}/invoice-runs?status=completed`, t.admin)).body.total).toBe(2);
      expect((await get(`/api/buildings/${buildingA.id}/invoice-runs?status=failed`, t.admin)).body).toEqual({ items: [], total: 0 });
      expect(ids((await get(`/api/buildings/${buildingB.id}/invoice-runs`, t.admin)).body)).toEqual([buildingBRun]);
    });

    it('keeps the runs to staff who run invoicing, and answers a bad query with 400', async () => {
      for (const headers of [tenantUser1, ownerUserA, cityUser]) {
        expect((await get(`/api/buildings/${buildingA.id}/invoice-runs`, headers)).status).toBe(403);
      }
      await expectBadQuery(`/api/buildings/${buildingA.id}/invoice-runs?status=foo`, t.admin, 'status');
      await expectBadQuery(`/api/buildings/${buildingA.id}/invoice-runs?limit=-1`, t.admin, 'limit');
      const unknown = await get(`/api/buildings/${lease1.id}/invoice-runs`, t.admin);
      expect([unknown.status, unknown.body.code]).toEqual([404, 'building_not_found']);
    });

    it('lists the invoices open past their due date as overdue: not paid, credited or credit notes, nor those not yet due', async () => {
      const paid = await invoiceOf(lease1.id, '2012-01');
      const { totalCents } = (await get(`/api/invoices/${paid}`, t.admin)).body;
      const payment = await t
        .http()
        .post(`/api/invoices/${paid}/payments`)
        .set(t.admin)
        .send({ amountCents: totalCents, paidOn: '2012-03-01' });
      expect(payment.status).toBe(201);
      const credited = await invoiceOf(lease2.id, '2012-01');
      const creditNote = await t
        .http()
        .post(`/api/invoices/${credited}/credit-notes`)
        .set(t.admin)
        .send({ reason: 'Twee keer gefactureerd' });
      expect(creditNote.status).toBe(201);
      const overdueA = [await invoiceOf(lease1.id, '2012-02'), await invoiceOf(lease2.id, '2012-02')];
      const overdueB = await invoiceOf(lease3.id, '2012-02');

      // Issued on 2012-03-01 and due fourteen days later: nothing is overdue yet.
      expect((await get(`/api/invoices?status=overdue`, t.admin)).body).toEqual({ items: [], total: 0 });
      clock.setDay('2012-03-16');
      try {
        const overdue = await get(`/api/invoices?status=overdue&buildingId=${buildingA.id}`, t.admin);
        expect(overdue.status).toBe(200);
        expect([ids(overdue.body).sort(), overdue.body.total]).toEqual([[...overdueA].sort(), 2]);
        expect(overdue.body.items.every((invoice: { status: string }) => invoice.status === 'open')).toBe(true);
        expect((await get('/api/invoices?status=overdue', t.admin)).body.total).toBe(3);
        const paged = await get('/api/invoices?status=overdue&limit=1&offset=2', t.admin);
        expect([paged.body.items.length, paged.body.total]).toEqual([1, 3]);

        expect(ids((await get(`/api/invoices?status=open&buildingId=${buildingA.id}`, t.admin)).body).sort()).toEqual([...overdueA].sort());
        const paidPage = (await get(`/api/invoices?status=paid&buildingId=${buildingA.id}`, t.admin)).body;
        expect(ids(paidPage).sort()).toEqual([paid, creditNote.body.id].sort());
        expect(ids((await get(`/api/invoices?status=credited&buildingId=${buildingA.id}`, t.admin)).body)).toEqual([credited]);

        expect(ids((await get('/api/invoices?status=overdue', tenantUser1)).body)).toEqual([overdueA[0]]);
        expect(ids((await get('/api/invoices?status=overdue', tenantUser2)).body)).toEqual([overdueA[1]]);
        expect((await get(`/api/invoices?status=overdue&tenantId=${tenant3.id}`, tenantUser1)).body).toEqual({ items: [], total: 0 });
        expect(ids((await get(`/api/invoices?status=overdue&tenantId=${tenant3.id}`, t.admin)).body)).toEqual([overdueB]);
      } finally {
        clock.setDay('2012-03-01');
      }
    });

    it('keeps invoices from owners and the city, and answers a bad status or page with 400', async () => {
      for (const headers of [ownerUserA, cityUser]) expect((await get('/api/invoices?status=overdue', headers)).status).toBe(403);
      await expectBadQuery('/api/invoices?status=foo', t.admin, 'status');
      await expectBadQuery('/api/invoices?status=overdue&limit=0', tenantUser1, 'limit');
      await expectBadQuery('/api/invoices?status=overdue&offset=-1', t.admin, 'offset');
    });
  });

  describe('GET /api/leases?endingBefore=', () => {
    it('lists the leases ending before a day, soonest first, in pages; open ends and later ends are left out', async () => {
      const path = (query: string) => `/api/leases?buildingId=${buildingA.id}&${query}`;
      expect(ids((await get(path('endingBefore=2012-07-01'), t.admin)).body)).toEqual([lease1.id]);
      expect((await get(path('endingBefore=2012-06-30'), t.admin)).body).toEqual({ items: [], total: 0 });
      const both = await get(path('endingBefore=2013-01-01'), t.admin);
      expect([ids(both.body), both.body.total]).toEqual([[lease1.id, lease2.id], 2]);
      expect(both.body.items[0]).toMatchObject({ id: lease1.id, endDate: '2012-06-30', tenantId: tenant1.id });
      const second = await get(path('endingBefore=2013-01-01&limit=1&offset=1'), t.admin);
      expect([ids(second.body), second.body.total]).toEqual([[lease2.id], 2]);
      expect(ids((await get('/api/leases?endingBefore=2012-06-30', t.admin)).body)).toEqual([lease3.id]);
      expect(ids((await get(path('endingBefore=2013-01-01&status=active'), t.admin)).body)).toEqual([lease1.id, lease2.id]);
    });

    it('shows a tenant only its own leases, and owners and the city none', async () => {
      expect(ids((await get('/api/leases?endingBefore=2013-01-01', tenantUser1)).body)).toEqual([lease1.id]);
      expect(ids((await get('/api/leases?endingBefore=2013-01-01', tenantUser2)).body)).toEqual([lease2.id]);
      expect((await get(`/api/leases?endingBefore=2013-01-01&tenantId=${tenant3.id}`, tenantUser1)).body).toEqual({ items: [], total: 0 });
      for (const headers of [ownerUserA, cityUser]) expect((await get('/api/leases?endingBefore=2013-01-01', headers)).status).toBe(403);
    });

    it('answers a day that is not a date with 400 on endingBefore', async () => {
      for (const day of ['notadate', '2012-02-30', '2012-3-01', '9999-01-01']) {
        await expectBadQuery(`/api/leases?endingBefore=${day}`, t.admin, 'endingBefore');
      }
      await expectBadQuery('/api/leases?endingBefore=2013-01-01&limit=-1', tenantUser1, 'limit');
    });
  });

  describe('GET /api/tenants', () => {
    it('finds tenants by part of their name or e-mail, in any case', async () => {
      expect(ids((await get('/api/tenants?q=ZWART', t.admin)).body)).toEqual([tenant1.id]);
      expect(ids((await get('/api/tenants?q=Bram.Wit-', t.admin)).body)).toEqual([tenant2.id]);
      expect(ids((await get(`/api/tenants?q=${encodeURIComponent(String(tenant3.email).slice(0, 14))}`, t.admin)).body)).toEqual([
        tenant3.id,
      ]);
      expect((await get('/api/tenants?q=nobody-by-this-name', t.admin)).body).toEqual({ items: [], total: 0 });
    });

    it('matches %, _ and \\ as themselves, not as wildcards', async () => {
      const percent = await createTenant(t, { name: 'Studio 100% Zeep', email: `zeep-${unique()}@test.example` });
      const underscore = await createTenant(t, { name: 'Atelier_Noord', email: `noord-${unique()}@test.example` });
      const backslash = await createTenant(t, { name: 'Kollektief \\ Oost', email: `oost-${unique()}@test.example` });
      expect(ids((await get(`/api/tenants?q=${encodeURIComponent('%')}`, t.admin)).body)).toEqual([percent.id]);
      expect(ids((await get('/api/tenants?q=_', t.admin)).body)).toEqual([underscore.id]);
      expect(ids((await get(`/api/tenants?q=${encodeURIComponent('\\')}`, t.admin)).body)).toEqual([backslash.id]);
      expect((await get(`/api/tenants?q=${encodeURIComponent('a%z')}`, t.admin)).body.total).toBe(0);
    });

    it('pages the matches by name', async () => {
      const made = [];
      for (const name of ['Kunstwerkplaats Drie', 'Kunstwerkplaats Een', 'Kunstwerkplaats Twee']) {
        made.push(await createTenant(t, { name, email: `kwp-${unique()}@test.example` }));
      }
      const all = await get('/api/tenants?q=kunstwerkplaats', t.admin);
      expect([ids(all.body), all.body.total]).toEqual([made.map((tenant) => tenant.id), 3]);
      const last = await get('/api/tenants?q=kunstwerkplaats&limit=2&offset=2', t.admin);
      expect([ids(last.body), last.body.total]).toEqual([[made[2]!.id], 3]);
    });

    it('names a building’s tenants: by lease, by band assessment and as members of a group allocated a floor there', async () => {
      const assessedOnly = await createTenant(t, { name: 'Dirk Geel', email: `dirk-${unique()}@test.example` });
      await assessBand(t, assessedOnly.id, buildingA.id, 3_000_000);
      const { headers } = await signIn({ role: 'tenant', email: `contact-${unique()}@test.example` });
      const roundId = await createRound(buildingA.id, [floorA2.id]);
      const members = [
        { name: 'Groepslid Een', email: `lid-een-${unique()}@test.example` },
        { name: 'Groepslid Twee', email: `lid-twee-${unique()}@test.example` },
      ];
      const applicationId = await apply(headers, roundId, [floorA2.id], members);
      await submit(applicationId, headers);
      const allocated = await t.http().post(`/api/applications/${applicationId}/allocate`).set(t.admin).send({ floorId: floorA2.id });
      expect(allocated.status).toBe(201);
      const memberIds: string[] = allocated.body.tenantIds;
      expect(memberIds).toHaveLength(2);

      const ofA = await get(`/api/tenants?buildingId=${buildingA.id}`, t.admin);
      expect(ofA.status).toBe(200);
      expect([ids(ofA.body).sort(), ofA.body.total]).toEqual([[tenant1.id, tenant2.id, assessedOnly.id, ...memberIds].sort(), 5]);
      expect(ids((await get(`/api/tenants?buildingId=${buildingB.id}`, t.admin)).body)).toEqual([tenant3.id]);
      const membersOfA = await get(`/api/tenants?buildingId=${buildingA.id}&q=groepslid`, t.admin);
      expect([ids(membersOfA.body).sort(), membersOfA.body.total]).toEqual([[...memberIds].sort(), 2]);
      expect((await get(`/api/tenants?buildingId=${buildingB.id}&q=groepslid`, t.admin)).body).toEqual({ items: [], total: 0 });
      const paged = await get(`/api/tenants?buildingId=${buildingA.id}&limit=2&offset=4`, t.admin);
      expect([paged.body.items.length, paged.body.total]).toEqual([1, 5]);
    });

    it('keeps the tenants list to staff, and answers a bad query with 400', async () => {
      for (const headers of [tenantUser1, ownerUserA, cityUser]) expect((await get('/api/tenants?q=zwart', headers)).status).toBe(403);
      await expectBadQuery('/api/tenants?q=', t.admin, 'q');
      await expectBadQuery(`/api/tenants?q=${'x'.repeat(201)}`, t.admin, 'q');
      await expectBadQuery('/api/tenants?q=zwart&limit=-1', t.admin, 'limit');
      await expectBadQuery('/api/tenants?buildingId=nope', t.admin, 'buildingId');
    });
  });

  describe('GET /api/reports', () => {
    it('shows each user the reports it requested, newest first; admins everyone’s; in pages and by kind', async () => {
      const request = async (headers: Headers, body: Record<string, unknown>) => {
        const response = await t
          .http()
          .post('/api/reports')
          .set(headers)
          .send({ period: '2012', format: 'json', ...body });
        expect(response.status).toBe(202);
        return response.body.id as string;
      };
      const ofOwnerA = await request(ownerUserA, { kind: 'owner-occupancy', buildingId: buildingA.id });
      const ofOwnerB = await request(ownerUserB, { kind: 'owner-occupancy', buildingId: buildingB.id });
      const ofCity = await request(cityUser, { kind: 'municipality-monitor' });
      const ofAdmin = await request(t.admin, { kind: 'owner-occupancy', buildingId: buildingB.id });
      await eventually(async () => {
        const page = (await get('/api/reports', t.admin)).body as { items: { status: string }[] };
        expect(page.items.map((report) => report.status).filter((status) => status === 'queued' || status === 'running')).toEqual([]);
      }, 30_000);

      const ofOwnerAPage = await get('/api/reports', ownerUserA);
      expect(ofOwnerAPage.status).toBe(200);
      expect(ofOwnerAPage.body).toEqual({
        items: [
          expect.objectContaining({ id: ofOwnerA, kind: 'owner-occupancy', buildingId: buildingA.id, period: '2012', format: 'json' }),
        ],
        total: 1,
      });
      expect(ids((await get('/api/reports', ownerUserB)).body)).toEqual([ofOwnerB]);
      expect(ids((await get('/api/reports', cityUser)).body)).toEqual([ofCity]);
      expect(ids((await get('/api/reports?kind=owner-occupancy', cityUser)).body)).toEqual([]);

      const all = await get('/api/reports', t.admin);
      expect([ids(all.body).sort(), all.body.total]).toEqual([[ofOwnerA, ofOwnerB, ofCity, ofAdmin].sort(), 4]);
      const times = all.body.items.map((report: { createdAt: string }) => report.createdAt);
      expect(times).toEqual([...times].sort().reverse());
      const lastTwo = await get('/api/reports?limit=2&offset=2', t.admin);
      expect([ids(lastTwo.body), lastTwo.body.total]).toEqual([ids(all.body).slice(2), 4]);
      expect(ids((await get('/api/reports?kind=municipality-monitor', t.admin)).body)).toEqual([ofCity]);
      const done = (await get('/api/reports?status=completed', t.admin)).body;
      expect(done.items.every((report: { status: string }) => report.status === 'completed')).toBe(true);
    });

    it('gives tenants no reports, and answers a bad query with 400', async () => {
      expect((await get('/api/reports', tenantUser1)).status).toBe(403);
      await expectBadQuery('/api/reports?kind=foo', ownerUserA, 'kind');
      await expectBadQuery('/api/reports?status=done', t.admin, 'status');
      await expectBadQuery('/api/reports?limit=-1', cityUser, 'limit');
    });
  });

  describe('lists of rounds, applications and offers', () => {
    let roundId: string;
    let olderRoundId: string;
    let ours: string;
    let theirs: string;
    let contact: Headers;
    let member: Headers;
    let stranger: Headers;

    beforeAll(async () => {
      olderRoundId = await createRound(buildingA.id, [floorA1.id], '2012-01-15');
      roundId = await createRound(buildingA.id, [floorA1.id, floorA2.id]);
      contact = (await signIn({ role: 'tenant', email: `contact-${unique()}@test.example` })).headers;
      const memberUser = await signIn({ role: 'tenant', email: `member-${unique()}@test.example` });
      member = memberUser.headers;
      stranger = (await signIn({ role: 'tenant', email: `stranger-${unique()}@test.example` })).headers;
      const other = (await signIn({ role: 'tenant', email: `other-${unique()}@test.example` })).headers;
      ours = await apply(
        contact,
        roundId,
        [floorA1.id],
        [
          { name: 'Lid', email: memberUser.user.email },
          { name: 'Ander lid', email: `ander-${unique()}@test.example` },
        ],
      );
      theirs = await apply(other, roundId, [floorA1.id], [{ name: 'Iemand', email: `iemand-${unique()}@test.example` }]);
    });

    it('lists a building’s rounds, newest first, with their floors, for whoever may see the building', async () => {
      const rounds = await get(`/api/buildings/${buildingA.id}/application-rounds`, t.admin);
      expect(rounds.status).toBe(200);
      // The tenants test above opened one more round on floor 2, on the same day as `roundId`.
      expect(rounds.body.total).toBe(3);
      expect(ids(rounds.body)).toContain(roundId);
      expect(ids(rounds.body).at(-1)).toBe(olderRoundId);
      expect(rounds.body.items.find((round: Item) => round.id === roundId)).toMatchObject({
        opensOn: '2012-02-01',
        closesOn: '2012-03-31',
        floorIds: expect.arrayContaining([floorA1.id, floorA2.id]),
      });
      const last = await get(`/api/buildings/${buildingA.id}/application-rounds?limit=1&offset=2`, t.admin);
      expect([ids(last.body), last.body.total]).toEqual([[olderRoundId], 3]);
      for (const headers of [ownerUserA, cityUser, stranger]) {
        expect((await get(`/api/buildings/${buildingA.id}/application-rounds`, headers)).body.total).toBe(3);
      }
      expect((await get(`/api/buildings/${buildingA.id}/application-rounds`, ownerUserB)).status).toBe(404);
      expect((await get(`/api/buildings/${buildingB.id}/application-rounds`, t.admin)).body).toEqual({ items: [], total: 0 });
      await expectBadQuery(`/api/buildings/${buildingA.id}/application-rounds?limit=-1`, t.admin, 'limit');
    });

    it('shows an application to its contact and its members under mine=true, never to a stranger', async () => {
      for (const headers of [contact, member]) {
        const mine = await get('/api/applications?mine=true', headers);
        expect([mine.status, ids(mine.body), mine.body.total]).toEqual([200, [ours], 1]);
        expect(mine.body.items[0]).toMatchObject({ id: ours, roundId, status: 'draft' });
      }
      for (const query of ['?mine=true', '', '?mine=false']) {
        expect((await get(`/api/applications${query}`, stranger)).body).toEqual({ items: [], total: 0 });
      }
      expect((await get('/api/offers?mine=true', stranger)).body).toEqual({ items: [], total: 0 });
      const all = await get('/api/applications', t.admin);
      expect(ids(all.body)).toEqual(expect.arrayContaining([ours, theirs]));
      expect((await get('/api/applications?mine=true', t.admin)).body).toEqual({ items: [], total: 0 });

      await submit(ours, contact);
      expect(ids((await get('/api/applications?mine=true&status=submitted', member)).body)).toEqual([ours]);
      expect((await get('/api/applications?mine=true&status=draft', member)).body).toEqual({ items: [], total: 0 });
      await expectBadQuery('/api/applications?mine=yes', contact, 'mine');
      await expectBadQuery('/api/applications?status=foo', contact, 'status');
      await expectBadQuery('/api/offers?status=foo', contact, 'status');
    });

    it('lists a round’s applications to admins only, by status and in pages', async () => {
      const all = await get(`/api/application-rounds/${roundId}/applications`, t.admin);
      expect([all.status, ids(all.body).sort(), all.body.total]).toEqual([200, [ours, theirs].sort(), 2]);
      expect(ids((await get(`/api/application-rounds/${roundId}/applications?status=submitted`, t.admin)).body)).toEqual([ours]);
      expect(ids((await get(`/api/application-rounds/${roundId}/applications?status=draft`, t.admin)).body)).toEqual([theirs]);
      const second = await get(`/api/application-rounds/${roundId}/applications?limit=1&offset=1`, t.admin);
      expect([ids(second.body), second.body.total]).toEqual([[ids(all.body)[1]], 2]);
      expect((await get(`/api/application-rounds/${olderRoundId}/applications`, t.admin)).body).toEqual({ items: [], total: 0 });
      for (const headers of [contact, member, ownerUserA, cityUser]) {
        expect((await get(`/api/application-rounds/${roundId}/applications`, headers)).status).toBe(403);
      }
      await expectBadQuery(`/api/application-rounds/${roundId}/applications?status=foo`, t.admin, 'status');
      expect((await get(`/api/application-rounds/${lease1.id}/applications`, t.admin)).status).toBe(404);
    });

    it('shows an offer to its group’s contact and members under mine=true, never to another group or a stranger', async () => {
      const building = await createBuilding(t);
      const floor = await createFloor(t, building.id, { level: 1 });
      await createSpace(t, floor.id, { code: 'O-01', areaM2: 200 });
      const offeredRound = await createRound(building.id, [floor.id]);
      const holder = (await signIn({ role: 'tenant', email: `holder-${unique()}@test.example` })).headers;
      const waitingContact = (await signIn({ role: 'tenant', email: `waiting-${unique()}@test.example` })).headers;
      const waitingMember = await signIn({ role: 'tenant', email: `waiting-member-${unique()}@test.example` });
      const holding = await apply(holder, offeredRound, [floor.id], [{ name: 'Houder', email: `houder-${unique()}@test.example` }]);
      await submit(holding, holder);
      expect((await t.http().post(`/api/applications/${holding}/allocate`).set(t.admin).send({ floorId: floor.id })).status).toBe(201);
      const waiting = await apply(waitingContact, offeredRound, [floor.id], [{ name: 'Wachtend lid', email: waitingMember.user.email }]);
      await submit(waiting, waitingContact);
      expect((await t.http().post(`/api/applications/${waiting}/waitlist`).set(t.admin)).status).toBe(200);
      const released = await t.http().post(`/api/floors/${floor.id}/release`).set(t.admin);
      expect(released.body.offer).toMatchObject({ applicationId: waiting, floorId: floor.id, status: 'open' });
      const offerId = released.body.offer.id as string;

      for (const headers of [waitingContact, waitingMember.headers]) {
        const mine = await get('/api/offers?mine=true', headers);
        expect([mine.status, mine.body]).toEqual([
          200,
          { items: [expect.objectContaining({ id: offerId, applicationId: waiting, floorId: floor.id, status: 'open' })], total: 1 },
        ]);
        expect(ids((await get('/api/offers?mine=true&status=open', headers)).body)).toEqual([offerId]);
        expect((await get('/api/offers?mine=true&status=accepted', headers)).body).toEqual({ items: [], total: 0 });
      }
      for (const headers of [holder, stranger, contact]) {
        for (const query of ['?mine=true', '']) expect((await get(`/api/offers${query}`, headers)).body).toEqual({ items: [], total: 0 });
      }
      expect(ids((await get('/api/offers', t.admin)).body)).toContain(offerId);
      expect((await get('/api/offers?mine=true', t.admin)).body).toEqual({ items: [], total: 0 });
      const paged = await get('/api/offers?mine=true&limit=1&offset=1', waitingContact);
      expect(paged.body).toEqual({ items: [], total: 1 });
    });
  });
});
