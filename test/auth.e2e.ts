import { createOrganisation, createUser } from './helpers/factories.js';
import { startTestApp, TEST_ADMIN, type TestApp } from './helpers/test-app.js';

describe('auth and users', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('signs in the first admin from ADMIN_EMAIL / ADMIN_PASSWORD and tells who it is', async () => {
    const login = await t.http().post('/api/auth/login').send({ email: 'Admin@Test.Example', password: TEST_ADMIN.password });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ email: TEST_ADMIN.email, role: 'admin' });
    expect(login.body.user.passwordHash).toBeUndefined();

    const me = await t.http().get('/api/me').set('Authorization', `Bearer ${login.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      id: login.body.user.id,
      email: TEST_ADMIN.email,
      name: 'Administrator',
      role: 'admin',
      organisationId: null,
      tenantId: null,
      capabilities: expect.arrayContaining(['users.write', 'invoices.run']),
      buildingIds: [],
    });
  });

  it('refuses a wrong password or an unknown address with 401 and the error shape', async () => {
    for (const body of [
      { email: TEST_ADMIN.email, password: 'wrong-password' },
      { email: 'nobody@test.example', password: TEST_ADMIN.password },
    ]) {
      const response = await t.http().post('/api/auth/login').send(body);
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ statusCode: 401, code: 'invalid_credentials', message: expect.any(String), details: [] });
    }
  });

  it('answers 401 without a token and with a forged or malformed one', async () => {
    expect((await t.http().get('/api/me')).status).toBe(401);
    expect((await t.http().get('/api/me').set('Authorization', 'Bearer not-a-token')).body.code).toBe('token_invalid');
    const [header, payload] = t.admin.Authorization.slice(7).split('.');
    const forged = `${header}.${payload}.${'x'.repeat(43)}`;
    expect((await t.http().get('/api/me').set('Authorization', `Bearer ${forged}`)).status).toBe(401);
    expect((await t.http().get('/api/buildings').set('Authorization', 'Basic abc')).status).toBe(401);
  });

  it('rate-limits one address after 10 failures in the window, even for the right password, and no other address', async () => {
    const victim = await createUser(t, { role: 'admin' });
    const bystander = await createUser(t, { role: 'admin' });
    const failures = await Promise.all(
      Array.from({ length: 10 }, () => t.http().post('/api/auth/login').send({ email: victim.email, password: 'wrong-password' })),
    );
    expect(failures.map((response) => response.status)).toEqual(Array(10).fill(401));

    const blocked = await t.http().post('/api/auth/login').send({ email: victim.email, password: victim.password });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('too_many_login_attempts');
    expect((await t.http().post('/api/auth/login').send({ email: bystander.email, password: bystander.password })).status).toBe(200);
  });

  it('lets admins create users of every role; a duplicate e-mail is 409', async () => {
    const owner = await createOrganisation(t, { kind: 'owner' });
    const user = await createUser(t, { role: 'owner', organisationId: owner.id, email: 'Owner.Person@Test.Example' });
    expect(user).toMatchObject({ email: 'owner.person@test.example', role: 'owner', organisationId: owner.id });
    const signedIn = await t.login('owner.person@test.example', user.password);
    expect((await t.http().get('/api/me').set(signedIn)).body.role).toBe('owner');

    const duplicate = await t.http().post('/api/users').set(t.admin).send({
      email: 'OWNER.person@test.example',
      password: 'another-long-password',
      name: 'Someone',
      role: 'tenant',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('email_taken');
  });

  it('refuses owner and municipality users without an organisation of their kind (422)', async () => {
    const umbrella = await createOrganisation(t, { kind: 'umbrella' });
    const base = { password: 'a-long-enough-password', name: 'X' };
    const noOrganisation = await t
      .http()
      .post('/api/users')
      .set(t.admin)
      .send({ ...base, email: 'a@test.example', role: 'owner' });
    expect(noOrganisation.status).toBe(422);
    const wrongKind = await t
      .http()
      .post('/api/users')
      .set(t.admin)
      .send({ ...base, email: 'b@test.example', role: 'municipality', organisationId: umbrella.id });
    expect(wrongKind.status).toBe(422);
    const unknown = await t
      .http()
      .post('/api/users')
      .set(t.admin)
      .send({ ...base, email: 'c@test.example', role: 'admin', organisationId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(422);
    const list = await t.http().get('/api/users?limit=1000').set(t.admin);
    expect(list.body.items.map((u: { email: string }) => u.email)).not.toEqual(
      expect.arrayContaining(['a@test.example', 'b@test.example', 'c@test.example']),
    );
  });

  it('answers bad input to POST /api/users with 400 and one detail per field', async () => {
    const response = await t
      .http()
      .post('/api/users')
      .set(t.admin)
      .send({ email: 'not-an-email', password: 'short', role: 'king', extra: 1 });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    const fields = new Set(response.body.details.map((detail: { field: string }) => detail.field));
    expect(fields).toEqual(new Set(['email', 'password', 'name', 'role', 'extra']));
  });

  it('lets only admins create users and read the user list', async () => {
    const owner = await createOrganisation(t, { kind: 'owner' });
    const ownerUser = await createUser(t, { role: 'owner', organisationId: owner.id });
    const tenantUser = await createUser(t, { role: 'tenant' });
    for (const headers of [await t.login(ownerUser.email, ownerUser.password), await t.login(tenantUser.email, tenantUser.password)]) {
      const create = await t
        .http()
        .post('/api/users')
        .set(headers)
        .send({ email: 'x@test.example', password: 'a-long-enough-password', name: 'X', role: 'admin' });
      expect(create.status).toBe(403);
      expect(create.body.code).toBe('forbidden');
      expect((await t.http().get('/api/users').set(headers)).status).toBe(403);
    }
  });
});
