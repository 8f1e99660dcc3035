import { FixedClock } from '../src/common/clock/clock.js';
import {
  assessBand,
  createBuilding,
  createFloor,
  createLease,
  createLettableSpace,
  createOrganisation,
  createSpace,
  createTenant,
  createUser,
} from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const A_INCOME = 2_000_000;

describe('rent bands and leases', () => {
  let t: TestApp;
  const clock = FixedClock.on('2012-03-15');
  beforeAll(async () => {
    t = await startTestApp({}, { clock });
  });
  afterAll(() => t.close());

  /** A tenant assessed in band A (basis year 2011, valid until 2012-12-31) and a 25 m² space in a 2007–2013 building. */
  async function lettable(space: Record<string, unknown> = {}) {
    const setup = await createLettableSpace(t, { space: { areaM2: 25, ...space } });
    const tenant = await createTenant(t);
    await assessBand(t, tenant.id, setup.building.id, A_INCOME);
    return { ...setup, tenant };
  }

  describe('rent bands', () => {
    it('gives a new building the default scheme from its start of use', async () => {
      const building = await createBuilding(t);
      const response = await t.http().get(`/api/buildings/${building.id}/rent-bands`).set(t.admin);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        validFrom: '2007-06-01',
        bands: [
          { code: 'A', name: expect.any(String), ratePerM2YearCents: 6000, maxIncomeCents: 2_500_000 },
          { code: 'B', name: expect.any(String), ratePerM2YearCents: 8000, maxIncomeCents: 3_815_000 },
          { code: 'C', name: expect.any(String), ratePerM2YearCents: 11000, maxIncomeCents: null },
        ],
      });
    });

    it('publishes a new scheme from a date and keeps the old one before it', async () => {
      const building = await createBuilding(t);
      const bands = [
        { code: 'A', name: 'Laag', ratePerM2YearCents: 6500, maxIncomeCents: 2_600_000 },
        { code: 'C', name: 'Hoog', ratePerM2YearCents: 12000, maxIncomeCents: null },
      ];
      const put = await t.http().put(`/api/buildings/${building.id}/rent-bands`).set(t.admin).send({ validFrom: '2012-01-01', bands });
      expect(put.status).toBe(200);
      expect((await t.http().get(`/api/buildings/${building.id}/rent-bands?date=2011-12-31`).set(t.admin)).body.bands).toHaveLength(3);
      expect((await t.http().get(`/api/buildings/${building.id}/rent-bands?date=2012-01-01`).set(t.admin)).body).toEqual({
        validFrom: '2012-01-01',
        bands,
      });
      expect((await t.http().get(`/api/buildings/${building.id}/rent-bands`).set(t.admin)).body.validFrom).toBe('2012-01-01');
    });

    it('refuses a scheme whose limits do not rise or whose last band has a limit (422), and bad input (400)', async () => {
      const building = await createBuilding(t);
      const unusable = await t
        .http()
        .put(`/api/buildings/${building.id}/rent-bands`)
        .set(t.admin)
        .send({
          validFrom: '2012-01-01',
          bands: [
            { code: 'A', name: 'a', ratePerM2YearCents: 6000, maxIncomeCents: 3_000_000 },
            { code: 'B', name: 'b', ratePerM2YearCents: 8000, maxIncomeCents: 2_000_000 },
          ],
        });
      expect(unusable.status).toBe(422);
      expect(unusable.body.code).toBe('invalid_band_scheme');
      const bad = await t
        .http()
        .put(`/api/buildings/${building.id}/rent-bands`)
        .set(t.admin)
        .send({ validFrom: '2012-13-01', bands: [{ code: 'a', ratePerM2YearCents: -1 }] });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(
        expect.arrayContaining(['validFrom', 'bands.0.code', 'bands.0.name', 'bands.0.ratePerM2YearCents']),
      );
      expect((await t.http().get(`/api/buildings/${building.id}/rent-bands?date=2012-06-01`).set(t.admin)).body.bands).toHaveLength(3);
    });

    it('puts an income equal to a limit in that band and one cent more in the next', async () => {
      const building = await createBuilding(t);
      const cases: [number, string, number][] = [
        [2_500_000, 'A', 6000],
        [2_500_001, 'B', 8000],
        [3_815_000, 'B', 8000],
        [3_815_001, 'C', 11000],
      ];
      for (const [incomeCents, bandCode, rate] of cases) {
        const tenant = await createTenant(t);
        const response = await t
          .http()
          .post(`/api/tenants/${tenant.id}/band-assessments`)
          .set(t.admin)
          .send({ buildingId: building.id, basisYear: 2011, incomeCents });
        expect(response.status).toBe(201);
        expect(response.body).toMatchObject({ bandCode, ratePerM2YearCents: rate, basisYear: 2011, validUntil: '2012-12-31' });
      }
    });

    it('refuses assessments for unknown tenants (404) or buildings (422), and bad input (400)', async () => {
      const building = await createBuilding(t);
      const tenant = await createTenant(t);
      expect(
        (
          await t
            .http()
            .post(`/api/tenants/00000000-0000-4000-8000-000000000000/band-assessments`)
            .set(t.admin)
            .send({ buildingId: building.id, basisYear: 2011, incomeCents: 1 })
        ).status,
      ).toBe(404);
      expect(
        (
          await t
            .http()
            .post(`/api/tenants/${tenant.id}/band-assessments`)
            .set(t.admin)
            .send({ buildingId: '00000000-0000-4000-8000-000000000000', basisYear: 2011, incomeCents: 1 })
        ).status,
      ).toBe(422);
      const bad = await t
        .http()
        .post(`/api/tenants/${tenant.id}/band-assessments`)
        .set(t.admin)
        .send({ buildingId: building.id, basisYear: 2011.5, incomeCents: -1 });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['basisYear', 'incomeCents']);
    });
  });

  describe('leases', () => {
    it('freezes band and rate at signing: 25 m² in band A is €125.00 a month', async () => {
      const { space, tenant, building } = await lettable();
      const response = await t.http().post('/api/leases').set(t.admin).send({
        tenantId: tenant.id,
        spaceId: space.id,
        startDate: '2012-01-01',
        endDate: '2012-12-31',
        serviceChargeMonthlyCents: 2500,
        depositCents: 37500,
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        status: 'active',
        tenantId: tenant.id,
        spaceId: space.id,
        buildingId: building.id,
        bandCode: 'A',
        ratePerM2YearCents: 6000,
        areaM2: 25,
        monthlyRentCents: 12_500,
        currentMonthlyRentCents: 12_500,
        noticeMonths: 1,
        vatRegime: 'exempt',
        serviceChargeMonthlyCents: 2500,
        depositCents: 37500,
        warnings: [],
      });
      expect(response.body.revisions).toEqual([
        { effectiveDate: '2012-01-01', bandCode: 'A', ratePerM2YearCents: 6000, monthlyRentCents: 12_500, reason: 'signing' },
      ]);
      expect((await t.http().get(`/api/leases/${response.body.id}`).set(t.admin)).body).toEqual(response.body);
    });

    it('needs a band assessment valid on the start date; the newest valid one counts (422 without)', async () => {
      const { space, building } = await createLettableSpace(t);
      const tenant = await createTenant(t);
      const none = await t
        .http()
        .post('/api/leases')
        .set(t.admin)
        .send({ tenantId: tenant.id, spaceId: space.id, startDate: '2012-01-01', endDate: '2012-12-31' });
      expect(none.status).toBe(422);
      expect(none.body.code).toBe('no_valid_band_assessment');

      await assessBand(t, tenant.id, building.id, 5_000_000, 2009); // C, valid until 2010-12-31: expired by 2012
      const expired = await t
        .http()
        .post('/api/leases')
        .set(t.admin)
        .send({ tenantId: tenant.id, spaceId: space.id, startDate: '2012-01-01', endDate: '2012-12-31' });
      expect(expired.status).toBe(422);

      await assessBand(t, tenant.id, building.id, 3_000_000, 2011); // B
      const lease = await createLease(t, { tenantId: tenant.id, spaceId: space.id });
      expect(lease.bandCode).toBe('B');
      expect(lease.ratePerM2YearCents).toBe(8000);
    });

    it('refuses an overlapping lease of the space (409) but lets the next one start the day after', async () => {
      const { space, building, tenant } = await lettable();
      await createLease(t, { tenantId: tenant.id, spaceId: space.id, startDate: '2012-01-01', endDate: '2012-06-30' });
      const other = await createTenant(t);
      await assessBand(t, other.id, building.id, A_INCOME);
      const overlap = await t
        .http()
        .post('/api/leases')
        .set(t.admin)
        .send({ tenantId: other.id, spaceId: space.id, startDate: '2012-06-30', endDate: '2012-12-31' });
      expect(overlap.status).toBe(409);
      expect(overlap.body.code).toBe('lease_overlap');
      await createLease(t, { tenantId: other.id, spaceId: space.id, startDate: '2012-07-01', endDate: '2012-12-31' });
    });

    it('lets exactly one of 12 simultaneous leases of one space through, with no 5xx', async () => {
      const { space, building } = await createLettableSpace(t);
      const tenants = await Promise.all(Array.from({ length: 12 }, () => createTenant(t)));
      await Promise.all(tenants.map((tenant) => assessBand(t, tenant.id, building.id, A_INCOME)));
      const responses = await Promise.all(
        tenants.map((tenant) =>
          t
            .http()
            .post('/api/leases')
            .set(t.admin)
            .send({ tenantId: tenant.id, spaceId: space.id, startDate: '2012-02-01', endDate: '2012-11-30' }),
        ),
      );
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).toEqual([201, ...Array(11).fill(409)]);
      const leases = await t.http().get(`/api/leases?buildingId=${building.id}`).set(t.admin);
      expect(leases.body.total).toBe(1);
    });

    it('keeps leases of a temporary building within its head lease, except behind a public counter (art. 7:290)', async () => {
      const { space, tenant } = await lettable();
      const openEnded = await t
        .http()
        .post('/api/leases')
        .set(t.admin)
        .send({ tenantId: tenant.id, spaceId: space.id, startDate: '2012-01-01' });
      expect(openEnded.status).toBe(422);
      expect(openEnded.body.code).toBe('lease_outlives_head_lease');
      const tooLong = await t
        .http()
        .post('/api/leases')
        .set(t.admin)
        .send({ tenantId: tenant.id, spaceId: space.id, startDate: '2012-01-01', endDate: '2013-07-02' });
      expect(tooLong.status).toBe(422);
      const beforeUse = await t
        .http()
        .post('/api/leases')
        .set(t.admin)
        .send({ tenantId: tenant.id, spaceId: space.id, startDate: '2007-05-31', endDate: '2008-01-01' });
      expect(beforeUse.status).toBe(422);
      await createLease(t, { tenantId: tenant.id, spaceId: space.id, startDate: '2012-01-01', endDate: '2013-07-01' });

      const cafe = await lettable({ use: 'horeca', publicCounter: true });
      const outliving = await createLease(t, {
        tenantId: cafe.tenant.id,
        spaceId: cafe.space.id,
        startDate: '2012-01-01',
        endDate: undefined,
        noticeMonths: 12,
      });
      expect(outliving.endDate).toBeNull();
      expect(outliving.warnings).toEqual([expect.objectContaining({ code: 'public_counter_art_7_290' })]);
    });

    it('lets a lease of a permanent building run open-ended', async () => {
      const setup = await createLettableSpace(t, { building: { kind: 'permanent', useEnd: undefined } });
      const tenant = await createTenant(t);
      await assessBand(t, tenant.id, setup.building.id, A_INCOME);
      expect((await createLease(t, { tenantId: tenant.id, spaceId: setup.space.id, endDate: undefined })).endDate).toBeNull();
    });

    it('refuses an end before the start, unknown tenants or spaces (422), and more than 3 months notice for ordinary space', async () => {
      const { space, tenant } = await lettable();
      const cases = [
        [{ startDate: '2012-05-01', endDate: '2012-04-30' }, 'lease_ends_before_start'],
        [{ tenantId: '00000000-0000-4000-8000-000000000000' }, 'unknown_tenant'],
        [{ spaceId: '00000000-0000-4000-8000-000000000000' }, 'unknown_space'],
        [{ noticeMonths: 4 }, 'notice_period_out_of_range'],
      ] as const;
      for (const [override, code] of cases) {
        const response = await t
          .http()
          .post('/api/leases')
          .set(t.admin)
          .send({ tenantId: tenant.id, spaceId: space.id, startDate: '2012-01-01', endDate: '2012-12-31', ...override });
        expect([response.status, response.body.code]).toEqual([422, code]);
      }
      const bad = await t
        .http()
        .post('/api/leases')
        .set(t.admin)
        .send({ tenantId: 'x', spaceId: space.id, startDate: '2012-1-1', depositCents: -1, vatRegime: 'zero' });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'depositCents',
        'startDate',
        'tenantId',
        'vatRegime',
      ]);
      expect((await t.http().get(`/api/leases?tenantId=${tenant.id}`).set(t.admin)).body.total).toBe(0);
    });

    it('allows 21% VAT only for a VAT-registered tenant with ≥ 90% taxed use and no KOR', async () => {
      const { space, building } = await createLettableSpace(t);
      const registered = await createTenant(t, { vatNumber: 'NL000099998B57' });
      const unregistered = await createTenant(t);
      await assessBand(t, registered.id, building.id, A_INCOME);
      await assessBand(t, unregistered.id, building.id, A_INCOME);
      const base = { spaceId: space.id, startDate: '2012-01-01', endDate: '2012-12-31', vatRegime: 'standard' };
      const refusals = [
        { ...base, tenantId: unregistered.id, taxableUsePercent: 100, smallBusinessScheme: false },
        { ...base, tenantId: registered.id, taxableUsePercent: 89, smallBusinessScheme: false },
        { ...base, tenantId: registered.id, taxableUsePercent: 95, smallBusinessScheme: true },
        { ...base, tenantId: registered.id, taxableUsePercent: 95 },
      ];
      for (const body of refusals) {
        const response = await t.http().post('/api/leases').set(t.admin).send(body);
        expect([response.status, response.body.code]).toEqual([422, 'vat_standard_not_allowed']);
      }
      const taxed = await createLease(t, { ...base, tenantId: registered.id, taxableUsePercent: 90, smallBusinessScheme: false });
      expect(taxed.vatRegime).toBe('standard');
    });

    it('ends a lease by notice, but not inside the notice period (422)', async () => {
      const { space, tenant } = await lettable();
      const lease = await createLease(t, { tenantId: tenant.id, spaceId: space.id, noticeMonths: 2 });
      const early = await t
        .http()
        .post(`/api/leases/${lease.id}/terminate`)
        .set(t.admin)
        .send({ endDate: '2012-05-14', reason: 'moving out' });
      expect([early.status, early.body.code]).toEqual([422, 'inside_notice_period']);
      const extend = await t
        .http()
        .post(`/api/leases/${lease.id}/terminate`)
        .set(t.admin)
        .send({ endDate: '2013-01-31', reason: 'moving out' });
      expect(extend.status).toBe(422);
      const ok = await t
        .http()
        .post(`/api/leases/${lease.id}/terminate`)
        .set(t.admin)
        .send({ endDate: '2012-05-15', reason: 'moving out' });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({
        endDate: '2012-05-15',
        noticeGivenOn: '2012-03-15',
        terminationReason: 'moving out',
        status: 'active',
      });
      const given = await t
        .http()
        .post(`/api/leases/${lease.id}/terminate`)
        .set(t.admin)
        .send({ endDate: '2012-04-30', reason: 'earlier', noticeDate: '2012-02-29' });
      expect(given.body.endDate).toBe('2012-04-30');
    });

    it('revises the rate by dated revisions: yearly indexation and a new band, never overwriting', async () => {
      const { space, tenant, building } = await lettable();
      const lease = await createLease(t, { tenantId: tenant.id, spaceId: space.id, startDate: '2012-01-01', endDate: '2013-06-30' });
      const floor = await createFloor(t, building.id, { level: 2 });
      const laterSpace = await createSpace(t, floor.id, { areaM2: 10 });
      const laterTenant = await createTenant(t);
      await assessBand(t, laterTenant.id, building.id, A_INCOME);
      const startsOnIndexDay = await createLease(t, {
        tenantId: laterTenant.id,
        spaceId: laterSpace.id,
        startDate: '2012-07-01',
        endDate: '2012-12-31',
      });

      const indexation = await t
        .http()
        .post(`/api/buildings/${building.id}/indexations`)
        .set(t.admin)
        .send({ effectiveDate: '2012-07-01', percent: 2.5 });
      expect(indexation.status).toBe(201);
      expect(indexation.body).toMatchObject({ effectiveDate: '2012-07-01', percent: 2.5, leasesRevised: 1 });
      const again = await t
        .http()
        .post(`/api/buildings/${building.id}/indexations`)
        .set(t.admin)
        .send({ effectiveDate: '2012-07-01', percent: 2.5 });
      expect([again.status, again.body.code]).toEqual([409, 'indexation_exists']);

      await assessBand(t, tenant.id, building.id, 3_000_000, 2012); // B from 2013
      const revised = await t.http().post(`/api/leases/${lease.id}/band-revisions`).set(t.admin).send({ effectiveDate: '2013-01-01' });
      expect(revised.status).toBe(201);
      expect(revised.body.revisions).toEqual([
        { effectiveDate: '2012-01-01', bandCode: 'A', ratePerM2YearCents: 6000, monthlyRentCents: 12_500, reason: 'signing' },
        { effectiveDate: '2012-07-01', bandCode: 'A', ratePerM2YearCents: 6150, monthlyRentCents: 12_813, reason: 'indexation' },
        { effectiveDate: '2013-01-01', bandCode: 'B', ratePerM2YearCents: 8000, monthlyRentCents: 16_667, reason: 'band_reassessment' },
      ]);
      expect(revised.body).toMatchObject({ bandCode: 'A', ratePerM2YearCents: 6000, monthlyRentCents: 12_500 });
      const unchanged = await t.http().get(`/api/leases/${startsOnIndexDay.id}`).set(t.admin);
      expect(unchanged.body.revisions).toHaveLength(1);

      clock.setDay('2012-08-01');
      try {
        expect((await t.http().get(`/api/leases/${lease.id}`).set(t.admin)).body.currentRatePerM2YearCents).toBe(6150);
      } finally {
        clock.setDay('2012-03-15');
      }
    });

    it('measures occupancy per floor from the leases active on a date', async () => {
      const building = await createBuilding(t);
      const first = await createFloor(t, building.id, { level: 1 });
      const second = await createFloor(t, building.id, { level: 2 });
      const spaces = [
        await createSpace(t, first.id, { areaM2: 25.5 }),
        await createSpace(t, first.id, { areaM2: 30 }),
        await createSpace(t, second.id, { areaM2: 44.5 }),
      ];
      const tenant = await createTenant(t);
      await assessBand(t, tenant.id, building.id, A_INCOME);
      await createLease(t, { tenantId: tenant.id, spaceId: spaces[0]!.id, startDate: '2012-01-01', endDate: '2012-06-30' });
      await createLease(t, { tenantId: tenant.id, spaceId: spaces[2]!.id, startDate: '2012-03-01', endDate: '2012-12-31' });

      const march = await t.http().get(`/api/buildings/${building.id}/occupancy?date=2012-03-01`).set(t.admin);
      expect(march.body).toEqual({
        date: '2012-03-01',
        lettableAreaM2: 100,
        letAreaM2: 70,
        vacantAreaM2: 30,
        occupancyRate: 0.7,
        floors: [
          { floorId: first.id, level: 1, lettableAreaM2: 55.5, letAreaM2: 25.5, groupName: null },
          { floorId: second.id, level: 2, lettableAreaM2: 44.5, letAreaM2: 44.5, groupName: null },
        ],
      });
      expect((await t.http().get(`/api/buildings/${building.id}/occupancy?date=2012-07-01`).set(t.admin)).body.letAreaM2).toBe(44.5);
      expect((await t.http().get(`/api/buildings/${building.id}/occupancy`).set(t.admin)).body).toMatchObject({
        date: '2012-03-15',
        letAreaM2: 70,
      });
    });
  });

  describe('who sees what', () => {
    it('shows a tenant only its own leases and tenant record; another’s is 404', async () => {
      const mine = await lettable();
      const theirs = await lettable();
      const myLease = await createLease(t, { tenantId: mine.tenant.id, spaceId: mine.space.id });
      const theirLease = await createLease(t, { tenantId: theirs.tenant.id, spaceId: theirs.space.id });
      const user = await createUser(t, { role: 'tenant', tenantId: mine.tenant.id });
      const headers = await t.login(user.email, user.password);

      expect((await t.http().get(`/api/leases/${myLease.id}`).set(headers)).status).toBe(200);
      expect((await t.http().get(`/api/leases/${theirLease.id}`).set(headers)).status).toBe(404);
      const list = await t.http().get('/api/leases').set(headers);
      expect(list.body.items.map((lease: { id: string }) => lease.id)).toEqual([myLease.id]);
      expect((await t.http().get(`/api/leases?tenantId=${theirs.tenant.id}`).set(headers)).body.total).toBe(0);
      expect((await t.http().get(`/api/tenants/${mine.tenant.id}`).set(headers)).status).toBe(200);
      expect((await t.http().get(`/api/tenants/${theirs.tenant.id}`).set(headers)).status).toBe(404);
      expect((await t.http().post('/api/leases').set(headers).send({})).status).toBe(403);
    });

    it('gives owner and municipality users 403 on leases and tenants, but occupancy of their buildings', async () => {
      const owner = await createOrganisation(t, { kind: 'owner' });
      const municipality = await createOrganisation(t, { kind: 'municipality', city: 'Amsterdam' });
      const { building } = await createLettableSpace(t, { building: { ownerId: owner.id } });
      const ownerUser = await createUser(t, { role: 'owner', organisationId: owner.id });
      const cityUser = await createUser(t, { role: 'municipality', organisationId: municipality.id });
      for (const headers of [await t.login(ownerUser.email, ownerUser.password), await t.login(cityUser.email, cityUser.password)]) {
        expect((await t.http().get('/api/leases').set(headers)).status).toBe(403);
        expect((await t.http().get('/api/tenants').set(headers)).status).toBe(403);
        expect((await t.http().get(`/api/buildings/${building.id}/occupancy`).set(headers)).status).toBe(200);
      }
    });

    it('lists the tenants of a building for admins', async () => {
      const { tenant, building, space } = await lettable();
      const assessedOnly = await createTenant(t);
      await assessBand(t, assessedOnly.id, building.id, A_INCOME);
      await createTenant(t);
      await createLease(t, { tenantId: tenant.id, spaceId: space.id });
      const list = await t.http().get(`/api/tenants?buildingId=${building.id}`).set(t.admin);
      expect(list.body.items.map((x: { id: string }) => x.id).sort()).toEqual([tenant.id, assessedOnly.id].sort());
    });
  });
});
