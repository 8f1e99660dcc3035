import { jobNames } from '../../jobs/job-names.js';

declare module '../../jobs/job-names.js' {
  interface JobPayloads {
    /** Expire open floor offers past their reply date and pass each floor to the next group. */
    'applications.expire-offers': { day: string };
  }
}

export const APPLICATIONS_JOBS = jobNames('applications.expire-offers');
