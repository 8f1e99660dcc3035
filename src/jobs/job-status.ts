/** The words of every job's status row (invoice runs, handovers, reports), as the contract names them. */
export const JOB_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
