import { jobNames } from '../jobs/job-names.js';

declare module '../jobs/job-names.js' {
  interface JobPayloads {
    /** Run the consumers of one domain event that have not run it yet (job id: the event's id). */
    'events.dispatch': { eventId: string };
  }
}

export const EVENTS_JOBS = jobNames('events.dispatch');
