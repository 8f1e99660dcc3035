import { InjectQueue } from '@nestjs/bull';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { JobHandlerRegistry } from './job-handler.registry.js';
import type { EnqueueOptions, JobName, JobPayloads } from './job-names.js';
import { JOB_ATTEMPTS, JobQueue, QueueUnavailableError } from './job-queue.js';

export const QUEUE_NAME = 'broedplaats';

/** Well inside the 2 s a load balancer gives /health. */
const HEALTH_PING_TIMEOUT_MS = 1000;

/** The production driver: bull on Redis; any process with RUN_WORKERS takes work from it. */
@Injectable()
export class BullJobQueue extends JobQueue implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly driver = 'bull' as const;
  private readonly logger = new Logger('BullJobQueue');

  constructor(
    @InjectQueue(QUEUE_NAME) private readonly queue: Queue,
    private readonly registry: JobHandlerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    if (!this.config.app.runWorkers) return;
    this.queue.on('failed', (job, error) => {
      const final = job.attemptsMade >= (job.opts.attempts ?? 1);
      this.logger.warn({
        message: final ? 'job failed' : 'job attempt failed',
        job: job.name,
        jobId: job.id,
        attempt: job.attemptsMade,
        error: error.message,
      });
      if (final)
        void this.registry.dispatchFinalFailure(job.name as JobName, job.data as JobPayloads[JobName], error).catch(() => undefined);
    });
    void this.queue.process('*', this.config.jobs.concurrency, async (job) => {
      await this.registry.dispatch(job.name as JobName, job.data as JobPayloads[JobName]);
    });
  }

  /** Stops taking jobs and lets the running ones finish while the database is still open. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }

  /**
   * A client that is not connected holds the add in its offline queue until Redis is back (and
   * sends it then); the caller waits at most JOBS_ENQUEUE_TIMEOUT_MS for it.
   */
  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions): Promise<void> {
    const added = this.queue.add(name, payload, {
      jobId: options.jobId,
      delay: options.delayMs,
      attempts: JOB_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.config.jobs.backoffMs },
      removeOnComplete: { age: 24 * 60 * 60 },
      removeOnFail: { age: 7 * 24 * 60 * 60 },
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new QueueUnavailableError(options.jobId)), this.config.jobs.enqueueTimeoutMs);
    });
    try {
      await Promise.race([added, timeout]);
    } catch (error) {
      // An add still waiting in the offline queue may fail later: nobody waits for it any more.
      added.catch(() => undefined);
      throw error instanceof QueueUnavailableError ? error : new QueueUnavailableError(options.jobId, error);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * A client that is not connected would hold the ping in its offline queue until Redis is back, and
   * a connected one can still stall: either way the answer is 'down' within HEALTH_PING_TIMEOUT_MS.
   */
  async health(): Promise<'up' | 'down'> {
    const client = this.queue.client;
    if (client.status !== 'ready') return 'down';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'down'>((resolve) => {
      timer = setTimeout(() => resolve('down'), HEALTH_PING_TIMEOUT_MS);
    });
    try {
      return await Promise.race([client.ping().then(() => 'up' as const), timeout]);
    } catch {
      return 'down';
    } finally {
      clearTimeout(timer);
    }
  }
}
