import { SetMetadata } from '@nestjs/common';
import type { JobName, JobPayloads } from './job-names.js';

export const JOB_HANDLER_NAME = 'jobs:handler-name';

/**
 * A thin handler: it receives the payload and calls a service. It must be idempotent, because
 * queues deliver at least once and a killed worker's job runs again.
 */
export interface JobHandler<N extends JobName> {
  handle(payload: JobPayloads[N]): Promise<void>;
  /** Called once when the last attempt failed, to record the failure on the work's status row. */
  onFinalFailure?(payload: JobPayloads[N], error: Error): Promise<void>;
}

/** Marks a provider as the handler of one job name; the registry finds it at boot. */
export const HandlesJob = (name: JobName) => SetMetadata(JOB_HANDLER_NAME, name);
