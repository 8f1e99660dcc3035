import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { RecoverySweep } from '../../jobs/recovery-sweep.js';
import { ReportsService } from './reports.service.js';

/** Queues again every report that is queued or running (its job may be lost). */
@Injectable()
export class ReportRecoverySweep extends RecoverySweep {
  protected readonly work = 'reports';

  constructor(
    private readonly reports: ReportsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(config);
  }

  sweep(): Promise<number> {
    return this.reports.requeueUnfinished();
  }
}
