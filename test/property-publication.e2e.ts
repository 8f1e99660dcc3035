import { FixedClock } from '../src/common/clock/clock.js';
import { createOrganisation, createUser, type Created } from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

type Headers = { Authorization: string };

/** Exactly what an umbrella's staff may read of a property as a candidate: never the owner, the reason or the file. */
const CANDIDATE_FIELDS = [
  'address',
  'availableFrom',
  'availableUntil',
  'city',
  'district',
  'id',
  'latitude',
  'longitude',
  'name',
  'postcode',
  'publication',
  'totalM2',
  'useCategory',
  'vacantM2',
];

/**
 * Publication levels: `internal` stays with the owner and the city; `matching` also reaches the umbrellas
 * whose search profile fits the property on every hard condition of matching (and only what a candidate
 * needs), never the others; `public` everyone. The first publication for matching, or a tender, is the
 * day the property counts as offered in the city's pipeline.
 */
describe('publication levels and the offered day', () => {
  const clock = FixedClock.on('2026-03-02');
  let t: TestApp;
  let owner: Headers;
  let city: Headers;
  let cityOrg: Created;
  const staff = {} as Record<'fits' | 'other' | 'none', Headers>;
  const umbrella = {} as Record<'fits' | 'other' | 'none', Created>;
  const ids = {} as Record<'matching' | 'internal' | 'public' | 'tendered', string>;

  const login = async (overrides: Record<string, unknown>) => {
    const user = await createUser(t, overrides);
    return { id: user.id, headers: await t.login(user.email, user.password) };
  };

  const office = async (name: string, publication: string | undefined, district = 'Oost', m2 = 4000) => {
    const created = await t
      .http()
      .post('/api/properties')
      .set(owner)
      .send({
        name,
        address: name,
        city: 'Amsterdam',
        district,
        useCategory: 'office',
        ...(publication ? { publication } : {}),
        floors: [{ level: 0, totalM2: m2, vacantM2: m2 }],
      });
    expect(created.status).toBe(201);
    const vacancy = await t.http().post(`/api/properties/${created.body.id}/vacancies`).set(owner).send({
      vacantSince: '2025-06-01',
      reason: 'redevelopment',
      ownerProspects: 'Housing from 2034',
      availableFrom: '2026-06-01',
      availableUntil: '2034-01-01',
    });
    expect(vacancy.status).toBe(201);
    return created.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    const ownerOrg = await createOrganisation(t, { kind: 'owner', name: 'Stadgenoot' });
    cityOrg = await createOrganisation(t, { kind: 'municipality', city: 'Amsterdam', name: 'Gemeente Amsterdam' });
    owner = (await login({ role: 'owner', organisationId: ownerOrg.id })).headers;
    city = (await login({ role: 'municipality', organisationId: cityOrg.id })).headers;
    for (const key of ['fits', 'other', 'none'] as const) {
      umbrella[key] = await createOrganisation(t, { kind: 'umbrella', name: `Koepel ${key}` });
      staff[key] = (await login({ role: 'admin', organisationId: umbrella[key].id })).headers;
    }
    const profile = (districts: string[]) => ({
      name: 'Kantoren',
      minimumYears: 5,
      minM2: 2000,
      maxM2: 8000,
      districts,
      buildingTypes: ['office'],
      ownInvestmentCents: 0,
    });
    expect(
      (
        await t
          .http()
          .post('/api/search-profiles')
          .set(staff.fits)
          .send(profile(['Oost']))
      ).status,
    ).toBe(201);
    expect(
      (
        await t
          .http()
          .post('/api/search-profiles')
          .set(staff.other)
          .send(profile(['West']))
      ).status,
    ).toBe(201);

    ids.matching = await office('A Matching Oost', 'matching');
    ids.internal = await office('B Internal Oost', undefined);
    ids.public = await office('C Public West', 'public', 'West', 300);
    ids.tendered = await office('D Tendered Oost', undefined);
  });

  afterAll(() => t.close());

  const status = async (path: string, headers: Headers) => (await t.http().get(path).set(headers)).status;
  const listed = async (headers: Headers) =>
    ((await t.http().get('/api/properties').set(headers)).body.items as { id: string }[]).map((item) => item.id);

  it('shows a matching property to the umbrella whose profile fits it, with only what a candidate needs', async () => {
    const read = await t.http().get(`/api/properties/${ids.matching}`).set(staff.fits);
    expect(read.status).toBe(200);
    expect(Object.keys(read.body).sort()).toEqual(CANDIDATE_FIELDS);
    expect(read.body).toMatchObject({
      address: 'A Matching Oost',
      district: 'Oost',
      useCategory: 'office',
      vacantM2: 4000,
      availableFrom: '2026-06-01',
      availableUntil: '2034-01-01',
      publication: 'matching',
    });
    expect(JSON.stringify(read.body)).not.toMatch(/ownerId|redevelopment|Housing from|reportDue|openVacancy/);
    // The file stays the owner's and the city's.
    for (const path of [`/api/properties/${ids.matching}/vacancies`, `/api/properties/${ids.matching}/matches`]) {
      expect({ path, status: await status(path, staff.fits) }).toEqual({ path, status: 404 });
    }
  });

  it('keeps it unknown to umbrellas whose profile does not fit or who have none, and keeps internal ones from every umbrella', async () => {
    expect(await status(`/api/properties/${ids.matching}`, staff.other)).toBe(404);
    expect(await status(`/api/properties/${ids.matching}`, staff.none)).toBe(404);
    for (const headers of [staff.fits, staff.other, staff.none]) expect(await status(`/api/properties/${ids.internal}`, headers)).toBe(404);
    expect(await status(`/api/properties/${ids.public}`, staff.other)).toBe(200);
  });

  it("lists for an umbrella's staff the fitting matching-level and the public ones", async () => {
    expect(await listed(staff.fits)).toEqual([ids.matching, ids.public]);
    expect(await listed(staff.other)).toEqual([ids.public]);
    expect(await listed(staff.none)).toEqual([ids.public]);
    // By district and m² they may filter; by the vacancy file (its state, months vacant) not.
    const inWest = await t.http().get('/api/properties').query({ district: 'West' }).set(staff.fits);
    expect(inWest.body.items.map((item: { id: string }) => item.id)).toEqual([ids.public]);
    const byFile = await t.http().get('/api/properties').query({ status: 'open', minMonthsVacant: 3 }).set(staff.fits);
    expect(byFile.status).toBe(422);
    expect(byFile.body).toMatchObject({ code: 'filter_not_for_candidates' });
    expect(byFile.body.details.map((detail: { field: string }) => detail.field)).toEqual(['status', 'minMonthsVacant']);
    // The owner and the city still read their register in full.
    const full = (await t.http().get('/api/properties').set(city)).body.items as { id: string; ownerId: string }[];
    expect(full.map((item) => item.id)).toEqual([ids.matching, ids.internal, ids.public, ids.tendered]);
    expect(full.every((item) => typeof item.ownerId === 'string')).toBe(true);
  });

  it('lets the owner publish and withdraw: a property published for matching reaches the fitting umbrella, internal again it does not', async () => {
    const published = await t.http().put(`/api/properties/${ids.internal}/publication`).set(owner).send({ publication: 'matching' });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ publication: 'matching', offeredOn: '2026-03-02' });
    expect(await status(`/api/properties/${ids.internal}`, staff.fits)).toBe(200);
    expect(await status(`/api/properties/${ids.internal}`, staff.other)).toBe(404);

    clock.setDay('2026-03-05');
    const withdrawn = await t.http().put(`/api/properties/${ids.internal}/publication`).set(owner).send({ publication: 'internal' });
    expect(withdrawn.status).toBe(200);
    // The first day it was offered stays.
    expect(withdrawn.body).toMatchObject({ publication: 'internal', offeredOn: '2026-03-02' });
    expect(await status(`/api/properties/${ids.internal}`, staff.fits)).toBe(404);

    expect((await t.http().put(`/api/properties/${ids.internal}/publication`).set(owner).send({ publication: 'everyone' })).status).toBe(
      400,
    );
    expect((await t.http().put(`/api/properties/${ids.internal}/publication`).set(staff.fits).send({ publication: 'public' })).status).toBe(
      403,
    );
    clock.setDay('2026-03-02');
  });

  it('counts a property as offered in the year it was first put up for matching or a tender, not by its availability', async () => {
    const reviewer = await login({ role: 'municipality', organisationId: cityOrg.id });
    clock.setDay('2027-01-10');
    const tender = await t
      .http()
      .post('/api/tenders')
      .set(city)
      .send({
        propertyId: ids.tendered,
        title: 'Uitvraag D',
        closesOn: '2027-03-01',
        criteria: [{ name: 'Visie', weight: 100 }],
        reviewerIds: [reviewer.id],
      });
    expect(tender.status).toBe(201);
    expect((await t.http().get(`/api/properties/${ids.tendered}`).set(city)).body.offeredOn).toBe('2027-01-10');

    const pipeline = await t.http().get('/api/properties/pipeline').query({ period: '2027' }).set(city);
    expect(pipeline.status).toBe(200);
    const perYear = pipeline.body.perYear as { year: number; offered: number }[];
    // 2026: the two published at registration and the one published later; 2027: the tendered one. Their
    // availability (from 2026-06-01) would have counted all four in 2026.
    expect(perYear.find((row) => row.year === 2026)?.offered).toBe(3);
    expect(perYear.find((row) => row.year === 2027)?.offered).toBe(1);
    clock.setDay('2026-03-02');
  });
});
