import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { HandlesJob, type JobHandler } from '../../jobs/job-handler.js';
import type { JobPayloads } from '../../jobs/job-names.js';
import { HourlySchedule } from '../../jobs/hourly-schedule.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { HandoversService } from './handovers.service.js';

@Injectable()
@HandlesJob('handovers.execute-due')
export class ExecuteDueHandoversHandler implements JobHandler<'handovers.execute-due'> {
  constructor(private readonly handovers: HandoversService) {}

  async handle({ day }: JobPayloads['handovers.execute-due']): Promise<void> {
    await this.handovers.queueDue(day);
  }
}

/**
 * Queues the daily sweep of due handovers, asked every hour: the job id is the day, so the day is
 * swept once however many processes ask (and a second sweep would find nothing left to queue).
 */
@Injectable()
export class HandoversDueScheduler extends HourlySchedule {
  constructor(
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(config);
  }

  protected enabled(): boolean {
    return true;
  }

  async tick(): Promise<void> {
    const day = this.clock.today();
    await this.jobs.enqueue('handovers.execute-due', { day }, { jobId: `handovers-due:${day}` });
  }
}
