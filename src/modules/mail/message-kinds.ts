import type { EntityManager } from 'typeorm';
import type { DomainEvent, EventType } from '../../events/event-types.js';
import type { MailFacts } from './mail-facts.service.js';
import type { Outgoing } from './mail-outbox.service.js';
import type { PasswordResets } from './password-resets.service.js';

/** What a message kind may ask while it decides who gets which mail. */
export interface MessageKindContext {
  facts: MailFacts;
  passwordResets: PasswordResets;
  /** The transaction of the event's consumption: write through it, so the effect counts once. */
  manager: EntityManager;
}

export type MessageKind<T extends EventType> = (event: DomainEvent<T>, context: MessageKindContext) => Promise<Outgoing[]>;

/**
 * Which domain event sends which mail to whom. Adding a message kind for a new event is an entry
 * here (and its template pair in TEMPLATES): the consumer subscribes to every event listed.
 */
export const MESSAGE_KINDS: { [T in EventType]?: MessageKind<T> } = {
  'invoice.documents_stored': async ({ payload }, { facts, manager }) => [
    {
      to: await facts.tenant(payload.tenantId, manager),
      template: payload.creditNote ? 'credit-note' : 'invoice',
      params: { number: payload.number },
      attachmentIds: payload.documentIds,
    },
  ],
  // The pre-notification SEPA asks of a creditor: each debtor is told what is collected, when, under which mandate.
  'collection.created': async ({ entityId }, { facts, manager }) =>
    Promise.all(
      (await facts.collectionDebits(entityId, manager)).map(async (debit) => ({
        to: await facts.tenant(debit.tenantId, manager),
        template: 'direct-debit-prenotification' as const,
        params: {
          number: debit.invoiceNumber,
          amountCents: debit.amountCents,
          collectionDate: debit.collectionDate,
          mandateReference: debit.mandateReference,
          ibanEnd: debit.iban.slice(-4),
          creditorName: debit.creditorName,
          creditorIdentifier: debit.creditorIdentifier,
        },
      })),
    ),
  'dunning.step_sent': async ({ payload }, { facts, manager }) => [
    {
      to: await facts.tenant(payload.tenantId, manager),
      template: 'payment-reminder',
      params: { step: payload.step, number: payload.invoiceNumber, openCents: payload.openCents },
      attachmentIds: [payload.documentId],
    },
  ],
  'lease.notice_letter_stored': async ({ payload }, { facts, manager }) => [
    {
      to: await facts.tenant(payload.tenantId, manager),
      template: 'notice-to-vacate',
      params: { spaceCode: payload.spaceCode, endDate: payload.endDate },
      attachmentIds: payload.documentIds,
    },
  ],
  'handover.dossier_stored': async ({ payload }, { facts, manager }) => {
    const { recipients, buildingName } = await facts.handoverOwners([payload.fromOwnerId, payload.toOwnerId], payload.buildingId, manager);
    return recipients.map((to) => ({
      to,
      template: 'handover-dossier' as const,
      params: { buildingName, transferDate: payload.transferDate },
      attachmentIds: payload.documentIds,
    }));
  },
  'offer.made': async ({ payload }, { facts, manager }) => {
    const { to, params } = await facts.offer(payload.applicationId, payload.floorId, payload.replyBy, manager);
    return [{ to, template: 'offer-made', params }];
  },
  // The statutory clock: the owner's users are told the report is due (and what not reporting may cost).
  'vacancy.report_due': async ({ payload }, { facts, manager }) =>
    (await facts.organisationUsers(payload.ownerId, 'owner', manager)).map((to) => ({
      to,
      template: 'vacancy-report-due' as const,
      params: {
        propertyName: payload.propertyName,
        address: payload.address,
        vacantSince: payload.vacantSince,
        reportDueOn: payload.reportDueOn,
        fineCents: payload.fineCents,
        url: facts.link('/owner/properties'),
      },
    })),
  'report.completed': async ({ entityId, payload }, { facts, manager }) => {
    const requester = await facts.reportRequester(entityId, manager);
    if (!requester) return [];
    return [
      {
        to: await facts.user(requester, manager),
        template: 'report-ready',
        params: { period: payload.period, format: payload.format, url: facts.link('/reports') },
      },
    ];
  },
  'application.allocated': async ({ payload }, { facts, passwordResets, manager }) => {
    const floor = await facts.floor(payload.floorId, manager);
    const welcomes: Outgoing[] = [];
    for (const tenantId of payload.tenantIds) {
      const welcome = await passwordResets.welcomeNewTenant(tenantId, manager);
      if (welcome) welcomes.push({ ...welcome, template: 'welcome', params: { ...welcome.params, ...floor } });
    }
    return welcomes;
  },
};

export const MESSAGE_EVENT_TYPES = Object.keys(MESSAGE_KINDS) as EventType[];
