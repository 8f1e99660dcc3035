import fc from 'fast-check';
import { FixedClock } from '../src/common/clock/clock.js';
import { eventually } from './helpers/eventually.js';
import {
  assessBand,
  createBuilding,
  createFloor,
  createIssuer,
  createLease,
  createSpace,
  createTenant,
  seedLeases,
} from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/** Statuses a client error may get; anything 5xx is a defect. */
const CLIENT_STATUSES = [200, 201, 202, 400, 401, 403, 404, 409, 413, 414, 415, 422, 429];

const RAW_BODIES = [
  '',
  'null',
  '[]',
  '"text"',
  '123',
  'true',
  '{',
  '{"a":}',
  '{"__proto__":{"role":"admin"}}',
  '{"constructor":{"prototype":{"x":1}}}',
  '\u0000',
];

/** A field value of any JSON shape, with extra weight on the near misses that break naive code. */
const junkValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    '',
    ' ',
    'null',
    '1e309',
    '-0',
    'NaN',
    '2012-02-30',
    '9999-99-99',
    'x'.repeat(5000),
    '\u0000',
    '😀',
    "'; DROP TABLE building; --",
  ),
  fc.constantFrom(
    Number.MAX_SAFE_INTEGER,
    -1,
    0,
    Number.POSITIVE_INFINITY,
    0.1 + 0.2,
    2 ** 31,
    -(2 ** 31) - 1,
    5e-324,
    -5e-324,
    Number.MIN_VALUE,
  ),
);

describe('junk input to every write endpoint', () => {
  let t: TestApp;
  let endpoints: { method?: 'put'; path: string; fields: string[]; valid: Record<string, unknown> }[];

  beforeAll(async () => {
    t = await startTestApp({}, { clock: FixedClock.on('2012-03-15') });
    const building = await createBuilding(t);
    const floor = await createFloor(t, building.id, { level: 1 });
    const tenant = await createTenant(t);
    await assessBand(t, tenant.id, building.id, 2_000_000);
    const lease = await createLease(t, { tenantId: tenant.id, spaceId: (await createSpace(t, floor.id)).id });
    const freeSpace = await createSpace(t, floor.id);
    const invoicedBuilding = await createBuilding(t, { umbrellaId: (await createIssuer(t)).id });
    await seedLeases(t, invoicedBuilding.id, 1);
    await t.http().post(`/api/buildings/${invoicedBuilding.id}/invoice-runs`).set(t.admin).send({ period: '2012-03' });
    let invoiceId = '';
    let invoicedTenantId = '';
    await eventually(async () => {
      const [invoice] = (await t.http().get(`/api/invoices?buildingId=${invoicedBuilding.id}`).set(t.admin)).body.items;
      [invoiceId, invoicedTenantId] = [invoice.id, invoice.tenantId];
    });
    const paymentId = (
      await t.http().post(`/api/invoices/${invoiceId}/payments`).set(t.admin).send({ amountCents: 100, paidOn: '2012-03-10' })
    ).body.payments[0].id;
    const round = (
      await t
        .http()
        .post(`/api/buildings/${building.id}/application-rounds`)
        .set(t.admin)
        .send({ name: 'R', opensOn: '2012-01-01', closesOn: '2012-12-31', floorIds: [floor.id] })
    ).body;
    const applicationBody = {
      groupName: 'G',
      plan: 'P',
      preferredFloorIds: [floor.id],
      members: [{ name: 'M', email: 'm@test.example', discipline: 'd', requestedAreaM2: 10 }],
    };
    const applicationId = (await t.http().post(`/api/application-rounds/${round.id}/applications`).set(t.admin).send(applicationBody)).body
      .id;
    const owner = building.ownerId as string;
    const umbrella = building.umbrellaId as string;
    endpoints = [
      { path: '/api/auth/login', fields: ['email', 'password'], valid: { email: 'a@b.example', password: 'x' } },
      {
        path: '/api/users',
        fields: ['email', 'password', 'name', 'role', 'organisationId', 'tenantId'],
        valid: { email: 'junk@test.example', password: 'a-long-enough-password', name: 'J', role: 'owner', organisationId: owner },
      },
      {
        path: '/api/organisations',
        fields: ['name', 'kind', 'city', 'address', 'kvkNumber', 'vatNumber', 'iban'],
        valid: { name: 'J', kind: 'owner' },
      },
      {
        path: '/api/buildings',
        fields: ['name', 'address', 'city', 'ownerId', 'umbrellaId', 'kind', 'useStart', 'useEnd', 'invoicePrefix'],
        valid: {
          name: 'J',
          address: 'A',
          city: 'C',
          ownerId: owner,
          umbrellaId: umbrella,
          kind: 'temporary',
          useStart: '2010-01-01',
          useEnd: '2012-01-01',
          invoicePrefix: 'JUNK',
        },
      },
      { path: `/api/buildings/${building.id}/floors`, fields: ['level', 'name', 'theme'], valid: { level: 7 } },
      {
        path: `/api/floors/${floor.id}/spaces`,
        fields: ['code', 'areaM2', 'use', 'publicCounter'],
        valid: { code: 'J1', areaM2: 10, use: 'studio' },
      },
      {
        path: '/api/tenants',
        fields: ['name', 'email', 'discipline', 'postcode', 'kvkNumber', 'vatNumber', 'address'],
        valid: { name: 'J', email: 'junk-tenant@test.example' },
      },
      {
        path: `/api/tenants/${tenant.id}/band-assessments`,
        fields: ['buildingId', 'basisYear', 'incomeCents'],
        valid: { buildingId: building.id, basisYear: 2011, incomeCents: 1 },
      },
      {
        method: 'put',
        path: `/api/buildings/${building.id}/rent-bands`,
        fields: ['validFrom', 'bands'],
        valid: { validFrom: '2012-01-01', bands: [{ code: 'A', name: 'a', ratePerM2YearCents: 6000, maxIncomeCents: null }] },
      },
      {
        path: '/api/leases',
        fields: [
          'tenantId',
          'spaceId',
          'startDate',
          'endDate',
          'noticeMonths',
          'serviceChargeMonthlyCents',
          'depositCents',
          'vatRegime',
          'taxableUsePercent',
          'smallBusinessScheme',
        ],
        valid: { tenantId: tenant.id, spaceId: freeSpace.id, startDate: '2012-01-01', endDate: '2012-12-31' },
      },
      {
        path: `/api/leases/${lease.id}/terminate`,
        fields: ['endDate', 'reason', 'noticeDate'],
        valid: { endDate: '2012-12-31', reason: 'r' },
      },
      { path: `/api/leases/${lease.id}/band-revisions`, fields: ['effectiveDate'], valid: { effectiveDate: '2012-06-01' } },
      {
        path: `/api/buildings/${building.id}/indexations`,
        fields: ['effectiveDate', 'percent'],
        valid: { effectiveDate: '2012-06-01', percent: 2 },
      },
      { path: `/api/buildings/${invoicedBuilding.id}/invoice-runs`, fields: ['period'], valid: { period: '2012-04' } },
      {
        path: `/api/invoices/${invoiceId}/payments`,
        fields: ['amountCents', 'paidOn', 'reference'],
        valid: { amountCents: 1, paidOn: '2012-03-10' },
      },
      { path: `/api/invoices/${invoiceId}/apply-credit`, fields: ['amountCents'], valid: { amountCents: 1 } },
      {
        path: `/api/tenants/${invoicedTenantId}/refunds`,
        fields: ['amountCents', 'refundedOn', 'reference'],
        valid: { amountCents: 1, refundedOn: '2012-03-10' },
      },
      { path: `/api/payments/${paymentId}/reverse`, fields: ['reason'], valid: { reason: 'r' } },
      { path: `/api/invoices/${invoiceId}/credit-notes`, fields: ['reason'], valid: { reason: 'r' } },
      {
        path: `/api/buildings/${building.id}/application-rounds`,
        fields: ['name', 'opensOn', 'closesOn', 'floorIds'],
        valid: { name: 'R2', opensOn: '2012-01-01', closesOn: '2012-02-01', floorIds: [floor.id] },
      },
      {
        path: `/api/application-rounds/${round.id}/applications`,
        fields: ['groupName', 'plan', 'preferredFloorIds', 'members'],
        valid: applicationBody,
      },
      { path: `/api/applications/${applicationId}/reviews`, fields: ['score', 'notes'], valid: { score: 5 } },
      { path: `/api/applications/${applicationId}/allocate`, fields: ['floorId'], valid: { floorId: floor.id } },
      {
        method: 'put',
        path: `/api/buildings/${building.id}/finance`,
        fields: ['headLeaseRentYearCents', 'loanPrincipalCents', 'interestRateBps', 'investments'],
        valid: {
          headLeaseRentYearCents: 1,
          loanPrincipalCents: 1,
          interestRateBps: 1,
          investments: [{ partyId: owner, description: 'd', amountCents: 1, date: '2008-01-01' }],
        },
      },
      {
        path: `/api/buildings/${building.id}/handovers`,
        fields: ['newOwnerId', 'transferDate', 'retainedFloorIds', 'newUseEnd', 'dryRun'],
        valid: { newOwnerId: owner, transferDate: '2011-12-01', retainedFloorIds: [floor.id], dryRun: true },
      },
      {
        path: '/api/reports',
        fields: ['kind', 'buildingId', 'city', 'period', 'format'],
        valid: { kind: 'owner-occupancy', buildingId: building.id, period: '2012', format: 'json' },
      },
    ];
  });
  afterAll(() => t.close());

  function expectClientAnswer(response: { status: number; body: { statusCode?: number; code?: string } }, what: string): void {
    if (!CLIENT_STATUSES.includes(response.status)) throw new Error(`${what} → ${response.status} ${JSON.stringify(response.body)}`);
    if (response.status >= 400) {
      expect(response.body.statusCode).toBe(response.status);
      expect(typeof response.body.code).toBe('string');
    }
  }

  it('answers raw junk bodies with a client error, never a 5xx', async () => {
    for (const { method, path } of endpoints) {
      for (const raw of RAW_BODIES) {
        const response = await t.http()[method ?? 'post'](path).set(t.admin).set('Content-Type', 'application/json').send(raw);
        expectClientAnswer(response, `${path} with ${JSON.stringify(raw)}`);
        expect(response.status).toBeGreaterThanOrEqual(400);
      }
    }
  });

  it('answers any JSON value in any field with a client error or success, never a 5xx', async () => {
    for (const endpoint of endpoints) {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...endpoint.fields), junkValue, async (field, value) => {
          const body = { ...endpoint.valid, [field]: value };
          const response = await t.http()[endpoint.method ?? 'post'](endpoint.path).set(t.admin).send(body);
          expectClientAnswer(response, `${endpoint.path} with ${field}=${JSON.stringify(value).slice(0, 80)}`);
        }),
        { numRuns: 40 },
      );
    }
  });

  it('answers junk query strings and path ids with a client error', async () => {
    for (const query of ['limit=abc', 'limit=0', 'offset=1.5', 'limit[]=1', 'limit=1e3', 'limit=%00']) {
      expectClientAnswer(await t.http().get(`/api/buildings?${query}`).set(t.admin), `GET /api/buildings?${query}`);
    }
    for (const id of ['%00', '..%2F..', 'a'.repeat(500), 'a'.repeat(2000), '%E0%A4%A', '00000000-0000-0000-0000-00000000000G']) {
      const read = await t.http().get(`/api/buildings/${id}`).set(t.admin);
      expectClientAnswer(read, `GET /api/buildings/${id}`);
      expect(read.status).toBeGreaterThanOrEqual(400);
      expectClientAnswer(
        await t.http().post(`/api/floors/${id}/spaces`).set(t.admin).send({ code: 'X', areaM2: 1, use: 'studio' }),
        `POST spaces ${id}`,
      );
    }
  });
});
