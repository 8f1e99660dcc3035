import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '../jobs/job-handler.js';
import type { JobPayloads } from '../jobs/job-names.js';
import { EventDispatcher } from './event-dispatcher.js';

@Injectable()
@HandlesJob('events.dispatch')
export class DispatchEventHandler implements JobHandler<'events.dispatch'> {
  constructor(private readonly dispatcher: EventDispatcher) {}

  handle(payload: JobPayloads['events.dispatch']): Promise<void> {
    return this.dispatcher.dispatch(payload.eventId);
  }

  onFinalFailure(payload: JobPayloads['events.dispatch'], error: Error): Promise<void> {
    return this.dispatcher.markFailed(payload.eventId, error);
  }
}
