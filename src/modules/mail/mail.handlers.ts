import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { Clock } from '../../common/clock/clock.js';
import { HandlesJob, type JobHandler } from '../../jobs/job-handler.js';
import { HourlySchedule } from '../../jobs/hourly-schedule.js';
import type { JobPayloads } from '../../jobs/job-names.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { RecoverySweep } from '../../jobs/recovery-sweep.js';
import { MailService } from './mail.service.js';

@Injectable()
@HandlesJob('mail.send')
export class SendMessageHandler implements JobHandler<'mail.send'> {
  constructor(private readonly mail: MailService) {}

  handle({ messageId }: JobPayloads['mail.send']): Promise<void> {
    return this.mail.send(messageId);
  }

  onFinalFailure({ messageId }: JobPayloads['mail.send'], error: Error): Promise<void> {
    return this.mail.markFailed(messageId, error);
  }
}

@Injectable()
@HandlesJob('mail.offer-reminders')
export class OfferRemindersHandler implements JobHandler<'mail.offer-reminders'> {
  constructor(private readonly mail: MailService) {}

  handle({ day }: JobPayloads['mail.offer-reminders']): Promise<void> {
    return this.mail.writeOfferReminders(day);
  }
}

/** Once a day (whichever process asks first each hour), the reminders of offers expiring in three days. */
@Injectable()
export class OfferReminderScheduler extends HourlySchedule {
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
    const day = this.clock.today();
    await this.jobs.enqueue('mail.offer-reminders', { day }, { jobId: `offer-reminders:${day}` });
  }
}

/** Queues again every message still `queued` (its job may be lost); the message id is its job id. */
@Injectable()
export class MessageRecoverySweep extends RecoverySweep {
  protected readonly work = 'messages';

  constructor(
    private readonly mail: MailService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(config);
  }

  sweep(): Promise<number> {
    return this.mail.requeueQueued();
  }
}
