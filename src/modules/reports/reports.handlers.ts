import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { SYSTEM_PRINCIPAL } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { addDays } from '../../common/dates.js';
import { HandlesJob, type JobHandler } from '../../jobs/job-handler.js';
import { HourlySchedule } from '../../jobs/hourly-schedule.js';
import type { JobPayloads } from '../../jobs/job-names.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { ReportsService } from './reports.service.js';

@Injectable()
@HandlesJob('reports.generate')
export class GenerateReportHandler implements JobHandler<'reports.generate'> {
  constructor(private readonly reports: ReportsService) {}

  handle({ reportId }: JobPayloads['reports.generate']): Promise<void> {
    return this.reports.generate(reportId);
  }

  onFinalFailure({ reportId }: JobPayloads['reports.generate'], error: Error): Promise<void> {
    return this.reports.markFailed(reportId, error);
  }
}

@Injectable()
@HandlesJob('reports.monthly-monitors')
export class MonthlyMonitorsHandler implements JobHandler<'reports.monthly-monitors'> {
  constructor(private readonly reports: ReportsService) {}

  handle({ period }: JobPayloads['reports.monthly-monitors']): Promise<void> {
    return this.reports.requestMonitorsFor(period, SYSTEM_PRINCIPAL);
  }
}

/** When REPORTS_MONTHLY_MONITOR is on, the first day of a month queues the previous month's monitors, once. */
@Injectable()
export class MonthlyMonitorScheduler extends HourlySchedule {
  constructor(
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(config);
  }

  protected enabled(config: AppConfig): boolean {
    return config.reports.monthlyMonitor;
  }

  async tick(): Promise<void> {
    const today = this.clock.today();
    if (!today.endsWith('-01')) return;
    const period = addDays(today, -1).slice(0, 7);
    await this.jobs.enqueue('reports.monthly-monitors', { period }, { jobId: `monthly-monitors:${period}` });
  }
}
