import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { Clock } from '../../common/clock/clock.js';
import { HandlesJob, type JobHandler } from '../../jobs/job-handler.js';
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

const HOUR_MS = 60 * 60 * 1000;

/** Once an hour (per process; the job id is the day and hour, so it runs once), queues the expiry sweep. */
@Injectable()
export class OfferExpiryScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OfferExpiry');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.app.runWorkers) return;
    this.timer = setInterval(() => void this.tick(), HOUR_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async tick(): Promise<void> {
    const hour = this.clock.now().toISOString().slice(0, 13);
    await this.jobs
      .enqueue('applications.expire-offers', { day: this.clock.today() }, { jobId: `expire-offers:${hour}` })
      .catch((error: Error) => {
        this.logger.error({ message: 'could not queue the offer expiry', error: error.message });
      });
  }
}
