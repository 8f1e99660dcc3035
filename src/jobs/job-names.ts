/**
 * Every job the system queues: its name and the payload it carries. Producers and handlers both
 * type against this map, so a payload can only be sent to the handler that expects it.
 */
export interface JobPayloads {
  /** Forget failed login attempts older than the rate-limit window. */
  'auth.purge-login-attempts': { before: string };
  /** Issue the invoices (and store the PDFs) of one chunk of about 50 leases of a run. */
  'invoices.issue-chunk': { runId: string; chunk: number; generation: number };
  /** Start the month's invoice run of every building with leases (first day of the month). */
  'invoices.start-monthly-runs': { period: string };
  /** Expire open floor offers past their reply date and pass each floor to the next group. */
  'applications.expire-offers': { day: string };
  /** Carry out a handover: notices, the new owner, then the dossier and the letters. */
  'handovers.execute': { handoverId: string };
  /** Compute a report and store its file. */
  'reports.generate': { reportId: string };
  /** Request every municipality's monitor of the month that just ended. */
  'reports.monthly-monitors': { period: string };
  /** Run the consumers of one domain event that have not run it yet (job id: the event's id). */
  'events.dispatch': { eventId: string };
}

export type JobName = keyof JobPayloads;

const JOB_NAME_SET: Record<JobName, true> = {
  'auth.purge-login-attempts': true,
  'invoices.issue-chunk': true,
  'invoices.start-monthly-runs': true,
  'applications.expire-offers': true,
  'handovers.execute': true,
  'reports.generate': true,
  'reports.monthly-monitors': true,
  'events.dispatch': true,
};

export const JOB_NAMES = Object.keys(JOB_NAME_SET) as JobName[];

export interface EnqueueOptions {
  /** Deterministic: the same work always gets the same id, so enqueueing twice runs it once. */
  jobId: string;
  delayMs?: number;
}
