import { jobNames } from '../../jobs/job-names.js';

declare module '../../jobs/job-names.js' {
  interface JobPayloads {
    /** Compute a report and store its file. */
    'reports.generate': { reportId: string };
    /** Request every municipality's monitor of the month that just ended. */
    'reports.monthly-monitors': { period: string };
  }
}

export const REPORTS_JOBS = jobNames('reports.generate', 'reports.monthly-monitors');
