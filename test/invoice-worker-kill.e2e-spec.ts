import { DataSource } from 'typeorm';
import { FixedClock } from '../src/common/clock/clock.js';
import { eventually } from './helpers/eventually.js';
import { createBuilding, createIssuer, seedLeases } from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { buildWorker, startWorker } from './helpers/worker-process.js';

const redisUrl = process.env.REDIS_URL;
const databaseUrl = process.env.DATABASE_URL;
const LEASES = 240;

(redisUrl && databaseUrl ? describe : describe.skip)('a worker killed in the middle of an invoice run (bull on Redis)', () => {
  let t: TestApp;
  let buildDir: string;

  beforeAll(async () => {
    buildDir = await buildWorker();
    // The API takes no jobs itself: only the worker processes do.
    t = await startTestApp(
      { RUN_WORKERS: 'false', INVOICE_CHUNK_SIZE: '40', JOBS_LOCK_MS: '1000' },
      { clock: FixedClock.on('2012-03-01') },
    );
  }, 120_000);
  afterAll(() => t?.close());

  it('ends, after the job is taken again, with exactly one invoice per lease and gap-free numbers', async () => {
    const issuer = await createIssuer(t);
    const building = await createBuilding(t, { umbrellaId: issuer.id, invoicePrefix: 'KILL' });
    await seedLeases(t, building.id, LEASES);
    const dataSource = t.app.get(DataSource);
    const invoiceCount = async () =>
      Number((await dataSource.query(`SELECT count(*) AS n FROM invoice WHERE building_id = $1`, [building.id]))[0].n);

    const started = await t.http().post(`/api/buildings/${building.id}/invoice-runs`).set(t.admin).send({ period: '2012-03' });
    expect(started.status).toBe(202);

    const doomed = startWorker(t, buildDir);
    await eventually(async () => expect(await invoiceCount()).toBeGreaterThan(5), 30_000, 10);
    doomed.kill('SIGKILL');
    await new Promise((resolve) => doomed.once('exit', resolve));
    const whenKilled = await invoiceCount();
    expect(whenKilled).toBeLessThan(LEASES);

    const survivor = startWorker(t, buildDir);
    try {
      await eventually(async () => {
        const run = (await t.http().get(`/api/invoice-runs/${started.body.id}`).set(t.admin)).body;
        expect(run).toMatchObject({ status: 'completed', done: LEASES, invoiceCount: LEASES });
      }, 60_000);
    } finally {
      survivor.kill('SIGTERM');
      await new Promise((resolve) => survivor.once('exit', resolve));
    }

    const [perLease] = await dataSource.query(
      `SELECT count(*)::int AS invoices, count(DISTINCT lease_id)::int AS leases, count(document_id)::int AS pdfs FROM invoice WHERE building_id = $1`,
      [building.id],
    );
    expect(perLease).toEqual({ invoices: LEASES, leases: LEASES, pdfs: LEASES });
    // The worker processes run on the real clock: the series is that of their issue date's year.
    const numbers: { number: string; year: number }[] = await dataSource.query(
      `SELECT number, extract(year FROM issue_date)::int AS year FROM invoice WHERE building_id = $1 ORDER BY number`,
      [building.id],
    );
    const year = numbers[0]!.year;
    expect(numbers.map((row) => row.number)).toEqual(
      Array.from({ length: LEASES }, (_, i) => `KILL-${year}-${String(i + 1).padStart(6, '0')}`),
    );
    // Room for both waits above (30 s and 60 s) on a busy machine.
  }, 120_000);
});
