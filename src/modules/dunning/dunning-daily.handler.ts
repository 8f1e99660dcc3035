import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { HandlesJob, type JobHandler } from '../../jobs/job-handler.js';
import type { JobPayloads } from '../../jobs/job-names.js';
import { HourlySchedule } from '../../jobs/hourly-schedule.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { DunningService } from './dunning.service.js';

@Injectable()
@HandlesJob('dunning.send-due')
export class SendDueRemindersHandler implements JobHandler<'dunning.send-due'> {
  constructor(private readonly dunning: DunningService) {}

  async handle({ day }: JobPayloads['dunning.send-due']): Promise<void> {
    await this.dunning.sendDue(day);
  }
}

/**
 * Queues the day's reminders, asked every hour: the job id is the day, so the day runs once however
 * many processes ask. Nothing is lost when a day's job is: the next day's run sends every step still
 * due, and a run repeated writes no second letter (one per invoice and step).
 */
@Injectable()
export class DunningDailyScheduler extends HourlySchedule {
  constructor(
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(config);
  }

  protected enabled(config: AppConfig): boolean {
    return config.dunning.dailyRun;
  }

  async tick(): Promise<void> {
    const day = this.clock.today();
    await this.jobs.enqueue('dunning.send-due', { day }, { jobId: `dunning-due:${day}` });
  }
}
