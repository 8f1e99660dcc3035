import { jobNames } from '../../jobs/job-names.js';

declare module '../../jobs/job-names.js' {
  interface JobPayloads {
    /** Issue the invoices (and store the PDFs) of one chunk of about 50 leases of a run. */
    'invoices.issue-chunk': { runId: string; chunk: number; generation: number };
    /** Start the month's invoice run of every building with leases (first day of the month). */
    'invoices.start-monthly-runs': { period: string };
  }
}

export const INVOICES_JOBS = jobNames('invoices.issue-chunk', 'invoices.start-monthly-runs');
