import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../common/auth/principal.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { actorOf, DomainEvents } from '../../events/domain-events.js';
import type { Invoice } from '../invoices/invoice.entity.js';
import { InvoicesService } from '../invoices/invoices.service.js';
import { PaymentCorrectionsService } from '../invoices/payment-corrections.service.js';
import type { BankEntry } from './bank-statement.entity.js';
import { BankStatementsRepository, type EntryBooking, NOT_BOOKED } from './bank-statements.repository.js';
import { returnReasonText } from './return-reasons.js';

export type BookableEntry = Pick<
  BankEntry,
  'id' | 'kind' | 'amountCents' | 'bookingDate' | 'endToEndId' | 'returnReason' | 'bankReference'
>;

/**
 * What a bank entry books on the invoice it names, inside the statement's transaction: a transfer
 * or a collected direct debit is a payment on it (part, full or over, as payments work); a returned
 * direct debit reverses the payment its collection booked, so the invoice is open again. The invoices
 * module decides whether the booking may be made; a refusal leaves the entry unmatched with its code,
 * for an admin to look at, unless `refusals` is `throw` (a match by hand answers the refusal).
 */
@Injectable()
export class BankEntryBookingService {
  constructor(
    private readonly entries: BankStatementsRepository,
    private readonly invoices: InvoicesService,
    private readonly corrections: PaymentCorrectionsService,
    private readonly events: DomainEvents,
  ) {}

  async book(
    manager: EntityManager,
    entry: BookableEntry,
    invoice: Invoice,
    principal: Principal,
    refusals: 'keep' | 'throw',
  ): Promise<EntryBooking> {
    try {
      return entry.kind === 'return'
        ? await this.bookReturn(manager, entry, invoice, principal)
        : await this.bookPayment(manager, entry, invoice, principal);
    } catch (error) {
      // The invoices module refuses before it writes, so the statement's transaction goes on.
      if (!(error instanceof DomainError) || refusals === 'throw') throw error;
      return { ...NOT_BOOKED, outcome: 'unmatched', refusal: error.code };
    }
  }

  private async bookPayment(manager: EntityManager, entry: BookableEntry, invoice: Invoice, principal: Principal): Promise<EntryBooking> {
    const { paymentId } = await this.invoices.recordPaymentWithin(
      manager,
      invoice.id,
      { amountCents: entry.amountCents, paidOn: entry.bookingDate, reference: entry.bankReference },
      principal,
    );
    if (entry.kind === 'collection') {
      await this.events.record(manager, {
        type: 'direct-debit.collected',
        entityId: invoice.id,
        actorUserId: actorOf(principal),
        payload: this.outcomeOf(entry, invoice),
      });
    }
    return {
      outcome: entry.kind === 'collection' ? 'collected' : 'paid',
      refusal: null,
      invoiceId: invoice.id,
      tenantId: invoice.tenantId,
      paymentId,
      returnsEntryId: null,
    };
  }

  /**
   * Without a collection of this invoice booked here (it came on a statement not imported), nothing
   * was paid in the books, so there is nothing to reverse; the return still counts as a failed collection.
   */
  private async bookReturn(manager: EntityManager, entry: BookableEntry, invoice: Invoice, principal: Principal): Promise<EntryBooking> {
    const reasonCode = entry.returnReason ?? 'NARR';
    const collection = await this.entries.lockOpenCollectionOf(manager, invoice.id);
    const reversal = collection?.paymentId
      ? await this.corrections.reverseWithin(
          manager,
          collection.paymentId,
          `Direct debit returned: ${returnReasonText(reasonCode)}`,
          principal,
        )
      : null;
    await this.events.record(manager, {
      type: 'direct-debit.returned',
      entityId: invoice.id,
      actorUserId: actorOf(principal),
      payload: { ...this.outcomeOf(entry, invoice), reasonCode },
    });
    return {
      outcome: 'returned',
      refusal: null,
      invoiceId: invoice.id,
      tenantId: invoice.tenantId,
      paymentId: reversal?.id ?? null,
      returnsEntryId: collection?.id ?? null,
    };
  }

  private outcomeOf(entry: BookableEntry, invoice: Invoice) {
    return {
      invoiceNumber: invoice.number,
      endToEndId: entry.endToEndId ?? invoice.number,
      amountCents: entry.amountCents,
      bookedOn: entry.bookingDate,
      bankEntryId: entry.id,
    };
  }
}
