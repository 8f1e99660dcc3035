import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '../../jobs/job-handler.js';
import type { JobPayloads } from '../../jobs/job-names.js';
import { ExecuteHandoverService } from './execute-handover.service.js';

@Injectable()
@HandlesJob('handovers.execute')
export class ExecuteHandoverHandler implements JobHandler<'handovers.execute'> {
  constructor(private readonly executor: ExecuteHandoverService) {}

  handle({ handoverId }: JobPayloads['handovers.execute']): Promise<void> {
    return this.executor.execute(handoverId);
  }

  onFinalFailure({ handoverId }: JobPayloads['handovers.execute'], error: Error): Promise<void> {
    return this.executor.markFailed(handoverId, error);
  }
}
