/**
 * Every domain event: its type, the kind of record it is about, and the payload it carries.
 * Producers and consumers both type against this map, so a consumer reads exactly what the
 * producer wrote. Payloads hold plain values only: this file imports no module.
 */

/** One field of a corrected or deleted record: what it held before and after (null after a deletion). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** What a correction (`*.updated`) or deletion (`*.deleted`) carries: the fields it changed, in order. */
export interface RecordChanges {
  changes: FieldChange[];
}

export interface EventPayloads {
  'invoice.issued': {
    number: string;
    buildingId: string;
    leaseId: string;
    tenantId: string;
    runId: string | null;
    period: string;
    issueDate: string;
    totalCents: number;
  };
  /** The invoice's (or credit note's) documents are stored, to be sent with it: the PDF first. */
  'invoice.documents_stored': { number: string; tenantId: string; creditNote: boolean; documentIds: string[] };
  'invoice.credited': { number: string; creditNoteId: string; creditNoteNumber: string; reason: string; totalCents: number };
  /** `creditCents`: what the payment added to the tenant's credit balance (paid beyond the total). */
  'payment.recorded': { paymentId: string; amountCents: number; paidOn: string; reference: string | null; creditCents: number };
  /** `creditCents`: how the reversal moved the tenant's credit balance. */
  'payment.reversed': { paymentId: string; reversalId: string; amountCents: number; reason: string; creditCents: number };
  'credit.applied': { tenantId: string; paymentId: string; amountCents: number; balanceCents: number };
  'refund.recorded': { creditEntryId: string; amountCents: number; refundedOn: string; reference: string | null; balanceCents: number };
  'lease.started': {
    tenantId: string;
    spaceId: string;
    buildingId: string;
    startDate: string;
    endDate: string | null;
    bandCode: string;
    ratePerM2YearCents: number;
  };
  'lease.terminated': { endDate: string; previousEndDate: string | null; noticeGivenOn: string; reason: string };
  /** A handover's notice to vacate is stored as a letter to the tenant, to be sent to it. */
  'lease.notice_letter_stored': { handoverId: string; tenantId: string; spaceCode: string; endDate: string; documentIds: string[] };
  /** The owners' copy of a handover's dossier is stored, for the seller and the buyer. */
  'handover.dossier_stored': { buildingId: string; fromOwnerId: string; toOwnerId: string; transferDate: string; documentIds: string[] };
  'offer.made': { floorId: string; applicationId: string; replyBy: string };
  'offer.expired': { floorId: string; applicationId: string };
  /** The floor was allocated or released while the offer was open, or the group was given another floor (`group-allocated`). */
  'offer.withdrawn': { floorId: string; applicationId: string; because: 'allocated' | 'released' | 'group-allocated' };
  'application.released': { floorId: string };
  'application.allocated': { floorId: string; allocationId: string; tenantIds: string[] };
  /** Waits for its transfer date; cancellable until then. */
  'handover.scheduled': { buildingId: string; fromOwnerId: string; toOwnerId: string; transferDate: string };
  'handover.cancelled': { buildingId: string; transferDate: string };
  'handover.completed': {
    buildingId: string;
    fromOwnerId: string;
    toOwnerId: string;
    transferDate: string;
    leasesTransferred: string[];
    leasesEnded: string[];
  };
  'report.completed': { kind: string; period: string; format: string; documentId: string };
  'organisation.updated': RecordChanges;
  'organisation.deleted': RecordChanges;
  'building.updated': RecordChanges;
  'building.deleted': RecordChanges;
  'floor.updated': RecordChanges;
  'floor.deleted': RecordChanges;
  'space.updated': RecordChanges;
  'space.deleted': RecordChanges;
  'tenant.updated': RecordChanges;
  'tenant.deleted': RecordChanges;
  'user.updated': RecordChanges;
  'user.deleted': RecordChanges;
  /** The values are never carried: `password` is named with null before and after. */
  'user.password_changed': RecordChanges;
  'application.updated': RecordChanges;
  'application.deleted': RecordChanges;
  /** A lease's area followed the correction of its space's area (`spaceId`). */
  'lease.updated': RecordChanges & { spaceId: string };
  /**
   * A bank statement booked a direct debit of the invoice (its EndToEndId is the invoice number): collected,
   * or returned or refused by the debtor's bank (an R-transaction, `reasonCode` such as AM04, MD06, AC06).
   */
  'mandate.signed': { tenantId: string; leaseId: string | null; creditorId: string; reference: string; signedOn: string };
  /** What the amendment changed; the IBANs are left out of the log, only that it changed. */
  'mandate.amended': {
    amendmentId: string;
    ibanChanged: boolean;
    creditorIdBefore: string;
    creditorIdAfter: string;
    referenceBefore: string;
    referenceAfter: string;
  };
  'mandate.revoked': { revokedOn: string; reason: string };
  'collection.created': { buildingId: string; collectionDate: string; itemCount: number; totalCents: number; documentId: string };
  'direct-debit.collected': DirectDebitOutcome;
  'direct-debit.returned': DirectDebitOutcome & { reasonCode: string };
  /** A reminder letter (step 1 first reminder, 2 second reminder, 3 final notice) was stored on the invoice. */
  'dunning.step_sent': { step: number; invoiceNumber: string; tenantId: string; openCents: number; sentOn: string; documentId: string };
  'payment-arrangement.agreed': {
    tenantId: string;
    invoiceIds: string[];
    totalCents: number;
    instalments: { dueDate: string; amountCents: number }[];
  };
  /** Paid in full, an instalment missed (`broken`: reminders resume) or called off by an admin. */
  'payment-arrangement.completed': ArrangementEnd;
  'payment-arrangement.broken': ArrangementEnd;
  'payment-arrangement.cancelled': ArrangementEnd;
  'property.registered': { ownerId: string; city: string; district: string | null; totalM2: number; vacantM2: number };
  'property.published': { from: string; to: string };
  /** First put up for matching or a tender (`by`: a publication as matching or public, or a tender opened on it). */
  'property.offered': { offeredOn: string; by: 'publication' | 'tender' };
  /** A vacancy period opened: recorded by the owner or the city (`register`), from a neighbour's signal, or when a use ended. */
  'vacancy.opened': { propertyId: string; ownerId: string; vacantSince: string; source: string };
  'vacancy.ended': { propertyId: string; endedOn: string };
  'tender.opened': {
    propertyId: string;
    runById: string;
    closesOn: string;
    criteria: { name: string; weight: number }[];
    reviewerIds: string[];
  };
  /** Sealed until closing: who submitted, not what. */
  'tender.proposal_submitted': { proposalId: string; umbrellaId: string };
  'tender.reviewed': { proposalId: string; reviewerId: string; scores: { criterion: number; score: number }[] };
  /** The award, and the building the conversion made of the property in the same transaction. */
  'tender.awarded': {
    proposalId: string;
    umbrellaId: string;
    propertyId: string;
    buildingId: string;
    weightedTotal: number;
    totals: { proposalId: string; weightedTotal: number | null }[];
  };
  'tender.proposal_rejected': { proposalId: string; umbrellaId: string; motivation: string; weightedTotal: number | null };
  /** The statutory months passed: the owner must report the vacancy by `reportDueOn` (the fine for not reporting in cents, if set). */
  'vacancy.report_due': {
    propertyId: string;
    ownerId: string;
    propertyName: string;
    address: string;
    vacantSince: string;
    reportDueOn: string;
    fineCents: number | null;
  };
  'vacancy.reported': { propertyId: string; filedOn: string; vacantSince: string; reason: string };
  'vacancy.consultation_held': { propertyId: string; heldOn: string; nextStep: string };
  'vacancy.decided': { propertyId: string; decidedOn: string; kind: string };
  'interim-use.recorded': { propertyId: string; kind: string; startsOn: string; endsOn: string | null; noticeDays: number };
  /** A coordinator or an admin approved (final from now on) or rejected a maker's hours. */
  'time-entry.approved': TimeEntryDecision;
  'time-entry.rejected': TimeEntryDecision;
}

export interface TimeEntryDecision {
  buildingId: string;
  tenantId: string;
  date: string;
  hours: number;
  kind: string;
}

export interface ArrangementEnd {
  tenantId: string;
  invoiceIds: string[];
  endedOn: string;
}

/** A direct debit as a bank statement reports it, about the invoice it collects. */
export interface DirectDebitOutcome {
  invoiceNumber: string;
  endToEndId: string;
  amountCents: number;
  bookedOn: string;
  bankEntryId: string;
}

export type EventType = keyof EventPayloads;

/** The kind of record each event is about: the `entity` of its row and of its audit entry. */
export const EVENT_ENTITIES: Record<EventType, string> = {
  'invoice.issued': 'invoice',
  'invoice.documents_stored': 'invoice',
  'invoice.credited': 'invoice',
  'payment.recorded': 'invoice',
  'payment.reversed': 'invoice',
  'credit.applied': 'invoice',
  'refund.recorded': 'tenant',
  'lease.started': 'lease',
  'lease.terminated': 'lease',
  'lease.notice_letter_stored': 'lease',
  'handover.dossier_stored': 'handover',
  'offer.made': 'offer',
  'offer.expired': 'offer',
  'offer.withdrawn': 'offer',
  'application.released': 'application',
  'application.allocated': 'application',
  'handover.scheduled': 'handover',
  'handover.cancelled': 'handover',
  'handover.completed': 'handover',
  'report.completed': 'report',
  'organisation.updated': 'organisation',
  'organisation.deleted': 'organisation',
  'building.updated': 'building',
  'building.deleted': 'building',
  'floor.updated': 'floor',
  'floor.deleted': 'floor',
  'space.updated': 'space',
  'space.deleted': 'space',
  'tenant.updated': 'tenant',
  'tenant.deleted': 'tenant',
  'user.updated': 'user',
  'user.deleted': 'user',
  'user.password_changed': 'user',
  'application.updated': 'application',
  'application.deleted': 'application',
  'lease.updated': 'lease',
  'mandate.signed': 'mandate',
  'mandate.amended': 'mandate',
  'mandate.revoked': 'mandate',
  'collection.created': 'collection',
  'direct-debit.collected': 'invoice',
  'direct-debit.returned': 'invoice',
  'dunning.step_sent': 'invoice',
  'payment-arrangement.agreed': 'payment_arrangement',
  'payment-arrangement.completed': 'payment_arrangement',
  'payment-arrangement.broken': 'payment_arrangement',
  'payment-arrangement.cancelled': 'payment_arrangement',
  'time-entry.approved': 'time_entry',
  'time-entry.rejected': 'time_entry',
  'property.registered': 'property',
  'property.published': 'property',
  'property.offered': 'property',
  'vacancy.opened': 'vacancy_period',
  'vacancy.ended': 'vacancy_period',
  'tender.opened': 'tender',
  'tender.proposal_submitted': 'tender',
  'tender.reviewed': 'tender',
  'tender.awarded': 'tender',
  'tender.proposal_rejected': 'tender',
  'vacancy.report_due': 'vacancy_period',
  'vacancy.reported': 'vacancy_period',
  'vacancy.consultation_held': 'vacancy_period',
  'vacancy.decided': 'vacancy_period',
  'interim-use.recorded': 'interim_use',
};

export const EVENT_TYPES = Object.keys(EVENT_ENTITIES) as EventType[];

/** Hand-overs between modules about work the system did (no record changed), left out of the audit log. */
const NOT_AUDITED: readonly EventType[] = ['invoice.documents_stored', 'lease.notice_letter_stored', 'handover.dossier_stored'];

export const AUDITED_EVENT_TYPES = EVENT_TYPES.filter((type) => !NOT_AUDITED.includes(type));

/** What a producer records, inside the transaction of the change. */
export interface NewEvent<T extends EventType> {
  type: T;
  /** The id of the record the event is about (an invoice's id for `invoice.issued`). */
  entityId: string;
  payload: EventPayloads[T];
  /** The user whose request made the change; null for scheduled work. */
  actorUserId: string | null;
}

/** An event as its consumers receive it. */
export interface DomainEvent<T extends EventType = EventType> extends NewEvent<T> {
  id: string;
  entity: string;
  occurredAt: Date;
}
