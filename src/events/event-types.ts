/**
 * Every domain event: its type, the kind of record it is about, and the payload it carries.
 * Producers and consumers both type against this map, so a consumer reads exactly what the
 * producer wrote. Payloads hold plain values only: this file imports no module.
 */
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
  'offer.made': { floorId: string; applicationId: string; replyBy: string };
  'offer.expired': { floorId: string; applicationId: string };
  /** The floor was allocated or released while the offer was open, or the group was given another floor (`group-allocated`). */
  'offer.withdrawn': { floorId: string; applicationId: string; because: 'allocated' | 'released' | 'group-allocated' };
  'application.released': { floorId: string };
  'application.allocated': { floorId: string; allocationId: string; tenantIds: string[] };
  'handover.completed': {
    buildingId: string;
    fromOwnerId: string;
    toOwnerId: string;
    transferDate: string;
    leasesTransferred: string[];
    leasesEnded: string[];
  };
  'report.completed': { kind: string; period: string; format: string; documentId: string };
}

export type EventType = keyof EventPayloads;

/** The kind of record each event is about: the `entity` of its row and of its audit entry. */
export const EVENT_ENTITIES: Record<EventType, string> = {
  'invoice.issued': 'invoice',
  'invoice.credited': 'invoice',
  'payment.recorded': 'invoice',
  'payment.reversed': 'invoice',
  'credit.applied': 'invoice',
  'refund.recorded': 'tenant',
  'lease.started': 'lease',
  'lease.terminated': 'lease',
  'offer.made': 'offer',
  'offer.expired': 'offer',
  'offer.withdrawn': 'offer',
  'application.released': 'application',
  'application.allocated': 'application',
  'handover.completed': 'handover',
  'report.completed': 'report',
};

export const EVENT_TYPES = Object.keys(EVENT_ENTITIES) as EventType[];

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
