import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { HandlesJob, type JobHandler } from '../../jobs/job-handler.js';
import type { JobPayloads } from '../../jobs/job-names.js';
import { HourlySchedule } from '../../jobs/hourly-schedule.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { VacancyFilesService } from './vacancy-files.service.js';

@Injectable()
@HandlesJob('vacancy.mark-due')
export class MarkDueVacanciesHandler implements JobHandler<'vacancy.mark-due'> {
  constructor(private readonly files: VacancyFilesService) {}

  async handle({ day }: JobPayloads['vacancy.mark-due']): Promise<void> {
    await this.files.markDue(day);
  }
}

/**
 * Queues the day's marking, asked every hour: the job id is the day, so the day runs once however
 * many processes ask. A lost day is caught up the next: the run marks everything due by its day, and
 * marks a period once (only an `open` one moves).
 */
@Injectable()
export class VacancyDailyScheduler extends HourlySchedule {
  constructor(
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(config);
  }

  protected enabled(config: AppConfig): boolean {
    return config.properties.dailyRun;
  }

  async tick(): Promise<void> {
    const day = this.clock.today();
    await this.jobs.enqueue('vacancy.mark-due', { day }, { jobId: `vacancy-due:${day}` });
  }
}
