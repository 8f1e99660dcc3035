import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requireCapability } from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import { TenantsService } from '../tenants/tenants.service.js';
import { Clock } from '../../common/clock/clock.js';
import { translateConstraintViolations } from '../../common/database/pg-errors.js';
import { ConflictError, InputError, NotFoundError, RuleError } from '../../common/errors/domain-error.js';
import { actorOf, DomainEvents } from '../../events/domain-events.js';
import { TENANTS_ERRORS } from '../tenants/tenants.errors.js';
import { requireNotAfterToday } from './booking-date.js';
import { creditChangeOf } from './credit.js';
import type { CreditEntry, Invoice, Payment } from './invoice.entity.js';
import { invoiceStatus } from './invoice-status.js';
import { InvoicesRepository } from './invoices.repository.js';
import { type InvoiceDetail, InvoicesService } from './invoices.service.js';
import { INVOICES_ERRORS } from './invoices.errors.js';

export interface TenantBalance {
  tenantId: string;
  creditCents: number;
  openCents: number;
  overdueCents: number;
  entries: CreditEntry[];
}

/**
 * Corrections of what was booked: the tenant's credit balance (from over-payments) used on an open
 * invoice or refunded, and a mistaken booking reversed by a reversing entry. Every change locks the
 * invoice first (when there is one) and then the tenant's balance, so concurrent corrections take turns
 * and the balance never goes below 0 (a CHECK holds that too).
 */
@Injectable()
export class PaymentCorrectionsService {
  constructor(
    private readonly invoices: InvoicesRepository,
    private readonly invoicesService: InvoicesService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    private readonly tenants: TenantsService,
  ) {}

  /** The tenant itself and staff; anyone else gets 404, as for an unknown tenant. */
  async balance(tenantId: string, principal: Principal): Promise<TenantBalance> {
    requireCapability(principal, 'invoices.read');
    if (!(await this.tenants.mayRead(tenantId, principal)) || !(await this.invoices.tenantExists(tenantId))) {
      throw new NotFoundError(TENANTS_ERRORS.tenant_not_found, { id: tenantId });
    }
    const [credit, owed] = await Promise.all([this.invoices.creditOf(tenantId), this.invoices.owedBy(tenantId, this.clock.today())]);
    return { tenantId, ...credit, ...owed };
  }

  /**
   * Uses the tenant's credit balance on an open invoice: a `credit` booking on the invoice and an
   * `applied` ledger entry. Without an amount, as much as the balance and the open amount allow.
   */
  async applyCredit(invoiceId: string, input: { amountCents?: number }, principal: Principal): Promise<InvoiceDetail> {
    requireCapability(principal, 'invoices.write');
    await this.invoicesService.getVisible(invoiceId, principal);
    await this.whileBalanceHolds(() =>
      this.invoices.transaction(async (manager) => {
        const invoice = (await this.invoices.lockInvoice(manager, invoiceId))!;
        if (invoice.kind === 'credit_note') throw new RuleError(INVOICES_ERRORS.credit_note_not_payable);
        if (invoice.status === 'credited') throw new RuleError(INVOICES_ERRORS.invoice_credited, { number: invoice.number });
        const openCents = invoice.totalCents - invoice.paidCents;
        if (openCents <= 0) throw new RuleError(INVOICES_ERRORS.invoice_not_open, { number: invoice.number });
        const balanceCents = await this.invoices.lockCredit(manager, invoice.tenantId);
        if (balanceCents === 0) throw new RuleError(INVOICES_ERRORS.no_credit);
        const amountCents = input.amountCents ?? Math.min(balanceCents, openCents);
        if (amountCents > openCents) {
          throw new RuleError(INVOICES_ERRORS.credit_exceeds_open, { amountCents, openCents, number: invoice.number });
        }
        if (amountCents > balanceCents) throw new RuleError(INVOICES_ERRORS.credit_exceeds_balance, { amountCents, balanceCents });
        const today = this.clock.today();
        const booking = await this.book(
          manager,
          invoice,
          { kind: 'credit', amountCents, paidOn: today, reversesPaymentId: null, reason: null },
          principal,
        );
        const entry = await this.invoices.bookCredit(manager, {
          tenantId: invoice.tenantId,
          kind: 'applied',
          amountCents: -amountCents,
          paymentId: booking.id,
          invoiceId,
          occurredOn: today,
          reference: invoice.number,
          recordedBy: actorOf(principal),
        });
        await this.events.record(manager, {
          type: 'credit.applied',
          entityId: invoiceId,
          actorUserId: actorOf(principal),
          payload: { tenantId: invoice.tenantId, paymentId: booking.id, amountCents, balanceCents: entry.balanceAfterCents },
        });
      }),
    );
    return this.invoicesService.detail(invoiceId, principal);
  }

  /** Pays credit back to the tenant (recorded, not executed here): never more than the balance. */
  async recordRefund(
    tenantId: string,
    input: { amountCents: number; refundedOn: string; reference?: string },
    principal: Principal,
  ): Promise<CreditEntry> {
    requireCapability(principal, 'invoices.write');
    if (!(await this.invoices.tenantExists(tenantId))) throw new NotFoundError(TENANTS_ERRORS.tenant_not_found, { id: tenantId });
    requireNotAfterToday('refundedOn', input.refundedOn, this.clock.today());
    const reference = input.reference?.trim() || null;
    return this.whileBalanceHolds(() =>
      this.invoices.transaction(async (manager) => {
        const balanceCents = await this.invoices.lockCredit(manager, tenantId);
        if (input.amountCents > balanceCents) {
          throw new RuleError(INVOICES_ERRORS.refund_exceeds_credit, { amountCents: input.amountCents, balanceCents });
        }
        const entry = await this.invoices.bookCredit(manager, {
          tenantId,
          kind: 'refund',
          amountCents: -input.amountCents,
          paymentId: null,
          invoiceId: null,
          occurredOn: input.refundedOn,
          reference,
          recordedBy: actorOf(principal),
        });
        await this.events.record(manager, {
          type: 'refund.recorded',
          entityId: tenantId,
          actorUserId: actorOf(principal),
          payload: {
            creditEntryId: entry.id,
            amountCents: input.amountCents,
            refundedOn: input.refundedOn,
            reference,
            balanceCents: entry.balanceAfterCents,
          },
        });
        return entry;
      }),
    );
  }

  /**
   * Undoes a booking by a reversing entry of the negated amount (who, when, why); nothing is deleted.
   * The invoice's status follows. What the booking did to the credit balance is undone too: credit
   * from an over-payment is taken back (422 when it was used or refunded meanwhile), credit that was
   * used on the invoice comes back.
   */
  async reverse(paymentId: string, reason: string, principal: Principal): Promise<{ reversal: Payment; invoice: Invoice }> {
    requireCapability(principal, 'invoices.write');
    const original = await this.invoices.findPayment(paymentId);
    if (!original) throw new NotFoundError(INVOICES_ERRORS.payment_not_found, { id: paymentId });
    await this.invoicesService.getVisible(original.invoiceId, principal);
    const why = reason.trim();
    if (!why) throw new InputError([{ field: 'reason', message: 'reason must say why the booking is reversed' }]);
    if (original.kind === 'reversal') throw new RuleError(INVOICES_ERRORS.cannot_reverse_reversal);
    const alreadyReversed = () => new ConflictError(INVOICES_ERRORS.payment_already_reversed, { id: paymentId });
    const reversal = await translateConstraintViolations(
      () => this.whileBalanceHolds(() => this.invoices.transaction((manager) => this.bookReversal(manager, original, why, principal))),
      { uq_payment_reverses: alreadyReversed },
    );
    return { reversal, invoice: (await this.invoices.findInvoice(original.invoiceId))! };
  }

  /**
   * A reversal booked inside the caller's transaction, with the rules of `reverse`: a bank statement
   * that reports a returned direct debit undoes the payment its collection booked.
   */
  async reverseWithin(manager: EntityManager, paymentId: string, reason: string, principal: Principal): Promise<Payment> {
    requireCapability(principal, 'invoices.write');
    const original = await this.invoices.findPayment(paymentId, manager);
    if (!original) throw new NotFoundError(INVOICES_ERRORS.payment_not_found, { id: paymentId });
    if (original.kind === 'reversal') throw new RuleError(INVOICES_ERRORS.cannot_reverse_reversal);
    return this.bookReversal(manager, original, reason.trim(), principal);
  }

  private async bookReversal(manager: EntityManager, original: Payment, why: string, principal: Principal): Promise<Payment> {
    const paymentId = original.id;
    const invoice = (await this.invoices.lockInvoice(manager, original.invoiceId))!;
    if (await this.invoices.reversalOf(manager, paymentId)) {
      throw new ConflictError(INVOICES_ERRORS.payment_already_reversed, { id: paymentId });
    }
    const amountCents = -original.amountCents;
    const creditCents = creditChangeOf(invoice, { amountCents, kind: 'reversal', reversedKind: original.kind });
    let balanceCents = 0;
    if (creditCents !== 0) balanceCents = await this.invoices.lockCredit(manager, invoice.tenantId);
    if (balanceCents + creditCents < 0) {
      throw new RuleError(INVOICES_ERRORS.payment_credit_used, { creditCents: -creditCents, balanceCents });
    }
    const booking = await this.book(
      manager,
      invoice,
      { kind: 'reversal', amountCents, paidOn: this.clock.today(), reversesPaymentId: paymentId, reason: why },
      principal,
    );
    if (creditCents !== 0) {
      await this.invoices.bookCredit(manager, {
        tenantId: invoice.tenantId,
        kind: 'reversal',
        amountCents: creditCents,
        paymentId: booking.id,
        invoiceId: invoice.id,
        occurredOn: booking.paidOn,
        reference: booking.reason,
        recordedBy: actorOf(principal),
      });
    }
    await this.events.record(manager, {
      type: 'payment.reversed',
      entityId: invoice.id,
      actorUserId: actorOf(principal),
      payload: { paymentId, reversalId: booking.id, amountCents: original.amountCents, reason: booking.reason!, creditCents },
    });
    return booking;
  }

  /** A booking on the locked invoice, which moves its paid amount and status. */
  private book(
    manager: EntityManager,
    invoice: Invoice,
    booking: Pick<Payment, 'kind' | 'amountCents' | 'paidOn' | 'reversesPaymentId' | 'reason'>,
    principal: Principal,
  ): Promise<Payment> {
    const status = invoiceStatus({
      totalCents: invoice.totalCents,
      paidCents: invoice.paidCents + booking.amountCents,
      credited: invoice.status === 'credited',
    });
    return this.invoices.recordPayment(
      manager,
      { ...booking, invoiceId: invoice.id, reference: null, recordedBy: actorOf(principal), idempotencyKey: null, requestHash: null },
      status,
    );
  }

  /** The CHECK behind the locks: should a balance ever be taken below 0, the answer is a refusal, not a 500. */
  private whileBalanceHolds<T>(work: () => Promise<T>): Promise<T> {
    return translateConstraintViolations(work, {
      ck_tenant_credit_not_negative: () => new RuleError(INVOICES_ERRORS.credit_balance_negative),
    });
  }
}
