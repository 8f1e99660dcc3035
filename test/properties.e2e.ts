import { FixedClock } from '../src/common/clock/clock.js';
import { VacancyFilesService } from '../src/modules/properties/vacancy-files.service.js';
import { binary } from './helpers/binary.js';
import { createBuilding, createOrganisation, createUser } from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { readXlsx, rowsOf } from './helpers/xlsx.js';

/**
 * The property register: owners, the city and admins record properties and their vacancy; bad input is
 * 422 naming the field; an owner never sees another owner's property; the public list carries only the
 * address, m² and availability.
 */
describe('property register', () => {
  const clock = FixedClock.on('2026-12-03');
  let t: TestApp;
  let owner: { Authorization: string };
  let otherOwner: { Authorization: string };
  let city: { Authorization: string };
  let ownerId: string;
  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    const organisation = await createOrganisation(t, { kind: 'owner' });
    ownerId = organisation.id;
    const other = await createOrganisation(t, { kind: 'owner' });
    const municipality = await createOrganisation(t, { kind: 'municipality', city: 'Amsterdam' });
    const login = async (overrides: Record<string, unknown>) => {
      const user = await createUser(t, overrides);
      return t.login(user.email, user.password);
    };
    owner = await login({ role: 'owner', organisationId: organisation.id });
    otherOwner = await login({ role: 'owner', organisationId: other.id });
    city = await login({ role: 'municipality', organisationId: municipality.id });
  });
  afterAll(() => t.close());

  const office = (overrides: Record<string, unknown> = {}) => ({
    name: 'Wibautstraat 129',
    address: 'Wibautstraat 129',
    postcode: '1091 GL',
    city: 'Amsterdam',
    district: 'Oost',
    useCategory: 'office',
    energyLabel: 'C',
    floors: [
      { level: 0, totalM2: 400, vacantM2: 400 },
      { level: 1, totalM2: 650.5, vacantM2: 300 },
    ],
    ...overrides,
  });

  it('an owner registers its own property and records its vacancy', async () => {
    const created = await t.http().post('/api/properties').set(owner).send(office());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ownerId, totalM2: 1050.5, vacantM2: 700, publication: 'internal', openVacancy: null });
    const vacancy = await t.http().post(`/api/properties/${created.body.id}/vacancies`).set(owner).send({
      vacantSince: '2026-05-01',
      reason: 'redevelopment',
      ownerProspects: 'Housing from 2031',
      availableFrom: '2027-01-01',
      availableUntil: '2031-01-01',
    });
    expect(vacancy.status).toBe(201);
    expect(vacancy.body).toMatchObject({ status: 'open', source: 'register', vacantSince: '2026-05-01' });
    const again = await t
      .http()
      .post(`/api/properties/${created.body.id}/vacancies`)
      .set(owner)
      .send({ vacantSince: '2026-06-01', reason: 'no-tenant' });
    expect(again.status).toBe(409);
    const read = await t.http().get(`/api/properties/${created.body.id}`).set(owner);
    expect(read.body.openVacancy).toMatchObject({ id: vacancy.body.id });
    const ids = async (query: Record<string, unknown>) =>
      ((await t.http().get('/api/properties').query(query).set(owner)).body.items as { id: string }[]).map((item) => item.id);
    expect(await ids({ status: 'open', minMonthsVacant: 7, district: 'Oost', minVacantM2: 700, maxVacantM2: 700 })).toContain(
      created.body.id,
    );
    expect(await ids({ maxMonthsVacant: 6 })).not.toContain(created.body.id);
    expect(await ids({ status: 'let' })).not.toContain(created.body.id);
    expect(await ids({ minVacantM2: 701 })).not.toContain(created.body.id);
  });

  it('refuses bad input with 422 and the field', async () => {
    const over = await t
      .http()
      .post('/api/properties')
      .set(owner)
      .send(office({ floors: [{ level: 0, totalM2: 100, vacantM2: 120 }] }));
    expect(over.status).toBe(422);
    expect(over.body.details).toEqual([expect.objectContaining({ field: 'floors.0.vacantM2' })]);
    const property = (await t.http().post('/api/properties').set(owner).send(office())).body as { id: string };
    const future = await t
      .http()
      .post(`/api/properties/${property.id}/vacancies`)
      .set(owner)
      .send({ vacantSince: '2026-12-04', reason: 'no-tenant' });
    expect(future.status).toBe(422);
    expect(future.body.details).toEqual([expect.objectContaining({ field: 'vacantSince' })]);
    const backwards = await t
      .http()
      .post(`/api/properties/${property.id}/vacancies`)
      .set(owner)
      .send({ vacantSince: '2026-01-01', reason: 'no-tenant', availableFrom: '2027-06-01', availableUntil: '2027-01-01' });
    expect(backwards.status).toBe(422);
    expect(backwards.body.details).toEqual([expect.objectContaining({ field: 'availableUntil' })]);
    const outside = await t
      .http()
      .post('/api/properties')
      .set(city)
      .send(office({ city: 'Utrecht', ownerId }));
    expect(outside.status).toBe(422);
  });

  it("an owner never sees another owner's internal property; the city sees those in its city", async () => {
    const property = (await t.http().post('/api/properties').set(owner).send(office())).body as { id: string };
    expect((await t.http().get(`/api/properties/${property.id}`).set(otherOwner)).status).toBe(404);
    const list = await t
      .http()
      .get('/api/properties')
      .query({ district: 'Oost', status: 'let', minVacantM2: 100, limit: 50 })
      .set(otherOwner);
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(property.id);
    expect((await t.http().get(`/api/properties/${property.id}`).set(city)).status).toBe(200);
    const forOther = await t.http().post('/api/properties').set(otherOwner).send(office({ ownerId }));
    expect(forOther.status).toBe(403);
  });

  it('the public list carries only the address, m² and availability', async () => {
    const property = (
      await t
        .http()
        .post('/api/properties')
        .set(owner)
        .send(office({ publication: 'public', name: 'Public office' }))
    ).body as {
      id: string;
    };
    await t
      .http()
      .post(`/api/properties/${property.id}/vacancies`)
      .set(owner)
      .send({ vacantSince: '2026-02-01', reason: 'sale', ownerProspects: 'Secret plans', availableFrom: '2027-01-01' });
    const list = await t.http().get('/api/public/properties').query({ district: 'oost', limit: 10 });
    expect(list.status).toBe(200);
    const item = list.body.items.find((candidate: { id: string }) => candidate.id === property.id);
    expect(item).toMatchObject({ address: 'Wibautstraat 129', vacantM2: 700, availableFrom: '2027-01-01' });
    const text = JSON.stringify(list.body);
    for (const field of ['ownerId', 'reason', 'ownerProspects', 'vacantSince', 'status', 'openVacancy', 'Secret plans', ownerId]) {
      expect(text).not.toContain(field);
    }
    // The internal properties (all named Wibautstraat 129 here) are not on it.
    expect(list.body.items.some((candidate: { name: string }) => candidate.name === 'Wibautstraat 129')).toBe(false);
  });

  it("records guardianship and warns when a planned start falls inside the guardians' notice", async () => {
    const property = (await t.http().post('/api/properties').set(owner).send(office())).body as { id: string };
    const guardians = await t
      .http()
      .post(`/api/properties/${property.id}/interim-uses`)
      .set(owner)
      .send({ kind: 'guardianship', manager: 'Ad Hoc Beheer', startsOn: '2026-06-01' });
    expect(guardians.status).toBe(201);
    expect(guardians.body).toMatchObject({ noticeDays: 28, endsOn: null });
    const permitless = await t
      .http()
      .post(`/api/properties/${property.id}/interim-uses`)
      .set(owner)
      .send({ kind: 'temporary-letting', manager: 'Owner', startsOn: '2026-06-01', endsOn: '2027-06-01' });
    expect(permitless.status).toBe(422);
    expect(permitless.body.details).toEqual([expect.objectContaining({ field: 'permitReference' })]);
    // Today is 3 December: notice given today ends the guardianship on 31 December.
    const tooSoon = await t.http().get(`/api/properties/${property.id}/notice-warnings`).query({ start: '2026-12-20' }).set(owner);
    expect(tooSoon.body).toEqual([
      { kind: 'guardianship', manager: 'Ad Hoc Beheer', giveNoticeBy: '2026-11-22', earliestEnd: '2026-12-31' },
    ]);
    expect((await t.http().get(`/api/properties/${property.id}/notice-warnings`).query({ start: '2027-01-15' }).set(owner)).body).toEqual(
      [],
    );
    expect(
      (await t.http().get(`/api/properties/${property.id}/notice-warnings`).query({ start: '2027-01-15' }).set(otherOwner)).status,
    ).toBe(404);
  });

  it("opens a new vacancy period on the property when a building's use of it ends", async () => {
    const property = (await t.http().post('/api/properties').set(t.admin).send(office({ ownerId }))).body as { id: string };
    await createBuilding(t, { ownerId, propertyId: property.id, useStart: '2019-01-01', useEnd: '2026-11-30' });
    const service = t.app.get(VacancyFilesService);
    await service.markDue('2026-11-29');
    expect((await t.http().get(`/api/properties/${property.id}/vacancies`).set(owner)).body).toEqual([]);
    await service.markDue('2026-12-01');
    await service.markDue('2026-12-02');
    const periods = (await t.http().get(`/api/properties/${property.id}/vacancies`).set(owner)).body;
    expect(periods).toEqual([
      expect.objectContaining({ vacantSince: '2026-11-30', source: 'use-ended', reason: 'use-ended', status: 'open' }),
    ]);
  });

  it('exports the register as CSV with the filters, and draws it as a map layer', async () => {
    const mapped = (
      await t
        .http()
        .post('/api/properties')
        .set(owner)
        .send(office({ name: 'Mapped', district: 'Zuid', latitude: 52.3546, longitude: 4.9125, publication: 'public' }))
    ).body as { id: string };
    const csv = await t.http().get('/api/properties/export').query({ format: 'csv', district: 'Zuid' }).set(owner);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toContain('vacantM2');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Mapped');
    const xlsx = await t.http().get('/api/properties/export').query({ format: 'xlsx' }).set(owner);
    expect(xlsx.status).toBe(200);
    expect((await t.http().get('/api/properties/export').query({ format: 'doc' }).set(owner)).status).toBe(400);
    const layer = (await t.http().get('/api/properties/geojson').set(owner)).body;
    expect(layer.type).toBe('FeatureCollection');
    expect(layer.features).toEqual([
      expect.objectContaining({
        geometry: { type: 'Point', coordinates: [4.9125, 52.3546] },
        properties: expect.objectContaining({ id: mapped.id }),
      }),
    ]);
    const open = (await t.http().get('/api/public/properties/geojson')).body;
    expect(open.features.map((feature: { properties: { id: string } }) => feature.properties.id)).toContain(mapped.id);
    expect(JSON.stringify(open)).not.toMatch(/ownerId|reason|status/);
  });

  it('keeps text that owners type inert in the CSV and XLSX of the register', async () => {
    await t
      .http()
      .post('/api/properties')
      .set(otherOwner)
      .send(office({ name: '=HYPERLINK("http://x","klik")', address: '+31 Wibautstraat', district: '@SUM(A1)', city: '-Amsterdam' }));
    const csv = await t.http().get('/api/properties/export').query({ format: 'csv' }).set(otherOwner);
    const [, row] = csv.text.trim().split('\r\n');
    expect(row).toContain(`"'=HYPERLINK(""http://x"",""klik"")",'+31 Wibautstraat,1091 GL,'-Amsterdam,'@SUM(A1),office`);
    const xlsx = await readXlsx(
      (await t.http().get('/api/properties/export').query({ format: 'xlsx' }).set(otherOwner).buffer(true).parse(binary)).body as Buffer,
    );
    const [header, cells] = rowsOf(xlsx.worksheets[0]!);
    const cell = (column: string) => cells![header!.indexOf(column)];
    expect([cell('name'), cell('address'), cell('city'), cell('district')]).toEqual([
      `'=HYPERLINK("http://x","klik")`,
      "'+31 Wibautstraat",
      "'-Amsterdam",
      "'@SUM(A1)",
    ]);
  });

  it("gives the city its pipeline, and no one else's", async () => {
    const pipeline = await t.http().get('/api/properties/pipeline').query({ period: '2026' }).set(city);
    expect(pipeline.status).toBe(200);
    expect(pipeline.body).toMatchObject({ city: 'Amsterdam', asOf: '2026-12-03' });
    expect(pipeline.body.total.byAge.map((age: { bucket: string }) => age.bucket)).toEqual(['0-6', '6-12', '12-24', '24+']);
    expect(pipeline.body.districts.map((district: { district: string }) => district.district)).toContain('Oost');
    expect((await t.http().get('/api/properties/pipeline').query({ period: '2026', city: 'Utrecht' }).set(city)).status).toBe(403);
    expect((await t.http().get('/api/properties/pipeline').query({ period: '2026', city: 'Amsterdam' }).set(owner)).status).toBe(403);
  });
});
