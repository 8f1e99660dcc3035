import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { FixedClock } from '../src/common/clock/clock.js';
import { DomainEvents } from '../src/events/domain-events.js';
import { EventConsumersRegistry } from '../src/events/event-consumers.registry.js';
import { EventDispatcher } from '../src/events/event-dispatcher.js';
import { EventRecoverySweep } from '../src/events/event-recovery-sweep.js';
import { JobQueue } from '../src/jobs/job-queue.js';
import { asOwner } from './helpers/database.js';
import { eventually } from './helpers/eventually.js';
import { assessBand, createLease, createLettableSpace, createTenant, createUser } from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/** Fails, at COMMIT, every transaction that wrote an event of the given type: after the event's write, before anything is durable. */
const FAIL_AT_COMMIT = `
  CREATE FUNCTION test_fail_event_commit() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.type = TG_ARGV[0] THEN RAISE EXCEPTION 'injected failure after the event was written'; END IF;
    RETURN NULL;
  END $$;
  CREATE CONSTRAINT TRIGGER test_fail_event_commit AFTER INSERT ON domain_event
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_fail_event_commit('lease.terminated');`;
const STOP_FAILING = `DROP TRIGGER test_fail_event_commit ON domain_event; DROP FUNCTION test_fail_event_commit();`;

describe('domain events through the outbox', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let adminId: string;
  beforeAll(async () => {
    // The injected failure is logged as an unhandled error; that log is expected here.
    t = await startTestApp({}, { clock: FixedClock.on('2012-03-01'), logLevels: ['fatal'] });
    dataSource = t.app.get(DataSource);
    adminId = (await t.http().get('/api/me').set(t.admin)).body.id;
  });
  afterAll(() => t.close());

  async function newLease(): Promise<{ id: string; endDate: string }> {
    const { building, space } = await createLettableSpace(t);
    const tenant = await createTenant(t);
    await assessBand(t, tenant.id, building.id, 2_000_000);
    const lease = await createLease(t, { tenantId: tenant.id, spaceId: space.id });
    return { id: lease.id, endDate: lease.endDate as string };
  }

  const auditOf = async (entity: string, id: string) =>
    (await t.http().get('/api/audit').query({ entity, id }).set(t.admin)).body as {
      items: { at: string; userId: string | null; action: string; entity: string; entityId: string; changes: Record<string, unknown> }[];
      total: number;
    };
  const eventsOf = (entityId: string) =>
    dataSource.query<{ id: string; type: string; dispatched_at: Date | null }[]>(
      `SELECT id, type, dispatched_at FROM domain_event WHERE entity_id = $1 ORDER BY occurred_at`,
      [entityId],
    );
  const count = async (sql: string, params: unknown[]) => Number((await dataSource.query(sql, params))[0].n);

  it('a change that commits leaves its event and, after dispatch, an audit entry of who, when and what', async () => {
    const lease = await newLease();
    const terminated = await t
      .http()
      .post(`/api/leases/${lease.id}/terminate`)
      .set(t.admin)
      .send({ endDate: '2012-06-30', noticeDate: '2012-03-01', reason: 'Verhuist naar Rotterdam' });
    expect(terminated.status).toBe(200);

    await eventually(async () => expect((await auditOf('lease', lease.id)).total).toBe(2));
    const audit = await auditOf('lease', lease.id);
    expect(audit.items.map((entry) => entry.action)).toEqual(['lease.started', 'lease.terminated']);
    expect(audit.items[1]).toMatchObject({
      userId: adminId,
      entity: 'lease',
      entityId: lease.id,
      changes: { endDate: '2012-06-30', previousEndDate: lease.endDate, noticeGivenOn: '2012-03-01', reason: 'Verhuist naar Rotterdam' },
    });
    expect(Date.parse(audit.items[1]!.at)).toBeGreaterThanOrEqual(Date.parse(audit.items[0]!.at));
    await eventually(async () => expect((await eventsOf(lease.id)).every((event) => event.dispatched_at !== null)).toBe(true));
  });

  it('a transaction that fails after writing its event leaves no event, no change and no consumer effect', async () => {
    const lease = await newLease();
    await eventually(async () => expect((await auditOf('lease', lease.id)).total).toBe(1));
    // Every event of the set-up dispatched first: a consumer's transaction still open would hold the
    // table lock that CREATE TRIGGER waits for.
    await eventually(async () => expect(await count(`SELECT count(*) AS n FROM domain_event WHERE dispatched_at IS NULL`, [])).toBe(0));
    await asOwner(dataSource, (owner) => owner.query(FAIL_AT_COMMIT));
    try {
      const refused = await t
        .http()
        .post(`/api/leases/${lease.id}/terminate`)
        .set(t.admin)
        .send({ endDate: '2012-06-30', noticeDate: '2012-03-01', reason: 'Verhuist' });
      expect(refused.status).toBe(500);
    } finally {
      await asOwner(dataSource, (owner) => owner.query(STOP_FAILING));
    }
    expect((await t.http().get(`/api/leases/${lease.id}`).set(t.admin)).body.endDate).toBe(lease.endDate);
    expect((await eventsOf(lease.id)).map((event) => event.type)).toEqual(['lease.started']);
    // Time for a dispatch that should not have been queued to show its effect.
    await sleep(500);
    expect((await auditOf('lease', lease.id)).items.map((entry) => entry.action)).toEqual(['lease.started']);

    // The same request once the failure is gone: event and audit entry both appear.
    const terminated = await t
      .http()
      .post(`/api/leases/${lease.id}/terminate`)
      .set(t.admin)
      .send({ endDate: '2012-06-30', noticeDate: '2012-03-01', reason: 'Verhuist' });
    expect(terminated.status).toBe(200);
    expect((await eventsOf(lease.id)).map((event) => event.type)).toEqual(['lease.started', 'lease.terminated']);
    await eventually(async () => expect((await auditOf('lease', lease.id)).total).toBe(2));
  });

  it('an event recorded in a transaction that throws afterwards is gone, and one outside a transaction is refused', async () => {
    const events = t.app.get(DomainEvents);
    const entityId = randomUUID();
    const payload = { kind: 'owner-occupancy', period: '2012-03', format: 'json', documentId: randomUUID() };
    await expect(
      dataSource.transaction(async (manager) => {
        await events.record(manager, { type: 'report.completed', entityId, actorUserId: null, payload });
        throw new Error('injected failure after the event was written');
      }),
    ).rejects.toThrow('injected failure');
    await expect(events.record(dataSource.manager, { type: 'report.completed', entityId, actorUserId: null, payload })).rejects.toThrow(
      'must be recorded in the transaction of its change',
    );
    await sleep(300);
    expect(await eventsOf(entityId)).toEqual([]);
    expect((await auditOf('report', entityId)).total).toBe(0);
  });

  it('redelivering an event, even twice at once, runs each consumer’s effect once', async () => {
    const lease = await newLease();
    await eventually(async () => expect((await eventsOf(lease.id))[0]?.dispatched_at).not.toBeNull());
    const [event] = await eventsOf(lease.id);
    // As if a worker died after the consumers committed but before the event was marked dispatched.
    await dataSource.query(`UPDATE domain_event SET dispatched_at = NULL WHERE id = $1`, [event!.id]);
    const dispatcher = t.app.get(EventDispatcher);
    await Promise.all([dispatcher.dispatch(event!.id), dispatcher.dispatch(event!.id)]);
    await t.app.get(JobQueue).enqueue('events.dispatch', { eventId: event!.id }, { jobId: `redelivery-${event!.id}` });
    await sleep(300);

    expect((await auditOf('lease', lease.id)).total).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM event_consumption WHERE event_id = $1`, [event!.id])).toBe(1);
    expect((await eventsOf(lease.id))[0]!.dispatched_at).not.toBeNull();
  });

  it('retries a failing consumer without running the others again', async () => {
    const registry = t.app.get(EventConsumersRegistry);
    const steady: string[] = [];
    let flakyAttempts = 0;
    registry.register('report.completed', 'Test.steady', async (event) => {
      steady.push(event.id);
    });
    registry.register('report.completed', 'Test.flaky', async () => {
      flakyAttempts++;
      if (flakyAttempts === 1) throw new Error('injected consumer failure');
    });
    const entityId = randomUUID();
    const eventId = await dataSource.transaction((manager) =>
      t.app.get(DomainEvents).record(manager, {
        type: 'report.completed',
        entityId,
        actorUserId: null,
        payload: { kind: 'owner-occupancy', period: '2012-03', format: 'json', documentId: randomUUID() },
      }),
    );

    await eventually(async () => expect((await eventsOf(entityId))[0]?.dispatched_at).not.toBeNull());
    expect(flakyAttempts).toBe(2);
    expect(steady).toEqual([eventId]);
    expect((await auditOf('report', entityId)).items).toEqual([expect.objectContaining({ action: 'report.completed', userId: null })]);
    // Every consumer of the event (the audit log, mail and the two above) recorded once.
    expect(await count(`SELECT count(*) AS n FROM event_consumption WHERE event_id = $1`, [eventId])).toBe(
      registry.consumersOf('report.completed').length,
    );
  });

  it('the recovery sweep queues an event whose dispatch was never queued', async () => {
    const entityId = randomUUID();
    // Committed, but the process died before queuing it: only the row exists.
    const [{ id }] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO domain_event (type, entity, entity_id, payload, occurred_at)
       VALUES ('report.completed', 'report', $1, $2, now() - interval '10 minutes') RETURNING id`,
      [entityId, JSON.stringify({ kind: 'owner-occupancy', period: '2012-03', format: 'json', documentId: randomUUID() })],
    );
    expect(await t.app.get(EventRecoverySweep).sweep()).toBeGreaterThanOrEqual(1);
    await eventually(async () => expect((await eventsOf(entityId))[0]?.dispatched_at).not.toBeNull());
    expect((await auditOf('report', entityId)).items).toEqual([expect.objectContaining({ action: 'report.completed', entityId })]);
    expect(await count(`SELECT count(*) AS n FROM audit_entry WHERE event_id = $1`, [id])).toBe(1);
    // Dispatched events are not swept again.
    expect(await count(`SELECT count(*) AS n FROM domain_event WHERE dispatched_at IS NULL AND id = $1`, [id])).toBe(0);
  });

  it('GET /api/audit is for admins, pages like every list and checks its filters', async () => {
    const lease = await newLease();
    await t
      .http()
      .post(`/api/leases/${lease.id}/terminate`)
      .set(t.admin)
      .send({ endDate: '2012-06-30', noticeDate: '2012-03-01', reason: 'Verhuist' });
    await eventually(async () => expect((await auditOf('lease', lease.id)).total).toBe(2));

    const second = await t.http().get('/api/audit').query({ entity: 'lease', id: lease.id, limit: 1, offset: 1 }).set(t.admin);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ total: 2, items: [{ action: 'lease.terminated', entityId: lease.id }] });
    expect(Object.keys(second.body.items[0]).sort()).toEqual(['action', 'at', 'changes', 'entity', 'entityId', 'userId']);

    expect((await t.http().get('/api/audit').query({ id: 'not-a-uuid' }).set(t.admin)).status).toBe(400);
    expect((await t.http().get('/api/audit').query({ entity: 'spaceship' }).set(t.admin)).status).toBe(400);
    const tenant = await createUser(t, { role: 'tenant' });
    const headers = await t.login(tenant.email, tenant.password);
    expect((await t.http().get('/api/audit').query({ entity: 'lease', id: lease.id }).set(headers)).status).toBe(403);
    expect((await t.http().get('/api/audit')).status).toBe(401);
  });
});
