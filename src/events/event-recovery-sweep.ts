import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { RecoverySweep } from '../jobs/recovery-sweep.js';
import { DomainEvents } from './domain-events.js';
import { EventsRepository } from './events.repository.js';

/** An event younger than this is still on its way from the commit to the queue. */
const GRACE_MS = 60 * 1000;
const BATCH = 500;

/**
 * Queues again each event that is still undispatched, under its own id, so a lost queue or a crash
 * between commit and enqueue loses nothing and an event already queued is not queued twice.
 */
@Injectable()
export class EventRecoverySweep extends RecoverySweep {
  protected readonly work = 'undispatched events';

  constructor(
    private readonly events: EventsRepository,
    private readonly domainEvents: DomainEvents,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(config);
  }

  /** The number of events queued again. */
  async sweep(cutoff = new Date(Date.now() - GRACE_MS)): Promise<number> {
    let after: { occurredAt: Date; id: string } | null = null;
    let queued = 0;
    for (;;) {
      const batch = await this.events.undispatchedBefore(cutoff, after, BATCH);
      for (const event of batch) {
        // The queue is down: the next sweep tries again, rather than waiting out a timeout per event.
        if (!(await this.domainEvents.enqueueDispatch(event.id))) return queued;
        queued++;
      }
      if (batch.length < BATCH) return queued;
      after = batch[batch.length - 1]!;
    }
  }
}
