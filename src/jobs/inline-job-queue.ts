import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { JobHandlerRegistry } from './job-handler.registry.js';
import type { EnqueueOptions, JobName, JobPayloads } from './job-names.js';
import { backoffDelay, JOB_ATTEMPTS, JobQueue } from './job-queue.js';

/** How long a job id is remembered, like bull keeping a completed job before removing it. */
const REMEMBER_JOB_IDS_MS = 24 * 60 * 60 * 1000;

/**
 * The embedded driver: the same handlers, run in this process after the request that queued them,
 * with the same retry policy as the bull driver.
 */
@Injectable()
export class InlineJobQueue extends JobQueue implements BeforeApplicationShutdown {
  readonly driver = 'inline' as const;
  private readonly logger = new Logger('InlineJobQueue');
  private readonly seenJobIds = new Map<string, number>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closing = false;

  constructor(
    private readonly registry: JobHandlerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions): Promise<void> {
    this.forgetOldJobIds();
    if (this.closing || this.seenJobIds.has(options.jobId)) return;
    this.seenJobIds.set(options.jobId, Date.now());
    const start = () => this.track(this.runWithRetries(name, payload, options.jobId));
    if (options.delayMs) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        start();
      }, options.delayMs);
      this.timers.add(timer);
    } else {
      setImmediate(start);
    }
  }

  async health(): Promise<'inline'> {
    return 'inline';
  }

  /**
   * Waits for the work already started, before the database closes (Nest runs this hook ahead of
   * every onApplicationShutdown); delayed work that has not started is dropped.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async runWithRetries<N extends JobName>(name: N, payload: JobPayloads[N], jobId: string): Promise<void> {
    for (let attempt = 1; attempt <= JOB_ATTEMPTS; attempt++) {
      try {
        await this.registry.dispatch(name, payload);
        return;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (attempt === JOB_ATTEMPTS || this.closing) {
          this.logger.error({ message: 'job failed', job: name, jobId, attempt, error: message });
          await this.registry
            .dispatchFinalFailure(name, payload, error instanceof Error ? error : new Error(message))
            .catch(() => undefined);
          return;
        }
        this.logger.warn({ message: 'job attempt failed, retrying', job: name, jobId, attempt, error: message });
        await sleep(backoffDelay(this.config.jobs.backoffMs, attempt));
      }
    }
  }

  private forgetOldJobIds(): void {
    const cutoff = Date.now() - REMEMBER_JOB_IDS_MS;
    for (const [jobId, seenAt] of this.seenJobIds) {
      if (seenAt >= cutoff) break;
      this.seenJobIds.delete(jobId);
    }
  }
}
