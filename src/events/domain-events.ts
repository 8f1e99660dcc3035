import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Principal, SYSTEM_PRINCIPAL } from '../common/auth/principal.js';
import { AfterCommitJobs } from '../jobs/after-commit-jobs.js';
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
export class DomainEvents {
  constructor(
    private readonly events: EventsRepository,
    private readonly jobs: JobQueue,
    private readonly afterCommit: AfterCommitJobs,
  ) {}

  async record<T extends EventType>(manager: EntityManager, event: NewEvent<T>): Promise<string> {
    // Outside a transaction the event could be written while its change fails, or the reverse.
    if (!manager.queryRunner?.isTransactionActive) throw new Error(`Event ${event.type} must be recorded in the transaction of its change`);
    const id = await this.events.insert(manager, { ...event, entity: EVENT_ENTITIES[event.type] });
    this.afterCommit.enqueue(manager, 'events.dispatch', { eventId: id }, { jobId: id });
    return id;
  }

  /** Many events of one transaction, written in one statement; the same rules as `record`. */
  async recordMany(manager: EntityManager, events: NewEvent<EventType>[]): Promise<string[]> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('Events must be recorded in the transaction of their change');
    const ids = await this.events.insertMany(
      manager,
      events.map((event) => ({ ...event, entity: EVENT_ENTITIES[event.type] })),
    );
    for (const id of ids) this.afterCommit.enqueue(manager, 'events.dispatch', { eventId: id }, { jobId: id });
    return ids;
  }

  /** For the recovery sweep: an event whose dispatch was never queued (the queue was down at its commit). False when the queue did not take it. */
  enqueueDispatch(eventId: string): Promise<boolean> {
    return this.jobs.enqueueRecorded('events.dispatch', { eventId }, { jobId: eventId });
  }
}
