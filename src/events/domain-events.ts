import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { type Principal, SYSTEM_PRINCIPAL } from '../common/auth/principal.js';
import { JobQueue } from '../jobs/job-queue.js';
import { EVENT_ENTITIES, type EventType, type NewEvent } from './event-types.js';
import { EventsRepository } from './events.repository.js';

/** The user behind a change, for an event's actor; scheduled work has none. */
export function actorOf(principal: Principal): string | null {
  return principal.userId === SYSTEM_PRINCIPAL.userId ? null : principal.userId;
}

/**
 * What producers call: `record(manager, event)` writes the event in the caller's transaction, and
 * once that transaction commits its dispatch is queued under the event's id. A rolled-back
 * transaction leaves neither the row nor a job.
 */
@Injectable()
export class DomainEvents implements OnModuleInit, EntitySubscriberInterface {
  private readonly logger = new Logger('DomainEvents');
  /** Events written in a transaction that has not ended yet, by its query runner. */
  private readonly pending = new WeakMap<QueryRunner, string[]>();

  constructor(
    private readonly events: EventsRepository,
    private readonly jobs: JobQueue,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  async record<T extends EventType>(manager: EntityManager, event: NewEvent<T>): Promise<string> {
    const runner = manager.queryRunner;
    // Outside a transaction the event could be written while its change fails, or the reverse.
    if (!runner?.isTransactionActive) throw new Error(`Event ${event.type} must be recorded in the transaction of its change`);
    const id = await this.events.insert(manager, { ...event, entity: EVENT_ENTITIES[event.type] });
    const ids = this.pending.get(runner) ?? [];
    ids.push(id);
    this.pending.set(runner, ids);
    return id;
  }

  /** Many events of one transaction, written in one statement; the same rules as `record`. */
  async recordMany(manager: EntityManager, events: NewEvent<EventType>[]): Promise<string[]> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('Events must be recorded in the transaction of their change');
    const ids = await this.events.insertMany(
      manager,
      events.map((event) => ({ ...event, entity: EVENT_ENTITIES[event.type] })),
    );
    this.pending.set(runner, [...(this.pending.get(runner) ?? []), ...ids]);
    return ids;
  }

  /** Queues dispatch once the outermost transaction committed (a savepoint's release is no commit). */
  afterTransactionCommit(commit: TransactionCommitEvent): void {
    const runner = commit.queryRunner;
    if (runner.isTransactionActive) return;
    const ids = this.pending.get(runner);
    if (!ids) return;
    this.pending.delete(runner);
    // The change has committed: a queue that is down must not fail it; the recovery sweep queues the event later.
    for (const id of ids) void this.enqueueDispatch(id);
  }

  afterTransactionRollback(rollback: TransactionRollbackEvent): void {
    if (!rollback.queryRunner.isTransactionActive) this.pending.delete(rollback.queryRunner);
  }

  async enqueueDispatch(eventId: string): Promise<void> {
    await this.jobs
      .enqueue('events.dispatch', { eventId }, { jobId: eventId })
      .catch((error: Error) => this.logger.warn({ message: 'could not queue an event; the sweep will', eventId, error: error.message }));
  }
}
