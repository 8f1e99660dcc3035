import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { RecoverySweep } from '../../jobs/recovery-sweep.js';
import { InvoiceRunsService } from './invoice-runs.service.js';

/** Queues again the chunks with work left of every run that is queued or running (their jobs may be lost). */
@Injectable()
export class InvoiceRunRecoverySweep extends RecoverySweep {
  protected readonly work = 'invoice runs';

  constructor(
    private readonly runs: InvoiceRunsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(config);
  }

  sweep(): Promise<number> {
    return this.runs.requeueUnfinished();
  }
}
