import { jobNames } from '../../jobs/job-names.js';

declare module '../../jobs/job-names.js' {
  interface JobPayloads {
    /** Send one outbox message (job id = message id). */
    'mail.send': { messageId: string };
    /** Write the reminders of the offers that expire three days after `day`. */
    'mail.offer-reminders': { day: string };
  }
}

export const MAIL_JOBS = jobNames('mail.send', 'mail.offer-reminders');
