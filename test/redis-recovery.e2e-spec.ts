import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { FixedClock } from '../src/common/clock/clock.js';
import { randomUUID } from 'node:crypto';
import { EventRecoverySweep } from '../src/events/event-recovery-sweep.js';
import { QUEUE_NAME } from '../src/jobs/bull-job-queue.js';
import { HandoverRecoverySweep } from '../src/modules/handovers/handovers.recovery.js';
import { MessageRecoverySweep } from '../src/modules/mail/mail.handlers.js';
import { MailOutbox } from '../src/modules/mail/mail-outbox.service.js';
import { InvoiceRunRecoverySweep } from '../src/modules/invoices/invoice-runs.recovery.js';
import { ReportRecoverySweep } from '../src/modules/reports/reports.recovery.js';
import { eventually } from './helpers/eventually.js';
import { createBuilding, createIssuer, createOrganisation, seedLeases } from './helpers/factories.js';
import { privateRedis, type PrivateRedis } from './helpers/private-redis.js';
import { startTestApp, TEST_ADMIN, type TestApp } from './helpers/test-app.js';

// The outage is staged on a Redis of this file's own; the embedded run has no Redis to lose.
const withRedis = process.env.REDIS_URL && process.env.DATABASE_URL ? describe : describe.skip;
if (!process.env.REDIS_URL) console.warn('redis-recovery.e2e-spec: skipped, it needs REDIS_URL (the run on Postgres and Redis)');

const PERIOD = '2012-03';

async function invoicesOf(t: TestApp, buildingId: string): Promise<{ invoices: number; leases: number; numbers: string[] }> {
  const dataSource = t.app.get(DataSource);
  const rows: { number: string; lease_id: string }[] = await dataSource.query(
    `SELECT number, lease_id FROM invoice WHERE building_id = $1 AND kind = 'invoice' ORDER BY number`,
    [buildingId],
  );
  return { invoices: rows.length, leases: new Set(rows.map((row) => row.lease_id)).size, numbers: rows.map((row) => row.number) };
}

/** The numbers a run of `count` invoices in a fresh series of this prefix must have: 1 … count, no gap. */
function gapFree(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-2012-${String(i + 1).padStart(6, '0')}`);
}

withRedis('work that Redis lost, on a Redis of its own', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  beforeAll(async () => {
    redis = await privateRedis();
    await redis.start();
    // One job at a time, so the report waits behind the run's chunks when Redis goes; a sweep every half second.
    t = await startTestApp(
      { REDIS_URL: redis.url, INVOICE_CHUNK_SIZE: '20', JOBS_CONCURRENCY: '1', JOBS_RECOVERY_INTERVAL_MS: '500' },
      { clock: FixedClock.on('2012-03-01') },
    );
  });
  afterAll(async () => {
    // Redis back first, so the queue can close cleanly.
    await redis.start();
    await t.close();
    await redis.kill();
  });

  it('completes a run and a report by itself after Redis died in the middle and came back empty: one invoice per lease, no gap', async () => {
    const LEASES = 100;
    const issuer = await createIssuer(t);
    const building = await createBuilding(t, { umbrellaId: issuer.id, invoicePrefix: 'LOST' });
    await seedLeases(t, building.id, LEASES);

    const run = await t.http().post(`/api/buildings/${building.id}/invoice-runs`).set(t.admin).send({ period: PERIOD });
    expect(run.status).toBe(202);
    const report = await t
      .http()
      .post('/api/reports')
      .set(t.admin)
      .send({ kind: 'owner-occupancy', buildingId: building.id, period: '2012', format: 'json' });
    expect(report.status).toBe(202);

    await eventually(async () => expect((await invoicesOf(t, building.id)).invoices).toBeGreaterThanOrEqual(20), 30_000, 10);
    await redis.kill();
    // The chunk in hand may still finish against the database; the rest of the run and the report wait in a queue that is gone.
    expect((await invoicesOf(t, building.id)).invoices).toBeLessThan(LEASES);
    expect((await t.http().get(`/api/reports/${report.body.id}`).set(t.admin)).body.status).toBe('queued');

    const started = Date.now();
    const health = await t.http().get('/health').timeout(5000);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'degraded', database: 'up', queue: 'down' });

    await redis.start(); // empty: nothing is saved
    await eventually(
      async () => {
        expect((await t.http().get(`/api/invoice-runs/${run.body.id}`).set(t.admin)).body).toMatchObject({
          status: 'completed',
          done: LEASES,
          total: LEASES,
          invoiceCount: LEASES,
        });
        expect((await t.http().get(`/api/reports/${report.body.id}`).set(t.admin)).body).toMatchObject({
          status: 'completed',
          progress: 100,
        });
      },
      40_000,
      200,
    );
    const invoices = await invoicesOf(t, building.id);
    expect(invoices).toEqual({ invoices: LEASES, leases: LEASES, numbers: gapFree('LOST', LEASES) });
    expect((await t.http().get(`/api/reports/${report.body.id}/file`).set(t.admin)).status).toBe(200);
  }, 60_000);

  it('during the outage answers a wrong password with 401 at once, and records a run and a report (202 after the 2 s enqueue timeout) that complete once Redis is back', async () => {
    const LEASES = 30;
    const issuer = await createIssuer(t);
    const building = await createBuilding(t, { umbrellaId: issuer.id, invoicePrefix: 'DOWN' });
    await seedLeases(t, building.id, LEASES);
    await redis.kill();

    const loginStarted = Date.now();
    const login = await t.http().post('/api/auth/login').send({ email: TEST_ADMIN.email, password: 'not-the-password' }).timeout(10_000);
    expect(login.status).toBe(401);
    // Anything that waited for the queue would take its whole enqueue timeout (2 s).
    expect(Date.now() - loginStarted).toBeLessThan(2000);

    const runStarted = Date.now();
    const run = await t.http().post(`/api/buildings/${building.id}/invoice-runs`).set(t.admin).send({ period: PERIOD }).timeout(10_000);
    // The enqueue timeout (2 s, once for all chunks) and the request's own work.
    expect(Date.now() - runStarted).toBeLessThan(3500);
    expect(run.status).toBe(202);
    expect(run.body).toMatchObject({ status: 'queued', total: LEASES, done: 0 });

    const reportStarted = Date.now();
    const report = await t
      .http()
      .post('/api/reports')
      .set(t.admin)
      .send({ kind: 'owner-occupancy', buildingId: building.id, period: '2012', format: 'json' })
      .timeout(10_000);
    expect(Date.now() - reportStarted).toBeLessThan(3500);
    expect(report.status).toBe(202);
    expect(report.body).toMatchObject({ status: 'queued' });

    await redis.start();
    await eventually(
      async () => {
        expect((await t.http().get(`/api/invoice-runs/${run.body.id}`).set(t.admin)).body).toMatchObject({
          status: 'completed',
          invoiceCount: LEASES,
        });
        expect((await t.http().get(`/api/reports/${report.body.id}`).set(t.admin)).body).toMatchObject({ status: 'completed' });
      },
      30_000,
      200,
    );
    expect(await invoicesOf(t, building.id)).toEqual({ invoices: LEASES, leases: LEASES, numbers: gapFree('DOWN', LEASES) });
  }, 60_000);

  it('stops a sweep of events or mail at the first job the queue does not take: one enqueue timeout per sweep, not one per row', async () => {
    const db = t.app.get(DataSource);
    await redis.kill();
    // Committed while the queue was down, long enough ago for the sweep: only their rows exist.
    const entityIds = Array.from({ length: 4 }, () => randomUUID());
    for (const entityId of entityIds)
      await db.query(
        `INSERT INTO domain_event (type, entity, entity_id, payload, occurred_at)
         VALUES ('report.completed', 'report', $1, $2, now() - interval '10 minutes')`,
        [entityId, JSON.stringify({ kind: 'owner-occupancy', period: '2012-03', format: 'json', documentId: randomUUID() })],
      );
    const messages = await db.transaction((manager) =>
      t.app.get(MailOutbox).write(
        manager,
        { source: `test:${entityIds[0]}`, sourceType: 'test', eventId: null },
        ['a', 'b', 'c'].map((who) => ({
          to: { address: `${who}-outage@test.example`, name: who, language: 'nl' as const, userId: null, tenantId: null },
          template: 'password-reset' as const,
          params: { url: 'http://localhost/reset' },
        })),
      ),
    );
    for (const sweep of [t.app.get(EventRecoverySweep), t.app.get(MessageRecoverySweep)]) {
      const started = Date.now();
      expect(await sweep.sweep()).toBe(0);
      // One enqueue timeout (2 s) and the sweep's own queries; a timeout per row would be 6 s or more.
      expect(Date.now() - started).toBeLessThan(4000);
    }

    await redis.start();
    await eventually(
      async () => {
        const [{ undispatched }] = await db.query(
          `SELECT count(*)::int AS undispatched FROM domain_event WHERE entity_id = ANY($1) AND dispatched_at IS NULL`,
          [entityIds],
        );
        expect(undispatched).toBe(0);
        const [{ unsent }] = await db.query(`SELECT count(*)::int AS unsent FROM message WHERE id = ANY($1) AND status = 'queued'`, [
          messages,
        ]);
        expect(unsent).toBe(0);
      },
      30_000,
      200,
    );
  }, 60_000);
});

withRedis('queued work without workers: the jobs in the queue', () => {
  let t: TestApp;
  // No workers: the work stays queued, and its jobs stay in the queue to be counted.
  beforeAll(async () => {
    t = await startTestApp({ RUN_WORKERS: 'false', INVOICE_CHUNK_SIZE: '10' }, { clock: FixedClock.on('2012-03-01') });
  });
  afterAll(() => t?.close());

  const queue = () => t.app.get<Queue>(getQueueToken(QUEUE_NAME));
  async function jobIds(): Promise<string[]> {
    return (await queue().getJobs(['waiting', 'delayed', 'active', 'completed', 'failed'])).map((job) => String(job.id)).sort();
  }
  async function chunkJobs(runId: string): Promise<string[]> {
    return (await jobIds()).filter((id) => id.startsWith(`invoice-run:${runId}:`));
  }

  it('queues each chunk once, however many times it is posted at once; a failed run gets its remaining chunks queued afresh', async () => {
    const issuer = await createIssuer(t);
    const building = await createBuilding(t, { umbrellaId: issuer.id, invoicePrefix: 'POST' });
    await seedLeases(t, building.id, 40);
    const post = () => t.http().post(`/api/buildings/${building.id}/invoice-runs`).set(t.admin).send({ period: PERIOD });

    const answers = await Promise.all(Array.from({ length: 30 }, post));
    const ids = new Set(answers.map((answer) => answer.body.id));
    expect(ids.size).toBe(1);
    expect(answers.map((answer) => answer.status).sort()).toEqual([...Array(29).fill(200), 202].sort());
    const runId = [...ids][0] as string;
    const jobs = await chunkJobs(runId);
    expect(jobs).toHaveLength(4);
    expect(new Set(jobs.map((id) => id.replace(/:g\d+:/, ':'))).size).toBe(4);

    // A run that failed is posted again to retry it: its chunks go into the queue under new ids.
    await t.app.get(DataSource).query(`UPDATE invoice_run SET status = 'failed', error = 'staged' WHERE id = $1`, [runId]);
    const retried = await post();
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: runId, status: 'queued' });
    expect(await chunkJobs(runId)).toHaveLength(8);
    await Promise.all(Array.from({ length: 10 }, post));
    expect(await chunkJobs(runId)).toHaveLength(8);
  }, 60_000);

  it('queues again, once, the run chunks, the report, the handover and the mail whose jobs the queue lost', async () => {
    const issuer = await createIssuer(t);
    const building = await createBuilding(t, { umbrellaId: issuer.id, invoicePrefix: 'SWEEP' });
    await seedLeases(t, building.id, 20);
    const buyer = await createOrganisation(t, { kind: 'owner' });
    const run = await t.http().post(`/api/buildings/${building.id}/invoice-runs`).set(t.admin).send({ period: PERIOD });
    const report = await t
      .http()
      .post('/api/reports')
      .set(t.admin)
      .send({ kind: 'owner-occupancy', buildingId: building.id, period: '2012', format: 'json' });
    const handover = await t
      .http()
      .post(`/api/buildings/${building.id}/handovers`)
      .set(t.admin)
      .send({ newOwnerId: buyer.id, transferDate: '2012-03-01', retainedFloorIds: [] }); // today: carried out now, not scheduled
    expect([run.status, report.status, handover.status]).toEqual([202, 202, 202]);
    const [messageId] = await t.app.get(DataSource).transaction((manager) =>
      t.app.get(MailOutbox).write(manager, { source: `test:${run.body.id}`, sourceType: 'test', eventId: null }, [
        {
          to: { address: 'lost-mail@test.example', name: 'Anneke', language: 'nl', userId: null, tenantId: null },
          template: 'password-reset',
          params: { url: 'http://localhost/reset' },
        },
      ]),
    );
    const ours = async () =>
      (await jobIds()).filter(
        (id) =>
          id.startsWith(`invoice-run:${run.body.id}:`) ||
          id === `report:${report.body.id}` ||
          id === `handover:${handover.body.id}` ||
          id === messageId,
      );
    await eventually(async () => expect(await ours()).toHaveLength(5)); // two chunks of ten, the report, the handover, the mail
    const queued = await ours();

    await queue().empty(); // what an emptied Redis leaves of the waiting jobs
    expect(await ours()).toEqual([]);
    const sweeps = [InvoiceRunRecoverySweep, ReportRecoverySweep, HandoverRecoverySweep, MessageRecoverySweep].map((sweep) =>
      t.app.get(sweep),
    );
    for (let round = 0; round < 3; round++) for (const sweep of sweeps) await sweep.sweep();
    expect(await ours()).toEqual(queued);
  }, 60_000);
});
