import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { mayReadMessage, messageListScopeOf, requireCapability } from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import { addDays } from '../../common/dates.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import type { Page } from '../../common/pagination/page.js';
import { DocumentsService } from '../../documents/documents.service.js';
import type { DomainEvent } from '../../events/event-types.js';
import { OnEvent } from '../../events/on-event.js';
import { MailContext } from './mail-context.js';
import { MailOutbox } from './mail-outbox.service.js';
import { renderMail } from './mail-templates.js';
import { isPermanentFailure, MailTransport } from './mail-transport.js';
import { MAIL_ERRORS } from './mail.errors.js';
import { type MessageFilter, MailRepository } from './mail.repository.js';
import type { Message } from './message.entity.js';
import { MESSAGE_EVENT_TYPES, MESSAGE_KINDS, type MessageKind } from './message-kinds.js';

/** Days before an open offer's reply date that its reminder goes out. */
const OFFER_REMINDER_DAYS = 3;

/**
 * The outbox's rules: which events make mail (MESSAGE_KINDS), sending one message per job, and who
 * may read which messages. A 5xx answer stops a message as `failed` with the server's reason; any
 * other failure (4xx, connection refused, timeout) is thrown so the queue retries with backoff.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger('MailService');

  constructor(
    private readonly repository: MailRepository,
    private readonly outbox: MailOutbox,
    private readonly transport: MailTransport,
    private readonly documents: DocumentsService,
    private readonly context: MailContext,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @OnEvent(...MESSAGE_EVENT_TYPES)
  async writeMessages(event: DomainEvent, manager: EntityManager): Promise<void> {
    if (!this.config.mail.enabled) return;
    const kind = MESSAGE_KINDS[event.type] as MessageKind<typeof event.type>;
    const outgoing = await kind(event, { facts: this.context.facts, passwordResets: this.context.passwordResets, manager });
    await this.outbox.write(manager, { source: event.id, sourceType: event.type, eventId: event.id }, outgoing);
  }

  async send(messageId: string): Promise<void> {
    const message = await this.repository.claimQueued(messageId);
    if (!message) return;
    try {
      const params = { ...message.params };
      if (typeof params.passwordResetId === 'string') {
        const link = await this.context.passwordResets.linkFor(params.passwordResetId);
        if (!link) {
          await this.repository.recordError(message.id, 'the link expired or was used before the mail could be sent', true);
          return;
        }
        params.url = link;
      }
      const mail = renderMail(message.template as Parameters<typeof renderMail>[0], message.language, params);
      const attachments = await Promise.all(message.attachmentIds.map((id) => this.documents.read(id)));
      await this.transport.send(message.id, {
        from: this.config.mail.from,
        to: { address: message.recipientAddress, name: message.recipientName },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // A receiver that got the mail before a retry can tell it is the same one.
        messageId: `<${message.id}@broedplaats>`,
        headers: { 'Auto-Submitted': 'auto-generated' },
        attachments: attachments.map((file) => ({ filename: file.filename, content: file.bytes, contentType: file.contentType })),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const permanent = isPermanentFailure(error);
      await this.repository.recordError(message.id, reason, permanent);
      if (permanent) {
        this.logger.warn({ message: 'mail refused', messageId, error: reason });
        return;
      }
      throw error;
    }
    await this.repository.markSent(message.id, this.context.clock.now());
  }

  /** The queue gave up after its last retry: the message stops as failed with the last reason. */
  async markFailed(messageId: string, error: Error): Promise<void> {
    await this.repository.recordError(messageId, `gave up after repeated temporary failures: ${error.message}`, true);
  }

  async requeueQueued(): Promise<number> {
    let queued = 0;
    for (const id of await this.repository.queuedIds()) {
      // The queue is down: the next sweep tries again, rather than waiting out a timeout per message.
      if (!(await this.outbox.enqueue(id))) break;
      queued++;
    }
    return queued;
  }

  /** Writes the reminder of each offer still open whose reply date is three days after `day`, once per offer. */
  async writeOfferReminders(day: string): Promise<void> {
    const replyBy = addDays(day, OFFER_REMINDER_DAYS);
    for (const offer of await this.context.applications.openOffersReplyingBy(replyBy)) {
      const { to, params } = await this.context.facts.offer(offer.applicationId, offer.floorId, offer.replyBy);
      await this.repository.transaction((manager) =>
        this.outbox.write(manager, { source: `offer-reminder:${offer.id}`, sourceType: 'offer.reminder', eventId: null }, [
          { to, template: 'offer-reminder', params },
        ]),
      );
    }
  }

  list(filter: Omit<MessageFilter, 'addressedTo'>, page: { limit: number; offset: number }, principal: Principal): Promise<Page<Message>> {
    requireCapability(principal, 'messages.read');
    return this.repository.findPage({ ...filter, ...messageListScopeOf(principal) }, page);
  }

  async get(id: string, principal: Principal): Promise<Message> {
    requireCapability(principal, 'messages.read');
    const message = await this.repository.findById(id);
    if (!message || !mayReadMessage(principal, message)) throw new NotFoundError(MAIL_ERRORS.message_not_found, { id });
    return message;
  }
}
