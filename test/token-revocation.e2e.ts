import { JwtService } from '@nestjs/jwt';
import { createBuilding, createOrganisation, createUser } from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const JWT_SECRET = 'token-revocation-test-secret-of-some-length';

describe('tokens that end', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ JWT_SECRET });
  });
  afterAll(() => t.close());

  const sign = (claims: Record<string, unknown>, options: { expiresIn?: number } = { expiresIn: 600 }) =>
    t.app.get(JwtService, { strict: false }).signAsync(claims, { secret: JWT_SECRET, algorithm: 'HS256', ...options });
  const me = (token: string) => t.http().get('/api/me').set('Authorization', `Bearer ${token}`);

  it('ends every token of a disabled user at once and refuses its sign-in', async () => {
    const user = await createUser(t, { role: 'admin' });
    const first = await t.login(user.email, user.password);
    const second = await t.login(user.email, user.password);
    expect((await t.http().get('/api/invoices').set(first)).status).toBe(200);

    const disabled = await t.http().post(`/api/users/${user.id}/disable`).set(t.admin);
    expect(disabled.status).toBe(200);
    expect(disabled.body.id).toBe(user.id);

    for (const headers of [first, second]) {
      const refused = await t.http().get('/api/invoices').set(headers);
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('token_invalid');
    }
    expect((await t.http().post('/api/auth/login').send({ email: user.email, password: user.password })).status).toBe(401);
    expect((await t.http().post(`/api/users/${user.id}/disable`).set(t.admin)).status).toBe(200);
    expect((await t.http().get('/api/me').set(t.admin)).status).toBe(200);
  });

  it('ends the tokens of a user moved to another organisation at once: it loses its old building', async () => {
    const building = await createBuilding(t);
    const otherOwner = await createOrganisation(t, { kind: 'owner' });
    const user = await createUser(t, { role: 'owner', organisationId: building.ownerId });
    const before = await t.login(user.email, user.password);
    expect((await t.http().get(`/api/buildings/${building.id}`).set(before)).status).toBe(200);

    const moved = await t.http().patch(`/api/users/${user.id}`).set(t.admin).send({ organisationId: otherOwner.id });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: user.id, role: 'owner', organisationId: otherOwner.id });
    const refused = await t.http().get(`/api/buildings/${building.id}`).set(before);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('token_invalid');
    const after = await t.login(user.email, user.password);
    expect((await t.http().get(`/api/buildings/${building.id}`).set(after)).status).toBe(404);
  });

  it('ends the tokens of a user whose role changes, but not of one whose name is corrected; bad input changes nothing', async () => {
    const user = await createUser(t, { role: 'admin' });
    const token = await t.login(user.email, user.password);
    const renamed = await t.http().patch(`/api/users/${user.id}`).set(t.admin).send({ name: 'Anneke Jansen' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Anneke Jansen');
    expect((await t.http().get('/api/invoices').set(token)).status).toBe(200);

    const unknownField = await t
      .http()
      .patch(`/api/users/${user.id}`)
      .set(t.admin)
      .send({ role: 'tenant', password: 'another-long-password' });
    expect(unknownField.status).toBe(400);
    const noOrganisation = await t.http().patch(`/api/users/${user.id}`).set(t.admin).send({ role: 'owner' });
    expect(noOrganisation.status).toBe(422);
    expect(noOrganisation.body.code).toBe('role_needs_organisation');
    expect((await t.http().get('/api/invoices').set(token)).status).toBe(200);
    expect((await t.http().patch(`/api/users/${user.id}`).set(token).send({ role: 'tenant' })).status).toBe(200);
    expect((await t.http().get('/api/invoices').set(token)).status).toBe(401);
    const me = await t
      .http()
      .get('/api/me')
      .set(await t.login(user.email, user.password));
    expect(me.body).toMatchObject({ role: 'tenant', name: 'Anneke Jansen' });
  });

  it('lets only an admin disable, and answers 404 for an unknown user', async () => {
    const victim = await createUser(t, { role: 'admin' });
    const tenant = await createUser(t);
    const tenantToken = await t.login(tenant.email, tenant.password);
    expect((await t.http().post(`/api/users/${victim.id}/disable`).set(tenantToken)).status).toBe(403);
    expect(
      (
        await t
          .http()
          .get('/api/me')
          .set(await t.login(victim.email, victim.password))
      ).status,
    ).toBe(200);
    const unknown = await t.http().post('/api/users/7d0c3f7e-1c1b-4d8e-9b7e-2a6f4f0e9a11/disable').set(t.admin);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('user_not_found');
  });

  it('refuses a correctly signed token of a user that no longer exists, of an old version, or without expiry', async () => {
    const user = await createUser(t, { role: 'admin' });
    const claims = { sub: user.id, role: 'admin', org: null, ten: null, ver: 0 };
    expect((await me(await sign(claims))).status).toBe(200);
    expect((await me(await sign({ ...claims, ver: 1 }))).status).toBe(401);
    expect((await me(await sign(claims, {}))).status).toBe(401);
    expect((await me(await sign({ ...claims, sub: '7d0c3f7e-1c1b-4d8e-9b7e-2a6f4f0e9a11' }))).status).toBe(401);
  });

  it('answers 401, not 500, for a token whose subject is not an id', async () => {
    for (const sub of ['system', "x' OR '1'='1", '']) {
      const response = await me(await sign({ sub, role: 'admin', org: null, ten: null, ver: 0 }));
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('token_invalid');
    }
  });
});
