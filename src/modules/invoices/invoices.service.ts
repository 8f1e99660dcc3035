import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import type { Principal } from '../../common/auth/principal.js';
import {
  buildingScopeOf,
  mayReadTenantRecord,
  requireCapability,
  staffUmbrellaOf,
  tenantFilterOf,
} from '../../common/auth/access-policy.js';
import { Clock } from '../../common/clock/clock.js';
import { translateConstraintViolations } from '../../common/database/pg-errors.js';
import { addDays, yearOf } from '../../common/dates.js';
import { ConflictError, NotFoundError, RuleError } from '../../common/errors/domain-error.js';
import { MAX_PAGE_LIMIT, type Page } from '../../common/pagination/page.js';
import { DocumentsService, type DocumentFile } from '../../documents/documents.service.js';
import { actorOf, DomainEvents } from '../../events/domain-events.js';
import type { Invoice, InvoiceLine, Payment } from './invoice.entity.js';
import { InvoiceDocumentsService } from './invoice-documents.service.js';
import { eInvoiceAvailability } from './ubl/e-invoice-availability.js';
import { requireNotAfterToday } from './booking-date.js';
import { creditChangeOf } from './credit.js';
import { invoiceStatus } from './invoice-status.js';
import { type InvoiceFilter, InvoicesRepository } from './invoices.repository.js';
import { invoiceNumber, paymentReferenceOf } from './payment-reference.js';
import { INVOICES_ERRORS } from './invoices.errors.js';

export interface InvoiceDetail {
  invoice: Invoice;
  lines: InvoiceLine[];
  payments: Payment[];
}

@Injectable()
export class InvoicesService {
  constructor(
    private readonly invoices: InvoicesRepository,
    private readonly documents: DocumentsService,
    private readonly invoiceDocuments: InvoiceDocumentsService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A tenant sees only its own invoices; owners and the city see none (they get aggregates). */
  async list(filter: Omit<InvoiceFilter, 'today'>, page: { limit: number; offset: number }, principal: Principal): Promise<Page<Invoice>> {
    requireCapability(principal, 'invoices.read');
    const scope = tenantFilterOf(principal, filter.tenantId);
    if (!scope) return { items: [], total: 0 };
    return this.invoices.findPage({ ...filter, ...scope, today: this.clock.today() }, page);
  }

  /** Another tenant's invoice answers as unknown, so its existence is not confirmed. */
  async getVisible(id: string, principal: Principal): Promise<Invoice> {
    requireCapability(principal, 'invoices.read');
    const invoice = await this.invoices.findInvoice(id);
    const umbrellaId = staffUmbrellaOf(principal);
    const withinUmbrella =
      umbrellaId !== null && invoice !== null && (await this.invoices.isBuildingOfUmbrella(invoice.buildingId, umbrellaId));
    if (!invoice || !mayReadTenantRecord(principal, invoice.tenantId, withinUmbrella))
      throw new NotFoundError(INVOICES_ERRORS.invoice_not_found, { id });
    return invoice;
  }

  async detail(id: string, principal: Principal): Promise<InvoiceDetail> {
    const invoice = await this.getVisible(id, principal);
    const [lines, payments] = await Promise.all([this.invoices.linesOf([id]), this.invoices.paymentsOf(id)]);
    return { invoice, lines: lines.get(id) ?? [], payments };
  }

  async pdf(id: string, principal: Principal): Promise<DocumentFile> {
    const invoice = await this.getVisible(id, principal);
    if (!invoice.documentId) throw new ConflictError(INVOICES_ERRORS.pdf_not_ready);
    return this.documents.read(invoice.documentId);
  }

  /** The stored UBL e-invoice, or why there is none (still being made, or what SI-UBL needs was missing). */
  async ubl(id: string, principal: Principal): Promise<DocumentFile> {
    const availability = eInvoiceAvailability(await this.getVisible(id, principal));
    if (!availability.available) throw availability.error();
    return this.documents.read(availability.documentId);
  }

  /**
   * Every invoice and credit note dated in a year, for one tenant (the tenant itself and staff), as one
   * ZIP of the stored PDFs, in number order. Refused while one of them is still being rendered, so the
   * archive is never silently incomplete. PDFs are compressed already: the ZIP only stores them.
   */
  async yearArchive(tenantId: string | null, year: number, principal: Principal): Promise<{ filename: string; bytes: Uint8Array }> {
    requireCapability(principal, 'invoices.read');
    const scope = tenantId === null ? null : tenantFilterOf(principal, tenantId);
    const invoices = scope
      ? (await this.list({ tenantId: scope.tenantId, year }, { limit: MAX_PAGE_LIMIT, offset: 0 }, principal)).items
      : [];
    if (invoices.length === 0) throw new NotFoundError(INVOICES_ERRORS.no_invoices_in_year, { year });
    if (invoices.some((invoice) => !invoice.documentId)) throw new ConflictError(INVOICES_ERRORS.pdf_not_ready);
    const files: Record<string, Uint8Array> = {};
    for (const invoice of invoices) files[`${invoice.number}.pdf`] = (await this.documents.read(invoice.documentId!)).bytes;
    return { filename: `facturen-${year}.zip`, bytes: zipSync(files, { level: 0 }) };
  }

  /**
   * Partial and full payments, dated today or earlier; what is paid beyond the total goes to the tenant's
   * credit balance (ledger entry `overpayment`), never into a credit note. A request
   * under an Idempotency-Key already booked answers that booking again (the same request) or 409 (another
   * one); the unique key settles parallel retries. A bank reference already booked on the invoice is a
   * 409 unless forced, and more than ten times what is open is taken for a typing error.
   */
  async recordPayment(
    id: string,
    input: { amountCents: number; paidOn: string; reference?: string; force?: boolean },
    principal: Principal,
    idempotencyKey: string | null = null,
  ): Promise<InvoiceDetail> {
    requireCapability(principal, 'invoices.write');
    await this.getVisible(id, principal);
    requireNotAfterToday('paidOn', input.paidOn, this.clock.today());
    const reference = input.reference?.trim() || null;
    const requestHash = idempotencyKey
      ? createHash('sha256')
          .update(JSON.stringify([id, input.amountCents, input.paidOn, reference, input.force === true]))
          .digest('hex')
      : null;
    const keyReused = () => new ConflictError(INVOICES_ERRORS.idempotency_key_reused, { key: idempotencyKey! });
    await translateConstraintViolations(
      () =>
        this.invoices.transaction(async (manager) => {
          if (idempotencyKey) {
            // The invoice is locked first, so a retry under the same key waits for the first booking to commit.
            await this.invoices.lockInvoice(manager, id);
            const booked = await this.invoices.paymentUnderKey(manager, idempotencyKey);
            if (booked && booked.requestHash === requestHash) return;
            if (booked) throw keyReused();
          }
          await this.bookPayment(manager, id, { ...input, reference }, principal, { idempotencyKey, requestHash });
        }),
      // The same key on another invoice at the same moment: its lock is another row's, so the key decides.
      { uq_payment_idempotency_key: keyReused },
    );
    return this.detail(id, principal);
  }

  /**
   * A payment booked inside the caller's transaction, with the rules of `recordPayment`: a bank
   * statement books all of its entries in one transaction. No Idempotency-Key: the caller keeps its
   * own record of what it booked.
   */
  async recordPaymentWithin(
    manager: EntityManager,
    invoiceId: string,
    input: { amountCents: number; paidOn: string; reference: string | null },
    principal: Principal,
  ): Promise<{ paymentId: string; creditCents: number }> {
    requireCapability(principal, 'invoices.write');
    requireNotAfterToday('paidOn', input.paidOn, this.clock.today());
    return this.bookPayment(manager, invoiceId, input, principal, { idempotencyKey: null, requestHash: null });
  }

  /**
   * Payable invoices (not credit notes) by payment reference or number, for matching what a bank
   * reports; staff only. Several keys may name one invoice.
   */
  /**
   * The payable invoices a bank statement names, within the principal's buildings: an umbrella's staff
   * find only invoices of their umbrella's buildings, so another umbrella's stays unmatched for them.
   */
  async findPayableByReferenceOrNumber(keys: { paymentReferences: string[]; numbers: string[] }, principal: Principal): Promise<Invoice[]> {
    requireCapability(principal, 'invoices.write');
    const scope = buildingScopeOf(principal);
    return this.invoices.findPayableByReferenceOrNumber(keys, scope.kind === 'umbrella' ? scope.organisationId : undefined);
  }

  /** The invoice row is locked here, so its paid amount plus this payment is what the row will hold. */
  private async bookPayment(
    manager: EntityManager,
    id: string,
    input: { amountCents: number; paidOn: string; reference: string | null; force?: boolean },
    principal: Principal,
    idempotency: { idempotencyKey: string | null; requestHash: string | null },
  ): Promise<{ paymentId: string; creditCents: number }> {
    const { reference } = input;
    const invoice = await this.invoices.lockInvoice(manager, id);
    if (!invoice) throw new NotFoundError(INVOICES_ERRORS.invoice_not_found, { id });
    if (invoice.kind === 'credit_note') throw new RuleError(INVOICES_ERRORS.credit_note_not_payable);
    if (invoice.status === 'credited') throw new RuleError(INVOICES_ERRORS.invoice_credited, { number: invoice.number });
    const openCents = Math.max(0, invoice.totalCents - invoice.paidCents);
    if (input.amountCents > 10 * openCents) {
      throw new RuleError(INVOICES_ERRORS.payment_too_large, { amountCents: input.amountCents, openCents, number: invoice.number });
    }
    if (reference && !input.force && (await this.invoices.hasPaymentWithReference(manager, id, reference))) {
      throw new ConflictError(INVOICES_ERRORS.payment_reference_booked, { reference, number: invoice.number });
    }
    const status = invoiceStatus({
      totalCents: invoice.totalCents,
      paidCents: invoice.paidCents + input.amountCents,
      credited: false,
    });
    const creditCents = creditChangeOf(invoice, { amountCents: input.amountCents, kind: 'payment' });
    const payment = await this.invoices.recordPayment(
      manager,
      {
        invoiceId: id,
        kind: 'payment',
        amountCents: input.amountCents,
        paidOn: input.paidOn,
        reference,
        reversesPaymentId: null,
        reason: null,
        recordedBy: actorOf(principal),
        ...idempotency,
      },
      status,
    );
    // Locked after the invoice, as every booking that moves both does.
    if (creditCents > 0) {
      await this.invoices.lockCredit(manager, invoice.tenantId);
      await this.invoices.bookCredit(manager, {
        tenantId: invoice.tenantId,
        kind: 'overpayment',
        amountCents: creditCents,
        paymentId: payment.id,
        invoiceId: id,
        occurredOn: payment.paidOn,
        reference,
        recordedBy: actorOf(principal),
      });
    }
    await this.events.record(manager, {
      type: 'payment.recorded',
      entityId: id,
      actorUserId: actorOf(principal),
      payload: {
        paymentId: payment.id,
        amountCents: payment.amountCents,
        paidOn: payment.paidOn,
        reference: payment.reference,
        creditCents,
      },
    });
    return { paymentId: payment.id, creditCents };
  }

  /**
   * Cancels an invoice by a credit note that cites it: the same lines negated, its own number from
   * the same series, issued today. The invoice itself never changes but for its status.
   */
  async credit(id: string, reason: string, principal: Principal): Promise<Invoice> {
    requireCapability(principal, 'invoices.write');
    const original = await this.getVisible(id, principal);
    const issueDate = this.clock.today();
    const year = yearOf(issueDate);
    const creditNote = await translateConstraintViolations(
      () =>
        this.invoices.transaction(async (manager) => {
          const invoice = (await this.invoices.lockInvoice(manager, id))!;
          if (invoice.kind === 'credit_note') throw new RuleError(INVOICES_ERRORS.cannot_credit_credit_note);
          if (invoice.status === 'credited') throw new ConflictError(INVOICES_ERRORS.invoice_already_credited, { number: invoice.number });
          const lines = ((await this.invoices.linesOf([id], manager)).get(id) ?? []).map((line) => ({
            kind: line.kind,
            description: line.description,
            periodStart: line.periodStart,
            periodEnd: line.periodEnd,
            amountExVatCents: -line.amountExVatCents,
            vatRateBps: line.vatRateBps,
            vatCents: -line.vatCents,
          }));
          const prefix = await this.invoices.invoicePrefixOf(invoice.buildingId, manager);
          const { seriesId, number } = await this.invoices.takeNextNumber(manager, prefix, year);
          const saved = await this.invoices.insertInvoice(
            manager,
            {
              kind: 'credit_note',
              number: invoiceNumber(prefix, year, number),
              creditsInvoiceId: invoice.id,
              buildingId: invoice.buildingId,
              leaseId: invoice.leaseId,
              tenantId: invoice.tenantId,
              runId: null,
              period: invoice.period,
              issueDate,
              dueDate: addDays(issueDate, this.config.invoicing.paymentTermDays),
              issuer: invoice.issuer,
              customer: invoice.customer,
              totalExVatCents: -invoice.totalExVatCents,
              vatCents: -invoice.vatCents,
              totalCents: -invoice.totalCents,
              paidCents: 0,
              status: invoiceStatus({ totalCents: -invoice.totalCents, paidCents: 0, credited: false }),
              paymentReference: paymentReferenceOf(seriesId, year, number),
              creditReason: reason.trim(),
            },
            lines,
          );
          await this.invoices.markCredited(manager, invoice.id);
          await this.events.record(manager, {
            type: 'invoice.credited',
            entityId: invoice.id,
            actorUserId: actorOf(principal),
            payload: {
              number: invoice.number,
              creditNoteId: saved.id,
              creditNoteNumber: saved.number,
              reason: saved.creditReason!,
              totalCents: saved.totalCents,
            },
          });
          return saved;
        }),
      { uq_invoice_credits: () => new ConflictError(INVOICES_ERRORS.invoice_already_credited, { number: original.number }) },
    );
    await this.invoiceDocuments.renderAndStore([creditNote]);
    return (await this.invoices.findInvoice(creditNote.id))!;
  }

  /** Per building: arrears today and invoice runs in progress (the dashboard). */
  billingSummaries(buildingIds: string[], principal: Principal): Promise<Map<string, { arrearsCents: number; runsInProgress: number }>> {
    requireCapability(principal, 'invoices.run');
    return this.invoices.billingSummaries(buildingIds, this.clock.today());
  }
}
