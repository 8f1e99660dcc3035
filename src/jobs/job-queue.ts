import { Logger } from '@nestjs/common';
import type { EnqueueOptions, JobName, JobPayloads } from './job-names.js';

export const JOB_ATTEMPTS = 5;

/** The queue did not take a job within JOBS_ENQUEUE_TIMEOUT_MS (or refused it): Redis is down or stalled. */
export class QueueUnavailableError extends Error {
  constructor(
    readonly jobId: string,
    cause?: unknown,
  ) {
    super(`the queue did not take job ${jobId}${cause instanceof Error ? `: ${cause.message}` : ' in time'}`);
    this.name = 'QueueUnavailableError';
  }
}

/** Port: producers enqueue through this, whichever driver runs the work. */
export abstract class JobQueue {
  abstract readonly driver: 'bull' | 'inline';
  private readonly recordedLogger = new Logger('JobQueue');

  /** Queues the job, or throws (a QueueUnavailableError when the queue is down or slow, within JOBS_ENQUEUE_TIMEOUT_MS). */
  abstract enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions): Promise<void>;

  /**
   * For work whose status row is already committed (`queued`): a queue that is down or slow is
   * logged, not thrown, because the recovery sweep queues the work again from that row once the
   * queue is back. False when the job could not be queued now.
   */
  async enqueueRecorded<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions): Promise<boolean> {
    try {
      await this.enqueue(name, payload, options);
      return true;
    } catch (error) {
      this.recordedLogger.warn({
        message: 'could not queue recorded work; the recovery sweep will',
        job: name,
        jobId: options.jobId,
        error: error instanceof Error ? error.message : String(error),
      });
      return false;
    }
  }

  /** 'up' or 'down' for a queue server; 'inline' when work runs in this process. */
  abstract health(): Promise<'up' | 'down' | 'inline'>;
}

/** Exponential backoff: base, 2×base, 4×base … */
export function backoffDelay(baseMs: number, attempt: number): number {
  return baseMs * 2 ** (attempt - 1);
}
