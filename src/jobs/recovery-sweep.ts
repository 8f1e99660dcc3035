import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';

/**
 * The database's status rows are the truth about work; the queue only carries it. At boot and every
 * JOBS_RECOVERY_INTERVAL_MS, in every process that runs workers, a sweep queues again the work its
 * rows say is unfinished. Job ids are deterministic, so work whose job is still in the queue is not
 * queued twice, and work whose job was lost (Redis came back empty, a crash between commit and
 * enqueue) runs without anyone posting it again.
 */
export abstract class RecoverySweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private sweeping = false;
  protected readonly logger = new Logger(this.constructor.name);

  protected constructor(private readonly sweepConfig: AppConfig) {}

  /** Queues the unfinished work again; the number of jobs it queued (or found queued). */
  abstract sweep(): Promise<number>;

  /** What the log says could not be swept, e.g. 'invoice runs'. */
  protected abstract readonly work: string;

  onApplicationBootstrap(): void {
    if (!this.sweepConfig.app.runWorkers) return;
    void this.safeSweep();
    this.timer = setInterval(() => void this.safeSweep(), this.sweepConfig.jobs.recoveryIntervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One sweep at a time: a slow one (the queue is down) is not overtaken by the next tick. */
  private async safeSweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      await this.sweep();
    } catch (error) {
      this.logger.error({ message: `could not sweep ${this.work}`, error: error instanceof Error ? error.message : String(error) });
    } finally {
      this.sweeping = false;
    }
  }
}
