import { createBuilding, createFloor } from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const DUTCH = 'nl-NL,nl;q=0.9,en;q=0.8';

describe('error messages in the language asked for', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('a conflict (409)', () => {
    let buildingId: string;
    beforeAll(async () => {
      buildingId = (await createBuilding(t)).id;
      await createFloor(t, buildingId, { level: 3 });
    });
    const addLevelThree = (headers: Record<string, string>) =>
      t.http().post(`/api/buildings/${buildingId}/floors`).set(t.admin).set(headers).send({ level: 3 });

    it('is in Dutch when Accept-Language prefers nl, with the same code and details', async () => {
      const response = await addLevelThree({ 'Accept-Language': DUTCH });
      expect(response.body).toEqual({
        statusCode: 409,
        code: 'floor_level_taken',
        message: 'Verdieping 3 bestaat al in dit gebouw',
        details: [{ field: 'level', message: 'already in use' }],
      });
    });

    it('is in English without the header, or when English ranks above Dutch', async () => {
      const asked: Record<string, string>[] = [{}, { 'Accept-Language': 'en-GB,en;q=0.9,nl;q=0.5' }, { 'Accept-Language': 'fr' }];
      for (const headers of asked) {
        const response = await addLevelThree(headers);
        expect(response.body).toEqual({
          statusCode: 409,
          code: 'floor_level_taken',
          message: 'Level 3 is already used in this building',
          details: [{ field: 'level', message: 'already in use' }],
        });
      }
    });
  });

  it('answers a broken rule (422) in Dutch or English', async () => {
    const municipalityWithoutCity = (headers: Record<string, string>) =>
      t.http().post('/api/organisations').set(t.admin).set(headers).send({ name: 'Gemeente', kind: 'municipality' });
    const dutch = await municipalityWithoutCity({ 'Accept-Language': 'nl' });
    const english = await municipalityWithoutCity({});
    expect([dutch.status, dutch.body.code, dutch.body.message]).toEqual([
      422,
      'municipality_needs_city',
      'Een gemeente moet de stad noemen waarop zij toezicht houdt',
    ]);
    expect([english.status, english.body.code, english.body.message]).toEqual([
      422,
      'municipality_needs_city',
      'A municipality organisation needs the city it monitors',
    ]);
  });

  it('speaks Dutch at the edge too: bad input, no token, an unknown route', async () => {
    const nl = { 'Accept-Language': 'nl' };
    const invalid = await t.http().post('/api/organisations').set(t.admin).set(nl).send({ name: 'X', kind: 'bank' });
    expect([invalid.status, invalid.body.code, invalid.body.message]).toEqual([
      400,
      'validation_failed',
      'Het verzoek bevat ongeldige velden',
    ]);
    const anonymous = await t.http().get('/api/me').set(nl);
    expect([anonymous.status, anonymous.body.code, anonymous.body.message]).toEqual([
      401,
      'token_missing',
      'Stuur Authorization: Bearer <accessToken> mee',
    ]);
    const nowhere = await t.http().get('/api/nothing-here').set(t.admin).set(nl);
    expect([nowhere.status, nowhere.body.code, nowhere.body.message]).toEqual([404, 'not_found', 'Op dit adres is niets te vinden']);
  });
});
