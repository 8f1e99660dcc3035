import { jobNames } from '../../jobs/job-names.js';

declare module '../../jobs/job-names.js' {
  interface JobPayloads {
    /** Follow the payment arrangements and send the reminder steps due on `day`. */
    'dunning.send-due': { day: string };
  }
}

export const DUNNING_JOBS = jobNames('dunning.send-due');
