import { availableParallelism } from 'node:os';
import { loadAppConfig } from '../app.module.js';
import { configSection, ConfigError, loadConfig } from './config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadAppConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('the app config', () => {
  it('runs embedded with the documented demo admin when nothing is set', () => {
    const config = loadAppConfig({});
    expect(config.database).toEqual({ kind: 'embedded', dataDir: './var', migrationsRun: true });
    expect(config.redis.url).toBeNull();
    expect(config.app).toMatchObject({ port: 3000, runWorkers: true, demoData: true });
    expect(config.auth).toMatchObject({ adminEmail: 'admin@example.org', adminPassword: 'broedplaats' });
  });

  it('with DATABASE_URL needs an admin and refuses the demo password or a short one', () => {
    const url = { DATABASE_URL: 'postgresql://localhost/broedplaats' };
    expect(problemsOf(url)).toEqual([
      'ADMIN_EMAIL is required when DATABASE_URL is set',
      'ADMIN_PASSWORD is required when DATABASE_URL is set',
    ]);
    expect(problemsOf({ ...url, ADMIN_EMAIL: 'a@b.nl', ADMIN_PASSWORD: 'broedplaats' })).toEqual([
      'ADMIN_PASSWORD: the demo password is only accepted with the embedded database',
    ]);
    expect(problemsOf({ ...url, ADMIN_EMAIL: 'a@b.nl', ADMIN_PASSWORD: 'short' })).toHaveLength(1);
    // The first admin's password keeps the rules of every other password: not only spaces, not a common one.
    expect(problemsOf({ ...url, ADMIN_EMAIL: 'a@b.nl', ADMIN_PASSWORD: ' '.repeat(12) })).toEqual([
      'ADMIN_PASSWORD is required when DATABASE_URL is set',
    ]);
    expect(problemsOf({ ...url, ADMIN_EMAIL: 'a@b.nl', ADMIN_PASSWORD: 'qwerty123456' })).toEqual([
      'ADMIN_PASSWORD is one of the 10,000 most common passwords; choose another',
    ]);
    const config = loadAppConfig({ ...url, ADMIN_EMAIL: 'A@B.nl', ADMIN_PASSWORD: 'a-long-enough-secret' });
    expect(config.database.kind).toBe('postgres');
    expect(config.app.demoData).toBe(false);
    expect(config.auth.adminEmail).toBe('a@b.nl');
  });

  it('names every bad value in one message', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      RUN_WORKERS: 'maybe',
      DATABASE_URL: 'mysql://x',
      REDIS_URL: 'http://x',
      JWT_SECRET: 'short',
      INVOICE_CHUNK_SIZE: '0',
      OFFER_REPLY_DAYS: 'soon',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'PORT must be a whole number from 0 to 65535, got "eighty"',
        'RUN_WORKERS must be true or false, got "maybe"',
        'DATABASE_URL must start with postgres:// or postgresql://',
        'REDIS_URL must start with redis:// or rediss://',
        'JWT_SECRET must have at least 32 characters',
        'INVOICE_CHUNK_SIZE must be a whole number from 1 to 1000, got "0"',
        'OFFER_REPLY_DAYS must be a whole number from 1 to 90, got "soon"',
      ]),
    );
    expect(() => loadAppConfig({ PORT: 'eighty' })).toThrow(/Invalid configuration:\n {2}- PORT must be a whole number/);
  });

  it('has the section of every feature, with its defaults', () => {
    const config = loadAppConfig({});
    expect(config.invoicing).toEqual({
      paymentTermDays: 14,
      chunkSize: 50,
      monthlyRuns: false,
      renderThreads: Math.min(availableParallelism(), 16),
      eInvoices: true,
    });
    expect(config.mail).toMatchObject({ enabled: true, smtpUrl: null });
    expect(config.applications).toEqual({ offerReplyDays: 14 });
    expect(config.reports).toEqual({ monthlyMonitor: false });
    expect(config.auth).toMatchObject({ jwtSecret: null, tokenTtlSeconds: 3600, loginMaxFailures: 10, loginWindowMinutes: 15 });
  });
});

describe('a feature config section', () => {
  it('may read only the variables it declares', () => {
    const undeclared = configSection({
      key: 'reports',
      env: [],
      read: (env) => ({ monthlyMonitor: env.boolean('REPORTS_MONTHLY_MONITOR', false) }),
    });
    expect(() => loadConfig([undeclared], {})).toThrow(
      'A config section reads REPORTS_MONTHLY_MONITOR without declaring it in its env list',
    );
  });
});
