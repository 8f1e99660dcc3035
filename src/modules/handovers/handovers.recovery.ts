import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { RecoverySweep } from '../../jobs/recovery-sweep.js';
import { HandoversService } from './handovers.service.js';

/** Queues again every handover that is queued or running (its job may be lost). */
@Injectable()
export class HandoverRecoverySweep extends RecoverySweep {
  protected readonly work = 'handovers';

  constructor(
    private readonly handovers: HandoversService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(config);
  }

  sweep(): Promise<number> {
    return this.handovers.requeueUnfinished();
  }
}
