import { createBuilding, createFloor, createOrganisation, createSpace, createUser } from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('property register', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('organisations', () => {
    it('creates an organisation with KvK, VAT number and an IBAN stored without spaces', async () => {
      const response = await t.http().post('/api/organisations').set(t.admin).send({
        name: 'Stichting Urban Resort',
        kind: 'umbrella',
        city: 'Amsterdam',
        address: 'Wibautstraat 150',
        kvkNumber: '34263538',
        vatNumber: 'NL123456782B01',
        iban: 'NL91 ABNA 0417 1643 00',
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ id: expect.any(String), kind: 'umbrella', iban: 'NL91ABNA0417164300', kvkNumber: '34263538' });
      const list = await t.http().get('/api/organisations?limit=1000').set(t.admin);
      expect(list.body.items.map((o: { id: string }) => o.id)).toContain(response.body.id);
    });

    it('refuses a bad IBAN, KvK number or kind with 400 per field', async () => {
      const response = await t
        .http()
        .post('/api/organisations')
        .set(t.admin)
        .send({ name: 'X', kind: 'bank', kvkNumber: '123', iban: 'NL91ABNA0417164301' });
      expect(response.status).toBe(400);
      expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['iban', 'kind', 'kvkNumber']);
    });

    it('needs a city for a municipality (422)', async () => {
      const response = await t.http().post('/api/organisations').set(t.admin).send({ name: 'Gemeente', kind: 'municipality' });
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('municipality_needs_city');
    });

    it('shows an owner user only its own organisation', async () => {
      const mine = await createOrganisation(t, { kind: 'owner' });
      await createOrganisation(t, { kind: 'owner' });
      const user = await createUser(t, { role: 'owner', organisationId: mine.id });
      const list = await t
        .http()
        .get('/api/organisations')
        .set(await t.login(user.email, user.password));
      expect(list.body).toEqual({ items: [expect.objectContaining({ id: mine.id })], total: 1 });
    });
  });

  describe('buildings', () => {
    it('creates a temporary building with its head lease and reads it back', async () => {
      const owner = await createOrganisation(t, { kind: 'owner' });
      const umbrella = await createOrganisation(t, { kind: 'umbrella' });
      const body = {
        name: 'Volkskrantgebouw',
        address: 'Wibautstraat 150',
        city: 'Amsterdam',
        ownerId: owner.id,
        umbrellaId: umbrella.id,
        kind: 'temporary',
        useStart: '2007-06-01',
        useEnd: '2013-07-01',
        invoicePrefix: 'VKG',
      };
      const created = await t.http().post('/api/buildings').set(t.admin).send(body);
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: expect.any(String), ...body, propertyId: null });
      const read = await t.http().get(`/api/buildings/${created.body.id}`).set(t.admin);
      expect(read.body).toEqual(created.body);
    });

    it('lets a permanent building have no end of use', async () => {
      const building = await createBuilding(t, { kind: 'permanent', useEnd: undefined });
      expect(building.useEnd).toBeNull();
    });

    it('requires useEnd for a temporary building and a valid prefix (400)', async () => {
      const owner = await createOrganisation(t, { kind: 'owner' });
      const umbrella = await createOrganisation(t, { kind: 'umbrella' });
      const response = await t.http().post('/api/buildings').set(t.admin).send({
        name: 'B',
        address: 'A',
        city: 'Amsterdam',
        ownerId: owner.id,
        umbrellaId: umbrella.id,
        kind: 'temporary',
        useStart: '2012-02-30',
        invoicePrefix: '1ab',
      });
      expect(response.status).toBe(400);
      expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['invoicePrefix', 'useEnd', 'useStart']);
    });

    it('refuses an end of use before its start, and an owner or umbrella of the wrong kind (422)', async () => {
      const umbrella = await createOrganisation(t, { kind: 'umbrella' });
      const owner = await createOrganisation(t, { kind: 'owner' });
      const ended = await t.http().post('/api/buildings').set(t.admin).send({
        name: 'B',
        address: 'A',
        city: 'Amsterdam',
        ownerId: owner.id,
        umbrellaId: umbrella.id,
        kind: 'temporary',
        useStart: '2013-01-01',
        useEnd: '2012-01-01',
        invoicePrefix: 'ENDED',
      });
      expect(ended.status).toBe(422);
      const swapped = await t.http().post('/api/buildings').set(t.admin).send({
        name: 'B',
        address: 'A',
        city: 'Amsterdam',
        ownerId: umbrella.id,
        umbrellaId: owner.id,
        kind: 'permanent',
        useStart: '2013-01-01',
        invoicePrefix: 'SWAP',
      });
      expect(swapped.status).toBe(422);
      expect(swapped.body.code).toBe('unknown_owner');
      const list = await t.http().get('/api/buildings?limit=1000').set(t.admin);
      expect(list.body.items.map((b: { invoicePrefix: string }) => b.invoicePrefix)).not.toEqual(expect.arrayContaining(['ENDED', 'SWAP']));
    });

    it('keeps invoice prefixes unique (409)', async () => {
      await createBuilding(t, { invoicePrefix: 'DUP1' });
      const owner = await createOrganisation(t, { kind: 'owner' });
      const umbrella = await createOrganisation(t, { kind: 'umbrella' });
      const response = await t.http().post('/api/buildings').set(t.admin).send({
        name: 'Other',
        address: 'A',
        city: 'Utrecht',
        ownerId: owner.id,
        umbrellaId: umbrella.id,
        kind: 'permanent',
        useStart: '2010-01-01',
        invoicePrefix: 'DUP1',
      });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('invoice_prefix_taken');
    });

    it('answers 404 for an unknown or malformed building id', async () => {
      for (const id of [UNKNOWN_ID, 'not-a-uuid', '1']) {
        const response = await t.http().get(`/api/buildings/${id}`).set(t.admin);
        expect(response.status).toBe(404);
        expect(response.body.code).toBe('building_not_found');
      }
    });

    it('pages lists with limit and offset, and refuses a limit over 1000', async () => {
      for (let i = 0; i < 3; i++) await createBuilding(t);
      const all = await t.http().get('/api/buildings?limit=1000').set(t.admin);
      const page = await t.http().get('/api/buildings?limit=2&offset=1').set(t.admin);
      expect(page.body.total).toBe(all.body.total);
      expect(page.body.items).toEqual(all.body.items.slice(1, 3));
      expect((await t.http().get('/api/buildings?limit=1001').set(t.admin)).status).toBe(400);
      expect((await t.http().get('/api/buildings?offset=-1').set(t.admin)).status).toBe(400);
    });
  });

  describe('scoping', () => {
    it('shows an owner its own buildings only; another owner’s building is 404', async () => {
      const ownerA = await createOrganisation(t, { kind: 'owner' });
      const ownerB = await createOrganisation(t, { kind: 'owner' });
      const buildingA = await createBuilding(t, { ownerId: ownerA.id });
      const buildingB = await createBuilding(t, { ownerId: ownerB.id });
      const userA = await createUser(t, { role: 'owner', organisationId: ownerA.id });
      const headers = await t.login(userA.email, userA.password);

      const list = await t.http().get('/api/buildings').set(headers);
      expect(list.body).toEqual({ items: [expect.objectContaining({ id: buildingA.id })], total: 1 });
      expect((await t.http().get(`/api/buildings/${buildingA.id}`).set(headers)).status).toBe(200);
      expect((await t.http().get(`/api/buildings/${buildingB.id}`).set(headers)).status).toBe(404);
      expect((await t.http().get(`/api/buildings/${buildingB.id}/floors`).set(headers)).status).toBe(404);
    });

    it('forbids owners to create buildings, floors, spaces or organisations (403)', async () => {
      const owner = await createOrganisation(t, { kind: 'owner' });
      const building = await createBuilding(t, { ownerId: owner.id });
      const floor = await createFloor(t, building.id, { level: 1 });
      const user = await createUser(t, { role: 'owner', organisationId: owner.id });
      const headers = await t.login(user.email, user.password);
      const attempts = [
        t.http().post('/api/buildings').set(headers).send({}),
        t.http().post(`/api/buildings/${building.id}/floors`).set(headers).send({ level: 2 }),
        t.http().post(`/api/floors/${floor.id}/spaces`).set(headers).send({ code: 'X', areaM2: 10, use: 'studio' }),
        t.http().post('/api/organisations').set(headers).send({ name: 'Mine', kind: 'owner' }),
      ];
      expect((await Promise.all(attempts)).map((r) => r.status)).toEqual([403, 403, 403, 403]);
    });

    it('shows the municipality the buildings in its city only', async () => {
      const city = `Zaanstad-${Date.now()}`;
      const municipality = await createOrganisation(t, { kind: 'municipality', city });
      const inCity = await createBuilding(t, { city: city.toUpperCase() });
      await createBuilding(t, { city: 'Elders' });
      const user = await createUser(t, { role: 'municipality', organisationId: municipality.id });
      const list = await t
        .http()
        .get('/api/buildings')
        .set(await t.login(user.email, user.password));
      expect(list.body).toEqual({ items: [expect.objectContaining({ id: inCity.id })], total: 1 });
    });
  });

  describe('floors and spaces', () => {
    it('lists floors by level with their spaces and lettable area', async () => {
      const building = await createBuilding(t);
      const second = await createFloor(t, building.id, { level: 2, name: 'Tweede', theme: 'design' });
      const basement = await createFloor(t, building.id, { level: -1 });
      await createSpace(t, second.id, { code: '2.01', areaM2: 25 });
      await createSpace(t, second.id, { code: '2.02', areaM2: 30.55, use: 'workshop', publicCounter: true });

      const response = await t.http().get(`/api/buildings/${building.id}/floors`).set(t.admin);
      expect(response.status).toBe(200);
      expect(response.body.total).toBe(2);
      expect(response.body.items).toEqual([
        {
          id: basement.id,
          buildingId: building.id,
          level: -1,
          name: null,
          theme: null,
          lettableAreaM2: 0,
          groupId: null,
          groupName: null,
          spaces: [],
        },
        {
          id: second.id,
          buildingId: building.id,
          level: 2,
          name: 'Tweede',
          theme: 'design',
          lettableAreaM2: 55.55,
          groupId: null,
          groupName: null,
          spaces: [
            { id: expect.any(String), code: '2.01', areaM2: 25, use: 'studio', publicCounter: false },
            { id: expect.any(String), code: '2.02', areaM2: 30.55, use: 'workshop', publicCounter: true },
          ],
        },
      ]);
    });

    it('refuses a level used twice in one building (409) but allows it in another', async () => {
      const building = await createBuilding(t);
      await createFloor(t, building.id, { level: 3 });
      const again = await t.http().post(`/api/buildings/${building.id}/floors`).set(t.admin).send({ level: 3 });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('floor_level_taken');
      await createFloor(t, (await createBuilding(t)).id, { level: 3 });
    });

    it('refuses a non-integer level (400) and an unknown building (404)', async () => {
      const building = await createBuilding(t);
      expect((await t.http().post(`/api/buildings/${building.id}/floors`).set(t.admin).send({ level: 1.5 })).status).toBe(400);
      expect((await t.http().post(`/api/buildings/${building.id}/floors`).set(t.admin).send({ level: '1' })).status).toBe(400);
      expect((await t.http().post(`/api/buildings/${UNKNOWN_ID}/floors`).set(t.admin).send({ level: 1 })).status).toBe(404);
    });

    it('keeps space codes unique per building, not per floor (409)', async () => {
      const building = await createBuilding(t);
      const first = await createFloor(t, building.id, { level: 1 });
      const second = await createFloor(t, building.id, { level: 2 });
      await createSpace(t, first.id, { code: 'A1' });
      const clash = await t.http().post(`/api/floors/${second.id}/spaces`).set(t.admin).send({ code: 'A1', areaM2: 20, use: 'studio' });
      expect(clash.status).toBe(409);
      expect(clash.body.code).toBe('space_code_taken');
      const otherBuildingFloor = await createFloor(t, (await createBuilding(t)).id, { level: 1 });
      await createSpace(t, otherBuildingFloor.id, { code: 'A1' });
    });

    it('refuses an area of 0 or less, or with more than two decimals (400), and an unknown floor (404)', async () => {
      const floor = await createFloor(t, (await createBuilding(t)).id, { level: 1 });
      for (const areaM2 of [0, -5, 10.123, '25']) {
        const response = await t.http().post(`/api/floors/${floor.id}/spaces`).set(t.admin).send({ code: 'Z1', areaM2, use: 'studio' });
        expect(response.status).toBe(400);
        expect(response.body.details[0].field).toBe('areaM2');
      }
      expect(
        (await t.http().post(`/api/floors/${UNKNOWN_ID}/spaces`).set(t.admin).send({ code: 'Z1', areaM2: 10, use: 'studio' })).status,
      ).toBe(404);
    });
  });

  describe('the edges', () => {
    it('answers malformed JSON with 400 in the error shape', async () => {
      const response = await t.http().post('/api/organisations').set(t.admin).set('Content-Type', 'application/json').send('{"name": "x",');
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ statusCode: 400, code: 'malformed_json', message: expect.any(String), details: [] });
    });

    it('refuses unknown fields with 400', async () => {
      const response = await t.http().post('/api/organisations').set(t.admin).send({ name: 'X', kind: 'owner', isAdmin: true });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([{ field: 'isAdmin', message: expect.stringContaining('should not exist') }]);
    });

    it('answers an unknown path with 404 in the error shape', async () => {
      const response = await t.http().get('/api/nothing-here').set(t.admin);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ statusCode: 404, code: 'not_found' });
    });

    it('echoes a request id', async () => {
      const response = await t.http().get('/health').set('X-Request-Id', 'abc-123');
      expect(response.headers['x-request-id']).toBe('abc-123');
      expect((await t.http().get('/health')).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
});
