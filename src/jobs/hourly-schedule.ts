import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Asks every hour (and once at boot) whether scheduled work is due, in every process that runs
 * workers. `tick` queues the work under a job id naming its period, so however many processes
 * ask, the work runs once.
 */
export abstract class HourlySchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private readonly logger = new Logger(this.constructor.name);

  protected abstract enabled(config: AppConfig): boolean;

  abstract tick(): Promise<void>;

  protected constructor(private readonly scheduleConfig: AppConfig) {}

  onApplicationBootstrap(): void {
    if (!this.scheduleConfig.app.runWorkers || !this.enabled(this.scheduleConfig)) return;
    void this.safeTick();
    this.timer = setInterval(() => void this.safeTick(), HOUR_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async safeTick(): Promise<void> {
    await this.tick().catch((error: Error) => this.logger.error({ message: 'could not queue scheduled work', error: error.message }));
  }
}
