import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { Clock } from '../../common/clock/clock.js';
import { violatedConstraint } from '../../common/database/pg-errors.js';
import { addDays, yearOf } from '../../common/dates.js';
import { DomainEvents } from '../../events/domain-events.js';
import { chargesFor, type ChargeLine, totalsOf } from './charges.js';
import type { Invoice } from './invoice.entity.js';
import { type BillingInput, InvoicesRepository } from './invoices.repository.js';
import { invoiceNumber, paymentReferenceOf } from './payment-reference.js';

export type IssueOutcome = { outcome: 'issued'; invoice: Invoice } | { outcome: 'nothing_owed' } | { outcome: 'issued_elsewhere' };

export interface IssueOptions {
  runId: string | null;
  /** The invoice date; today unless the invoices are dated otherwise (the demo's history). */
  issueDate?: string;
  /** Called after the numbers are taken, inside the transaction: lets tests inject a failure there. */
  afterNumbered?: () => void | Promise<void>;
}

/**
 * Issues invoices in one transaction per call: lock the leases' run items (a second delivery of the
 * same chunk waits, then finds the invoices), take the next numbers of the series at once (locking
 * its counter), insert the invoices, their lines and their `invoice.issued` events in one statement
 * each. Any failure rolls every number of the call back: all or nothing, never a gap.
 */
@Injectable()
export class IssueInvoiceService {
  constructor(
    private readonly invoices: InvoicesRepository,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(input: BillingInput, period: string, options: IssueOptions): Promise<IssueOutcome> {
    const [outcome] = await this.issueMany([input], period, options);
    return outcome!;
  }

  /** One outcome per input, in the inputs' order. */
  async issueMany(inputs: BillingInput[], period: string, options: IssueOptions): Promise<IssueOutcome[]> {
    const outcomes: IssueOutcome[] = inputs.map(() => ({ outcome: 'nothing_owed' }));
    const owed = inputs
      .map((input, index) => ({ input, index, lines: chargesFor(input.lease, period) }))
      .filter(({ lines }) => lines.length > 0);
    if (owed.length === 0) return outcomes;
    const issueDate = options.issueDate ?? this.clock.today();
    const year = yearOf(issueDate);
    try {
      await this.invoices.transaction(async (manager) => {
        let toIssue = owed;
        if (options.runId) {
          const open = await this.invoices.lockLeasesToInvoice(
            manager,
            options.runId,
            owed.map(({ input }) => input.leaseId),
            period,
          );
          toIssue = owed.filter(({ input, index }) => {
            if (open.has(input.leaseId)) return true;
            outcomes[index] = { outcome: 'issued_elsewhere' };
            return false;
          });
        }
        const byPrefix = new Map<string, typeof toIssue>();
        for (const item of toIssue) byPrefix.set(item.input.invoicePrefix, [...(byPrefix.get(item.input.invoicePrefix) ?? []), item]);
        const numbered: { input: BillingInput; index: number; lines: ChargeLine[]; seriesId: number; number: number }[] = [];
        for (const [prefix, items] of byPrefix) {
          const { seriesId, first } = await this.invoices.takeNextNumbers(manager, prefix, year, items.length);
          items.forEach((item, offset) => numbered.push({ ...item, seriesId, number: first + offset }));
        }
        await options.afterNumbered?.();
        const issued = await this.invoices.insertInvoices(
          manager,
          numbered.map(({ input, lines, seriesId, number }) => ({
            invoice: {
              kind: 'invoice' as const,
              number: invoiceNumber(input.invoicePrefix, year, number),
              creditsInvoiceId: null,
              buildingId: input.buildingId,
              leaseId: input.leaseId,
              tenantId: input.tenantId,
              runId: options.runId,
              period,
              issueDate,
              dueDate: addDays(issueDate, this.config.invoicing.paymentTermDays),
              issuer: input.issuer,
              customer: input.customer,
              ...totalsOf(lines),
              paidCents: 0,
              status: 'open' as const,
              paymentReference: paymentReferenceOf(seriesId, year, number),
              creditReason: null,
            },
            lines,
          })),
        );
        await this.events.recordMany(
          manager,
          issued.map((invoice) => ({
            type: 'invoice.issued' as const,
            entityId: invoice.id,
            actorUserId: null,
            payload: {
              number: invoice.number,
              buildingId: invoice.buildingId,
              leaseId: invoice.leaseId,
              tenantId: invoice.tenantId,
              runId: invoice.runId,
              period,
              issueDate,
              totalCents: invoice.totalCents,
            },
          })),
        );
        issued.forEach((invoice, position) => (outcomes[numbered[position]!.index] = { outcome: 'issued', invoice }));
      });
      return outcomes;
    } catch (error) {
      // Outside a run nothing is locked: an invoice issued meanwhile for one of the leases. Every number went back.
      if (inputs.length === 1 && violatedConstraint(error) === 'uq_invoice_lease_period') return [{ outcome: 'issued_elsewhere' }];
      throw error;
    }
  }
}
