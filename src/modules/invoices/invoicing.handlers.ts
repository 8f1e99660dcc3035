import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { Clock } from '../../common/clock/clock.js';
import { HandlesJob, type JobHandler } from '../../jobs/job-handler.js';
import { HourlySchedule } from '../../jobs/hourly-schedule.js';
import type { JobPayloads } from '../../jobs/job-names.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { InvoiceRunsService } from './invoice-runs.service.js';

@Injectable()
@HandlesJob('invoices.issue-chunk')
export class IssueChunkHandler implements JobHandler<'invoices.issue-chunk'> {
  constructor(private readonly runs: InvoiceRunsService) {}

  handle({ runId, chunk }: JobPayloads['invoices.issue-chunk']): Promise<void> {
    return this.runs.processChunk(runId, chunk);
  }

  onFinalFailure({ runId }: JobPayloads['invoices.issue-chunk'], error: Error): Promise<void> {
    return this.runs.markFailed(runId, error);
  }
}

@Injectable()
@HandlesJob('invoices.start-monthly-runs')
export class StartMonthlyRunsHandler implements JobHandler<'invoices.start-monthly-runs'> {
  constructor(private readonly runs: InvoiceRunsService) {}

  handle({ period }: JobPayloads['invoices.start-monthly-runs']): Promise<void> {
    return this.runs.startForAllBuildings(period);
  }
}

/**
 * When INVOICE_MONTHLY_RUNS is on, queues the month's runs on its first day. The job id is the
 * period, so the month is started once (and starting a run twice gives the same run anyway).
 */
@Injectable()
export class MonthlyInvoicingScheduler extends HourlySchedule {
  constructor(
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(config);
  }

  protected enabled(config: AppConfig): boolean {
    return config.invoicing.monthlyRuns;
  }

  async tick(): Promise<void> {
    const today = this.clock.today();
    if (!today.endsWith('-01')) return;
    const period = today.slice(0, 7);
    await this.jobs.enqueue('invoices.start-monthly-runs', { period }, { jobId: `monthly-invoice-runs:${period}` });
  }
}
