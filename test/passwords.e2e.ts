import { startTestApp, TEST_ADMIN, type TestApp } from './helpers/test-app.js';

describe('passwords that users set', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const createUser = (email: string, password: string) =>
    t.http().post('/api/users').set(t.admin).send({ email, password, name: 'Someone', role: 'tenant' });

  it('refuses fewer than 12 characters, only spaces, and the most common passwords, naming the field', async () => {
    for (const [index, password] of [
      'eleven-char',
      ' '.repeat(12),
      ' '.repeat(40),
      'qwerty123456',
      'QWERTY123456',
      '1q2w3e4r5t6y',
    ].entries()) {
      const response = await createUser(`weak-${index}@test.example`, password);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      expect(response.body.details).toEqual([{ field: 'password', message: expect.any(String) }]);
    }
    const users = await t.http().get('/api/users?limit=1000').set(t.admin);
    expect(users.body.items.map((user: { email: string }) => user.email)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^weak-/)]),
    );
  });

  it('takes a long uncommon password, and the test admin still signs in', async () => {
    expect((await createUser('strong@test.example', 'lange houten trap 1911')).status).toBe(201);
    await t.login('strong@test.example', 'lange houten trap 1911');
    await t.login(TEST_ADMIN.email, TEST_ADMIN.password);
  });
});
