import { jobNames } from '../../jobs/job-names.js';

declare module '../../jobs/job-names.js' {
  interface JobPayloads {
    /** Mark the vacancy reports that fall due on or before `day` and tell their owners. */
    'vacancy.mark-due': { day: string };
  }
}

export const PROPERTIES_JOBS = jobNames('vacancy.mark-due');
