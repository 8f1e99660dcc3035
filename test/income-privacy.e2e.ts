import { DataSource } from 'typeorm';
import { FixedClock } from '../src/common/clock/clock.js';
import { createLease, createLettableSpace, createTenant, createUser } from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/** A distinctive income, so a hit anywhere is this value and not a coincidence. */
const INCOME_CENTS = 2_718_281;

describe('the income of a band assessment', () => {
  let t: TestApp;
  const written: string[] = [];
  const originalStdout = process.stdout.write.bind(process.stdout);
  const originalStderr = process.stderr.write.bind(process.stderr);

  beforeAll(async () => {
    const capture = (original: typeof process.stdout.write) =>
      ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
        return (original as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof process.stdout.write;
    process.stdout.write = capture(originalStdout);
    process.stderr.write = capture(originalStderr);
    t = await startTestApp(
      { LOG_REQUESTS: 'true' },
      { clock: FixedClock.on('2012-03-15'), logLevels: ['log', 'error', 'warn', 'debug', 'verbose', 'fatal'] },
    );
  });
  afterAll(async () => {
    process.stdout.write = originalStdout;
    process.stderr.write = originalStderr;
    await t.close();
  });

  it('appears in no API answer, no table and no log line', async () => {
    const { building, space } = await createLettableSpace(t);
    const tenant = await createTenant(t);
    const answers: unknown[] = [];
    const assessment = await t
      .http()
      .post(`/api/tenants/${tenant.id}/band-assessments`)
      .set(t.admin)
      .send({ buildingId: building.id, basisYear: 2011, incomeCents: INCOME_CENTS });
    expect(assessment.status).toBe(201);
    expect(assessment.body.bandCode).toBe('B');
    answers.push(assessment.body);
    const lease = await createLease(t, { tenantId: tenant.id, spaceId: space.id });
    answers.push(lease);
    const user = await createUser(t, { role: 'tenant', tenantId: tenant.id });
    const asTenant = await t.login(user.email, user.password);
    for (const path of [
      `/api/tenants/${tenant.id}/band-assessments`,
      `/api/tenants/${tenant.id}`,
      `/api/leases/${lease.id}`,
      '/api/leases',
    ]) {
      answers.push((await t.http().get(path).set(t.admin)).body, (await t.http().get(path).set(asTenant)).body);
    }
    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(String(INCOME_CENTS));

    const dataSource = t.app.get(DataSource);
    const tables = await dataSource.query<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    expect(tables.length).toBeGreaterThan(10);
    for (const { table_name } of tables) {
      const [{ dump }] = await dataSource.query<{ dump: string | null }[]>(
        `SELECT string_agg(row_to_json(t)::text, ' ') AS dump FROM "${table_name}" t`,
      );
      expect(`${table_name}: ${dump ?? ''}`).not.toContain(String(INCOME_CENTS));
    }
    const columns = await dataSource.query<{ column_name: string }[]>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name ILIKE '%income%'`,
    );
    expect(columns.map((column) => column.column_name)).toEqual(['max_income_cents']);

    const log = written.join('');
    expect(log).toContain('/band-assessments');
    expect(log).not.toContain(String(INCOME_CENTS));
  });
});
