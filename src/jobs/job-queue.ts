import type { EnqueueOptions, JobName, JobPayloads } from './job-names.js';

export const JOB_ATTEMPTS = 5;

/** Port: producers enqueue through this, whichever driver runs the work. */
export abstract class JobQueue {
  abstract readonly driver: 'bull' | 'inline';

  abstract enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions): Promise<void>;

  /** 'up' or 'down' for a queue server; 'inline' when work runs in this process. */
  abstract health(): Promise<'up' | 'down' | 'inline'>;
}

/** Exponential backoff: base, 2×base, 4×base … */
export function backoffDelay(baseMs: number, attempt: number): number {
  return baseMs * 2 ** (attempt - 1);
}
