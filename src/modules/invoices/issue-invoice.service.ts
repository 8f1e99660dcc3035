import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { Clock } from '../../common/clock/clock.js';
import { violatedConstraint } from '../../common/database/pg-errors.js';
import { addDays, yearOf } from '../../common/dates.js';
import { DomainEvents } from '../../events/domain-events.js';
import { chargesFor, totalsOf } from './charges.js';
import type { Invoice } from './invoice.entity.js';
import { type BillingInput, InvoicesRepository } from './invoices.repository.js';
import { invoiceNumber, paymentReferenceOf } from './payment-reference.js';

export type IssueOutcome = { outcome: 'issued'; invoice: Invoice } | { outcome: 'nothing_owed' } | { outcome: 'issued_elsewhere' };

export interface IssueOptions {
  runId: string | null;
  /** The invoice date; today unless the invoices are dated otherwise (the demo's history). */
  issueDate?: string;
  /** Called after the number is taken, inside the transaction: lets tests inject a failure there. */
  afterNumbered?: () => void | Promise<void>;
}

/**
 * Issues one invoice in one transaction: take the next number of the series (locking its
 * counter), insert invoice and lines, and mark the run's item. Any failure rolls the number back.
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
    const lines = chargesFor(input.lease, period);
    if (lines.length === 0) return { outcome: 'nothing_owed' };
    const issueDate = options.issueDate ?? this.clock.today();
    const year = yearOf(issueDate);
    try {
      const invoice = await this.invoices.transaction(async (manager) => {
        const { seriesId, number } = await this.invoices.takeNextNumber(manager, input.invoicePrefix, year);
        await options.afterNumbered?.();
        const issued = await this.invoices.insertInvoice(
          manager,
          {
            kind: 'invoice',
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
            status: 'open',
            paymentReference: paymentReferenceOf(seriesId, year, number),
            creditReason: null,
          },
          lines,
        );
        await this.events.record(manager, {
          type: 'invoice.issued',
          entityId: issued.id,
          actorUserId: null,
          payload: {
            number: issued.number,
            buildingId: issued.buildingId,
            leaseId: input.leaseId,
            tenantId: input.tenantId,
            runId: issued.runId,
            period,
            issueDate,
            totalCents: issued.totalCents,
          },
        });
        return issued;
      });
      return { outcome: 'issued', invoice };
    } catch (error) {
      // A retried chunk racing its first delivery: the other transaction issued it; this one gave its number back.
      if (violatedConstraint(error) === 'uq_invoice_lease_period') return { outcome: 'issued_elsewhere' };
      throw error;
    }
  }
}
