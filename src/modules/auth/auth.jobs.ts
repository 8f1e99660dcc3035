import { jobNames } from '../../jobs/job-names.js';

declare module '../../jobs/job-names.js' {
  interface JobPayloads {
    /** Forget failed login attempts older than the rate-limit window. */
    'auth.purge-login-attempts': { before: string };
  }
}

export const AUTH_JOBS = jobNames('auth.purge-login-attempts');
