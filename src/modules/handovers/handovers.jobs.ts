import { jobNames } from '../../jobs/job-names.js';

declare module '../../jobs/job-names.js' {
  interface JobPayloads {
    /** Carry out a handover: notices, the new owner, then the dossier and the letters. */
    'handovers.execute': { handoverId: string };
    /** Queue the scheduled handovers whose transfer date has come (on or before `day`). */
    'handovers.execute-due': { day: string };
  }
}

export const HANDOVERS_JOBS = jobNames('handovers.execute', 'handovers.execute-due');
