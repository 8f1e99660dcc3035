import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { Clock } from '../../common/clock/clock.js';
import { HandlesJob, type JobHandler } from '../../jobs/job-handler.js';
import { HourlySchedule } from '../../jobs/hourly-schedule.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { AllocationsService } from './allocations.service.js';

@Injectable()
@HandlesJob('applications.expire-offers')
export class ExpireOffersHandler implements JobHandler<'applications.expire-offers'> {
  constructor(private readonly allocations: AllocationsService) {}

  async handle(): Promise<void> {
    await this.allocations.expireOverdueOffers();
  }
}

/** Queues the offer expiry sweep once an hour (the job id is the hour, so it runs once). */
@Injectable()
export class OfferExpiryScheduler extends HourlySchedule {
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
    const hour = this.clock.now().toISOString().slice(0, 13);
    await this.jobs.enqueue('applications.expire-offers', { day: this.clock.today() }, { jobId: `expire-offers:${hour}` });
  }
}
