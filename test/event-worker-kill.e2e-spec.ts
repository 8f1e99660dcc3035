import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { FixedClock } from '../src/common/clock/clock.js';
import { eventually } from './helpers/eventually.js';
import { assessBand, createLease, createLettableSpace, createTenant } from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { buildWorker, startWorker, stopWorker } from './helpers/worker-process.js';
import { asOwner } from './helpers/database.js';

const redisUrl = process.env.REDIS_URL;
const databaseUrl = process.env.DATABASE_URL;

(redisUrl && databaseUrl ? describe : describe.skip)('a worker killed in the middle of dispatching an event (bull on Redis)', () => {
  let t: TestApp;
  // Not the invoice kill test's directory: the two files may build at the same time.
  let buildDir: string;

  beforeAll(async () => {
    buildDir = await buildWorker();
    // The API takes no jobs itself: only the worker processes dispatch.
    t = await startTestApp({ RUN_WORKERS: 'false', JOBS_LOCK_MS: '1000' }, { clock: FixedClock.on('2012-03-01') });
  }, 120_000);
  afterAll(() => t?.close());

  it('runs the audit consumer’s effect exactly once after another worker takes the event again', async () => {
    const dataSource = t.app.get(DataSource);
    const { building, space } = await createLettableSpace(t);
    const tenant = await createTenant(t);
    await assessBand(t, tenant.id, building.id, 2_000_000);
    // No worker runs yet: the event's dispatch waits in Redis.
    const lease = await createLease(t, { tenantId: tenant.id, spaceId: space.id });

    // The audit consumer's insert waits on this lock, so the worker is caught in the middle of the dispatch.
    const blocker = new Client({ connectionString: t.config.database.kind === 'postgres' ? t.config.database.url : '' });
    await blocker.connect();
    await blocker.query(`BEGIN; LOCK TABLE audit_entry IN EXCLUSIVE MODE`);
    let doomed: ChildProcess | undefined;
    try {
      doomed = startWorker(t, buildDir);
      await eventually(
        async () => {
          // Other sessions' queries show to the login role, not to the app's.
          const [{ n }] = await asOwner(dataSource, (owner): Promise<{ n: number }[]> =>
            owner.query(
              `SELECT count(*)::int AS n FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO "audit_entry"%'`,
            ),
          );
          expect(n).toBe(1);
        },
        30_000,
        20,
      );
      await stopWorker(doomed, 'SIGKILL');
    } finally {
      if (doomed && doomed.exitCode === null && doomed.signalCode === null) await stopWorker(doomed, 'SIGKILL');
      await blocker.query('ROLLBACK');
      await blocker.end();
    }

    const auditCount = async () =>
      Number((await dataSource.query(`SELECT count(*) AS n FROM audit_entry WHERE entity_id = $1`, [lease.id]))[0].n);
    const [event] = await dataSource.query<{ id: string; dispatched_at: Date | null }[]>(
      `SELECT id, dispatched_at FROM domain_event WHERE entity_id = $1 AND type = 'lease.started'`,
      [lease.id],
    );
    // The dead worker never committed: no effect, no record of one, the event still waits.
    expect(await auditCount()).toBe(0);
    expect(event!.dispatched_at).toBeNull();

    const survivor = startWorker(t, buildDir);
    try {
      await eventually(async () => {
        const [row] = await dataSource.query<{ dispatched_at: Date | null }[]>(`SELECT dispatched_at FROM domain_event WHERE id = $1`, [
          event!.id,
        ]);
        expect(row!.dispatched_at).not.toBeNull();
      }, 60_000);
      // Long enough for a second delivery, if there were one, to show.
      await sleep(1500);
    } finally {
      await stopWorker(survivor, 'SIGTERM');
    }
    expect(await auditCount()).toBe(1);
    const consumptions = await dataSource.query(`SELECT consumer FROM event_consumption WHERE event_id = $1`, [event!.id]);
    expect(consumptions).toEqual([{ consumer: 'AuditLogService.recordEvent' }]);
    const audit = await t.http().get('/api/audit').query({ entity: 'lease', id: lease.id }).set(t.admin);
    expect(audit.body).toMatchObject({ total: 1, items: [{ action: 'lease.started', entityId: lease.id }] });
  });
});
