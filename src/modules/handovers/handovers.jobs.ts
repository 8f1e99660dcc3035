import { jobNames } from '../../jobs/job-names.js';

declare module '../../jobs/job-names.js' {
  interface JobPayloads {
    /** Carry out a handover: notices, the new owner, then the dossier and the letters. */
    'handovers.execute': { handoverId: string };
  }
}

export const HANDOVERS_JOBS = jobNames('handovers.execute');
