import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { DomainEvents } from './domain-events.js';
import { EventsRepository } from './events.repository.js';

const SWEEP_INTERVAL_MS = 5 * 60 * 1000;
/** An event younger than this is still on its way from the commit to the queue. */
const GRACE_MS = 60 * 1000;
const BATCH = 500;

/**
 * At boot and every few minutes, in every process that runs workers: queues again each event that
 * is still undispatched, under its own id, so a lost queue or a crash between commit and enqueue
 * loses nothing and an event already queued is not queued twice.
 */
@Injectable()
export class EventRecoverySweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private readonly logger = new Logger('EventRecoverySweep');

  constructor(
    private readonly events: EventsRepository,
    private readonly domainEvents: DomainEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.app.runWorkers) return;
    void this.safeSweep();
    this.timer = setInterval(() => void this.safeSweep(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** The number of events queued again. */
  async sweep(cutoff = new Date(Date.now() - GRACE_MS)): Promise<number> {
    let after: { occurredAt: Date; id: string } | null = null;
    let queued = 0;
    for (;;) {
      const batch = await this.events.undispatchedBefore(cutoff, after, BATCH);
      for (const event of batch) await this.domainEvents.enqueueDispatch(event.id);
      queued += batch.length;
      if (batch.length < BATCH) return queued;
      after = batch[batch.length - 1]!;
    }
  }

  private async safeSweep(): Promise<void> {
    await this.sweep().catch((error: Error) => this.logger.error({ message: 'could not sweep undispatched events', error: error.message }));
  }
}
