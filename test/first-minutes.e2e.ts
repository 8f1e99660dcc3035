import { startTestApp, type TestApp } from './helpers/test-app.js';

/** What a new user meets in the first minutes with the API. */
describe('the first ten minutes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers a body of the wrong content type with 415', async () => {
    for (const [type, body] of [
      ['text/plain', '{"name":"X","kind":"owner"}'],
      ['application/x-www-form-urlencoded', 'name=X&kind=owner'],
      ['application/xml', '<organisation/>'],
    ]) {
      const response = await t.http().post('/api/organisations').set(t.admin).set('Content-Type', type!).send(body);
      expect(response.status).toBe(415);
      expect(response.body).toMatchObject({
        statusCode: 415,
        code: 'unsupported_media_type',
        message: expect.stringContaining('application/json'),
      });
    }
  });

  it('says a missing field "is required"', async () => {
    const response = await t.http().post('/api/organisations').set(t.admin).send({ kind: 'owner' });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'name', message: 'name is required' }]);
    const tenant = await t.http().post('/api/tenants').set(t.admin).send({});
    expect(tenant.status).toBe(400);
    expect(tenant.body.details).toEqual([
      { field: 'name', message: 'name is required' },
      { field: 'email', message: 'email is required' },
    ]);
  });
});
