import { createUser } from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

describe('the login lockout under parallel requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) => t.http().post('/api/auth/login').send({ email, password });

  it('checks at most 10 passwords for one address when 40 wrong ones arrive at once; every 429 says when to retry', async () => {
    const victim = await createUser(t, { role: 'admin' });
    const responses = await Promise.all(Array.from({ length: 40 }, () => login(victim.email, 'wrong-password-guess')));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(30);

    const windowSeconds = t.config.auth.loginWindowMinutes * 60;
    for (const refused of responses.filter((response) => response.status === 429)) {
      expect(refused.body.code).toBe('too_many_login_attempts');
      const retryAfter = Number(refused.headers['retry-after']);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(windowSeconds - 60);
      expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
    }
    const rightPassword = await login(victim.email, victim.password);
    expect(rightPassword.status).toBe(429);
    expect(Number(rightPassword.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('does not count sign-ins that succeed, in parallel or one by one', async () => {
    const user = await createUser(t, { role: 'admin' });
    const successes = await Promise.all(Array.from({ length: 5 }, () => login(user.email, user.password)));
    expect(successes.map((response) => response.status)).toEqual(Array(5).fill(200));
    for (let i = 0; i < 8; i++) expect((await login(user.email, user.password)).status).toBe(200);

    const failures = await Promise.all(Array.from({ length: 10 }, () => login(user.email, 'wrong-password-guess')));
    expect(failures.map((response) => response.status)).toEqual(Array(10).fill(401));
    expect((await login(user.email, user.password)).status).toBe(429);
  });
});
