import { FeatureModule } from '../../common/feature/feature-module.js';
import { DocumentsModule } from '../../documents/documents.module.js';
import { ApplicationsModule } from '../applications/applications.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { UsersModule } from '../users/users.module.js';
import { MailContext } from './mail-context.js';
import { MailFacts } from './mail-facts.service.js';
import { MailOutbox } from './mail-outbox.service.js';
import { MailTransport } from './mail-transport.js';
import { MAIL_CONFIG } from './mail.config.js';
import { MessageRecoverySweep, OfferReminderScheduler, OfferRemindersHandler, SendMessageHandler } from './mail.handlers.js';
import { MAIL_JOBS } from './mail.jobs.js';
import { MailRepository } from './mail.repository.js';
import { MailService } from './mail.service.js';
import { Message } from './message.entity.js';
import { MessagesController, PasswordResetController } from './messages.controller.js';
import { PasswordReset } from './password-reset.entity.js';
import { PasswordResets } from './password-resets.service.js';

/** The outbox of mail: a consumer of domain events that writes messages and sends each in a job of its own. */
@FeatureModule({
  entities: [Message, PasswordReset],
  jobs: MAIL_JOBS,
  config: MAIL_CONFIG,
  imports: [DocumentsModule, UsersModule, AuthModule, ApplicationsModule],
  controllers: [MessagesController, PasswordResetController],
  providers: [
    MailRepository,
    MailTransport,
    MailOutbox,
    MailFacts,
    PasswordResets,
    MailContext,
    MailService,
    SendMessageHandler,
    OfferRemindersHandler,
    OfferReminderScheduler,
    MessageRecoverySweep,
  ],
  exports: [PasswordResets, MailService],
})
export class MailModule {}
