import { FixedClock } from '../src/common/clock/clock.js';
import { auditTrail } from './helpers/audit.js';
import { createOrganisation, createUser, type Created } from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

type Headers = { Authorization: string };

/**
 * The vacancy pipeline's second half: an empty office, the umbrellas that fit it, a tender with sealed
 * proposals, the reviewers' weighted scores, exactly one award under a race of simultaneous awards, and
 * the building the award converts the property into, whose first application round can open.
 */
describe('tenders: from an empty property to a broedplaats', () => {
  const clock = FixedClock.on('2026-03-02');
  let t: TestApp;
  let ownerOrg: Created;
  let cityOrg: Created;
  const umbrella = {} as Record<'a' | 'b' | 'c', Created>;
  const staff = {} as Record<'a' | 'b' | 'c', Headers>;
  let owner: Headers;
  let city: Headers;
  const reviewers: { id: string; headers: Headers }[] = [];
  let propertyId: string;
  let tenderId: string;
  const proposals = {} as Record<'a' | 'b', string>;

  const login = async (overrides: Record<string, unknown>) => {
    const user = await createUser(t, overrides);
    return { id: user.id, headers: await t.login(user.email, user.password) };
  };

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    ownerOrg = await createOrganisation(t, { kind: 'owner', name: 'Stadgenoot' });
    cityOrg = await createOrganisation(t, { kind: 'municipality', city: 'Amsterdam', name: 'Gemeente Amsterdam' });
    for (const key of ['a', 'b', 'c'] as const) {
      umbrella[key] = await createOrganisation(t, { kind: 'umbrella', name: `Koepel ${key.toUpperCase()}` });
      staff[key] = (await login({ role: 'admin', organisationId: umbrella[key].id })).headers;
    }
    owner = (await login({ role: 'owner', organisationId: ownerOrg.id })).headers;
    city = (await login({ role: 'municipality', organisationId: cityOrg.id })).headers;
    reviewers.push(
      await login({ role: 'municipality', organisationId: cityOrg.id }),
      await login({ role: 'municipality', organisationId: cityOrg.id }),
    );
    const property = await t
      .http()
      .post('/api/properties')
      .set(owner)
      .send({
        name: 'Wibautstraat 150',
        address: 'Wibautstraat 150',
        city: 'Amsterdam',
        district: 'Oost',
        useCategory: 'office',
        floors: [
          { level: 0, totalM2: 1500, vacantM2: 1500 },
          { level: 1, totalM2: 2500, vacantM2: 2500 },
        ],
      });
    expect(property.status).toBe(201);
    propertyId = property.body.id;
    const vacancy = await t.http().post(`/api/properties/${propertyId}/vacancies`).set(owner).send({
      vacantSince: '2025-06-01',
      reason: 'redevelopment',
      availableFrom: '2026-06-01',
      availableUntil: '2034-01-01',
    });
    expect(vacancy.status).toBe(201);
  });

  afterAll(() => t.close());

  it('ranks the umbrellas whose profiles fit, explaining each condition, and keeps the internal property from umbrellas', async () => {
    const profile = (minimumYears: number) => ({
      name: 'Kantoren in Oost',
      minimumYears,
      minM2: 2000,
      maxM2: 8000,
      districts: ['Oost'],
      buildingTypes: ['office'],
      maxRentPerM2YearCents: 5000,
      ownInvestmentCents: 20_000_000,
    });
    expect((await t.http().post('/api/search-profiles').set(staff.a).send(profile(5))).status).toBe(201);
    expect((await t.http().post('/api/search-profiles').set(staff.b).send(profile(10))).status).toBe(201);
    const refused = await t
      .http()
      .post('/api/search-profiles')
      .set(staff.a)
      .send({ ...profile(5), umbrellaId: umbrella.b.id });
    expect(refused.status).toBe(403);
    const mine = await t.http().get('/api/search-profiles').set(staff.a);
    expect(mine.body.map((p: { umbrellaId: string }) => p.umbrellaId)).toEqual([umbrella.a.id]);

    const matches = await t.http().get(`/api/properties/${propertyId}/matches`).set(city);
    expect(matches.status).toBe(200);
    const [first, second] = matches.body.candidates;
    expect(first).toMatchObject({ rank: 1, umbrellaId: umbrella.a.id, eligible: true });
    expect(second).toMatchObject({ rank: 2, umbrellaId: umbrella.b.id, eligible: false });
    expect(second.conditions.find((c: { condition: string }) => c.condition === 'minimumYears')).toMatchObject({ outcome: 'fail' });
    expect(first.criteria.map((c: { criterion: string }) => c.criterion)).toEqual(['areaFit', 'termMargin', 'ownInvestment', 'rent']);

    for (const path of [`/api/properties/${propertyId}`, `/api/properties/${propertyId}/matches`]) {
      expect((await t.http().get(path).set(staff.a)).status).toBe(404);
    }
  });

  it('opens a tender with weights summing to 100 and reviewers of the city', async () => {
    const body = {
      propertyId,
      title: 'Uitvraag Wibautstraat 150',
      closesOn: '2026-04-30',
      criteria: [
        { name: 'Artistieke visie', weight: 50 },
        { name: 'Huur en financiën', weight: 30 },
        { name: 'Buurt en programma', weight: 20 },
      ],
      reviewerIds: reviewers.map((reviewer) => reviewer.id),
      zoningDeviation: true,
    };
    const bad = await t
      .http()
      .post('/api/tenders')
      .set(city)
      .send({ ...body, criteria: [{ name: 'Alles', weight: 90 }] });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('weights_not_100');
    expect((await t.http().post('/api/tenders').set(staff.a).send(body)).status).toBe(403);
    const created = await t.http().post('/api/tenders').set(city).send(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ runById: cityOrg.id, state: 'open', property: { name: 'Wibautstraat 150' } });
    tenderId = created.body.id;
  });

  it('takes one sealed proposal per umbrella: nobody but its umbrella sees it before closing, another umbrella never', async () => {
    const proposal = (rentToOwnerYearCents: number, termYears: number) => ({
      vision: 'Een broedplaats voor makers uit Oost',
      rentToOwnerYearCents,
      makerRentsPerM2YearCents: [11000, 6000, 8000],
      termYears,
      ownInvestmentCents: 20_000_000,
      programme: 'Open ateliers, een café, cursussen voor de buurt',
    });
    const a = await t.http().post(`/api/tenders/${tenderId}/proposals`).set(staff.a).send(proposal(45_000_000, 7));
    expect(a.status).toBe(201);
    expect(a.body.makerRentsPerM2YearCents).toEqual([6000, 8000, 11000]);
    proposals.a = a.body.id;
    const b = await t.http().post(`/api/tenders/${tenderId}/proposals`).set(staff.b).send(proposal(40_000_000, 6));
    expect(b.status).toBe(201);
    proposals.b = b.body.id;
    expect((await t.http().post(`/api/tenders/${tenderId}/proposals`).set(staff.a).send(proposal(1, 7))).status).toBe(409);

    expect((await t.http().get(`/api/proposals/${proposals.a}`).set(staff.a)).status).toBe(200);
    expect((await t.http().get(`/api/proposals/${proposals.b}`).set(staff.a)).status).toBe(404);
    expect((await t.http().get(`/api/proposals/${proposals.a}`).set(city)).status).toBe(404);
    expect((await t.http().get(`/api/proposals/${proposals.a}`).set(reviewers[0]!.headers)).status).toBe(404);
    expect((await t.http().get(`/api/tenders/${tenderId}/proposals`).set(city)).status).toBe(409);
    const own = await t.http().get(`/api/tenders/${tenderId}/proposals`).set(staff.a);
    expect(own.body.map((p: { id: string }) => p.id)).toEqual([proposals.a]);
  });

  it('closes, then lets the reviewers score every criterion 1–10', async () => {
    clock.setDay('2026-05-01');
    const late = await t
      .http()
      .post(`/api/tenders/${tenderId}/proposals`)
      .set(staff.c)
      .send({
        vision: 'Te laat',
        rentToOwnerYearCents: 1,
        makerRentsPerM2YearCents: [6000],
        termYears: 5,
        ownInvestmentCents: 0,
        programme: '-',
      });
    expect(late.status).toBe(409);
    expect((await t.http().get(`/api/tenders/${tenderId}/proposals`).set(city)).body).toHaveLength(2);
    expect((await t.http().get(`/api/proposals/${proposals.b}`).set(staff.a)).status).toBe(404);

    const review = (headers: Headers, proposalId: string, scores: number[]) =>
      t
        .http()
        .put(`/api/proposals/${proposalId}/review`)
        .set(headers)
        .send({ scores: scores.map((score, index) => ({ criterion: index + 1, score })) });
    expect((await review(reviewers[0]!.headers, proposals.a, [8, 7])).status).toBe(422);
    expect((await review(city, proposals.a, [8, 7, 6])).status).toBe(403);
    expect((await review(reviewers[0]!.headers, proposals.a, [8, 7, 6])).status).toBe(204);
    expect((await review(reviewers[1]!.headers, proposals.a, [9, 7, 8])).status).toBe(204);
    expect((await review(reviewers[0]!.headers, proposals.b, [6, 8, 7])).status).toBe(204);
    expect((await review(reviewers[1]!.headers, proposals.b, [5, 8, 6])).status).toBe(204);

    const result = await t.http().get(`/api/tenders/${tenderId}/result`).set(city);
    expect(result.status).toBe(200);
    // A: (7.3 + 8.2) / 2 = 7.75; B: (6.8 + 6.1) / 2 = 6.45
    expect(
      result.body.proposals.map((line: { proposalId: string; weightedTotal: number }) => [line.proposalId, line.weightedTotal]),
    ).toEqual([
      [proposals.a, 7.75],
      [proposals.b, 6.45],
    ]);
    expect((await t.http().get(`/api/tenders/${tenderId}/result`).set(staff.a)).status).toBe(404);
  });

  it('refuses an award without a motivation for every rejected proposal, or a use end past the latest allowed', async () => {
    const award = { motivations: [], buildingName: 'Wibauthuis', invoicePrefix: 'WBH', useStart: '2026-09-01' };
    const noMotivation = await t.http().post(`/api/tenders/${tenderId}/award`).set(city).send(award);
    expect(noMotivation.status).toBe(422);
    expect(noMotivation.body.code).toBe('motivation_missing');
    const motivations = [{ proposalId: proposals.b, motivation: 'Lagere score op visie' }];
    const tooLong = await t
      .http()
      .post(`/api/tenders/${tenderId}/award`)
      .set(city)
      .send({ ...award, motivations, useEnd: '2034-06-01' });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.code).toBe('use_end_past_latest');
  });

  it('awards exactly once under simultaneous awards, converting the property into a building in the same transaction', async () => {
    const award = {
      motivations: [{ proposalId: proposals.b, motivation: 'Lagere score op visie en programma' }],
      buildingName: 'Wibauthuis',
      invoicePrefix: 'WBH',
      useStart: '2026-09-01',
      ownerInvestmentCents: 20_000_000,
    };
    const responses = await Promise.all([1, 2, 3].map(() => t.http().post(`/api/tenders/${tenderId}/award`).set(city).send(award)));
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409, 409]);
    const won = responses.find((response) => response.status === 201)!.body;
    expect(won).toMatchObject({ proposalId: proposals.a });
    expect(won.proposals.map((line: { status: string; weightedTotal: number }) => [line.status, line.weightedTotal])).toEqual([
      ['awarded', 7.75],
      ['rejected', 6.45],
    ]);
    const buildingId = won.buildingId as string;

    const building = await t.http().get(`/api/buildings/${buildingId}`).set(staff.a);
    expect(building.status).toBe(200);
    expect(building.body).toMatchObject({
      propertyId,
      umbrellaId: umbrella.a.id,
      ownerId: ownerOrg.id,
      kind: 'temporary',
      useStart: '2026-09-01',
      useEnd: '2033-09-01',
    });
    expect((await t.http().get(`/api/buildings/${buildingId}`).set(staff.b)).status).toBe(404);
    // The vacancy ended with the award, on the day the new use starts.
    const property = (await t.http().get(`/api/properties/${propertyId}`).set(city)).body;
    expect(property.openVacancy).toBeNull();
    const finance = (await t.http().get(`/api/buildings/${buildingId}/finance`).set(staff.a)).body;
    expect(finance.headLeaseRentYearCents).toBe(45_000_000);
    expect(finance.investments.map((i: { partyId: string; amountCents: number }) => [i.partyId, i.amountCents])).toEqual(
      expect.arrayContaining([
        [ownerOrg.id, 20_000_000],
        [cityOrg.id, 12_000_000],
        [umbrella.a.id, 20_000_000],
      ]),
    );
    // The seeded conversion subsidy is the demo's example scheme, and its investment says so.
    const subsidy = finance.investments.find((i: { partyId: string }) => i.partyId === cityOrg.id);
    expect(subsidy.description).toContain('Voorbeeldregeling van de demo');
    const floors = (await t.http().get(`/api/buildings/${buildingId}/floors`).set(staff.a)).body.items;
    expect(floors.map((floor: { level: number }) => floor.level)).toEqual([0, 1]);

    const round = await t
      .http()
      .post(`/api/buildings/${buildingId}/application-rounds`)
      .set(staff.a)
      .send({
        name: 'Eerste ronde',
        opensOn: '2026-06-01',
        closesOn: '2026-06-30',
        floorIds: floors.map((floor: { id: string }) => floor.id),
      });
    expect(round.status).toBe(201);

    const rejected = await t.http().get(`/api/proposals/${proposals.b}`).set(staff.b);
    expect(rejected.body).toMatchObject({ status: 'rejected', motivation: 'Lagere score op visie en programma' });
    expect((await t.http().get(`/api/tenders/${tenderId}`).set(city)).body).toMatchObject({ state: 'awarded', buildingId });
    const trail = await auditTrail(t, 'tender', tenderId, 9);
    expect(trail.map((entry) => entry.action)).toEqual(
      expect.arrayContaining([
        'tender.opened',
        'tender.proposal_submitted',
        'tender.reviewed',
        'tender.awarded',
        'tender.proposal_rejected',
      ]),
    );
  });
});
