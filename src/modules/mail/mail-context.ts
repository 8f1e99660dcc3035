import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { ApplicationsService } from '../applications/applications.service.js';
import { MailFacts } from './mail-facts.service.js';
import { PasswordResets } from './password-resets.service.js';

/** What the mail service asks beside its own repository and transport (kept apart to keep its constructor short). */
@Injectable()
export class MailContext {
  constructor(
    readonly facts: MailFacts,
    readonly passwordResets: PasswordResets,
    readonly applications: ApplicationsService,
    readonly clock: Clock,
  ) {}
}
