import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requireCapability } from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { DocumentsService, type DocumentFile } from '../../documents/documents.service.js';
import { DomainEvents } from '../../events/domain-events.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import { InvoicesService } from '../invoices/invoices.service.js';
import { type DunningStep, stepDueOn } from './dunning-rules.js';
import type { DunningStepSent } from './dunning-step.entity.js';
import { DUNNING_ERRORS } from './dunning.errors.js';
import { type ArrearsRow, type DunningCandidate, DunningRepository } from './dunning.repository.js';
import { PaymentArrangementsService } from './payment-arrangements.service.js';
import { renderReminderLetterPdf } from './reminder-letter-pdf.js';

/** The days a letter gives to pay, from its date. */
const PAY_WITHIN_DAYS = 14;
/** Letters rendered and stored per transaction. */
const CHUNK = 50;

export interface TenantArrears {
  tenantId: string;
  tenantName: string;
  overdueSince: string;
  totalOpenCents: number;
  lastStep: DunningStep | null;
  lastStepOn: string | null;
  arrangement: { id: string; status: string } | null;
  invoices: Omit<ArrearsRow, 'tenantId' | 'tenantName'>[];
}

/**
 * Reminders for overdue invoices: the daily run sends each invoice the step it is due (first reminder,
 * second reminder, final notice), as a letter stored on the invoice. A payment (the invoice is no
 * longer open) or an active payment arrangement stops the steps.
 */
@Injectable()
export class DunningService {
  constructor(
    private readonly dunning: DunningRepository,
    private readonly arrangements: PaymentArrangementsService,
    private readonly invoices: InvoicesService,
    private readonly buildings: BuildingsService,
    private readonly documents: DocumentsService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The daily run for `day`: first it follows the arrangements (a broken one frees its invoices), then
   * it sends the due steps. Running it again for the same day writes nothing more. The letters sent.
   */
  async sendDue(day: string = this.clock.today()): Promise<number> {
    await this.arrangements.follow(day);
    const due = (await this.dunning.overdueWithoutArrangement(day))
      .map((invoice) => ({ invoice, step: stepDueOn(invoice, day, this.config.dunning.stepDays) }))
      .filter((candidate): candidate is { invoice: DunningCandidate; step: DunningStep } => candidate.step !== null);
    let sent = 0;
    for (let start = 0; start < due.length; start += CHUNK) sent += await this.sendLetters(due.slice(start, start + CHUNK), day);
    return sent;
  }

  /** Rendered outside the transaction; inside it, under the daily run's lock, only steps not yet sent are stored. */
  private async sendLetters(due: { invoice: DunningCandidate; step: DunningStep }[], day: string): Promise<number> {
    const letters = await Promise.all(
      due.map(async ({ invoice, step }) => ({
        invoice,
        step,
        bytes: await renderReminderLetterPdf({
          step,
          sentOn: day,
          issuer: { name: invoice.issuerName, address: invoice.issuerAddress, iban: invoice.issuerIban },
          customer: { name: invoice.customerName, address: invoice.customerAddress },
          invoiceNumber: invoice.number,
          dueDate: invoice.dueDate,
          totalCents: invoice.totalCents,
          openCents: invoice.openCents,
          paymentReference: invoice.paymentReference,
          payWithinDays: PAY_WITHIN_DAYS,
        }),
      })),
    );
    return this.dunning.transaction(async (manager) => {
      await this.dunning.lockDailyRun(manager);
      const stillDue = await this.stillDue(manager, letters, day);
      if (stillDue.length === 0) return 0;
      const documentIds = await this.documents.storeMany(
        stillDue.map(({ invoice, step, bytes }) => ({
          kind: 'reminder_pdf',
          filename: `herinnering-${step}-${invoice.number}.pdf`,
          contentType: 'application/pdf',
          bytes,
        })),
        manager,
      );
      await this.dunning.insertSteps(
        manager,
        stillDue.map(({ invoice, step }, index) => ({
          invoiceId: invoice.invoiceId,
          tenantId: invoice.tenantId,
          step,
          sentOn: day,
          openCents: invoice.openCents,
          documentId: documentIds[index]!,
        })),
      );
      for (const [index, { invoice, step }] of stillDue.entries()) {
        await this.events.record(manager, {
          type: 'dunning.step_sent',
          entityId: invoice.invoiceId,
          actorUserId: null,
          payload: {
            step,
            invoiceNumber: invoice.number,
            tenantId: invoice.tenantId,
            openCents: invoice.openCents,
            sentOn: day,
            documentId: documentIds[index]!,
          },
        });
      }
      return stillDue.length;
    });
  }

  /** What another run sent meanwhile, or a payment or an arrangement that came in meanwhile, is left out. */
  private async stillDue<L extends { invoice: DunningCandidate; step: DunningStep }>(
    manager: EntityManager,
    letters: L[],
    day: string,
  ): Promise<L[]> {
    const ids = letters.map(({ invoice }) => invoice.invoiceId);
    const now = new Map((await this.dunning.overdueWithoutArrangement(day, manager, ids)).map((invoice) => [invoice.invoiceId, invoice]));
    return letters.filter(({ invoice, step }) => {
      const current = now.get(invoice.invoiceId);
      return (
        current !== undefined && current.openCents === invoice.openCents && stepDueOn(current, day, this.config.dunning.stepDays) === step
      );
    });
  }

  /** The letters of an invoice the principal may read (a tenant its own; another's invoice is unknown). */
  async reminders(invoiceId: string, principal: Principal): Promise<DunningStepSent[]> {
    requireCapability(principal, 'reminders.read');
    await this.invoices.getVisible(invoiceId, principal);
    return this.dunning.stepsOfInvoice(invoiceId);
  }

  /** `step` as the path has it: anything but a step sent is unknown. */
  async reminderPdf(invoiceId: string, step: string, principal: Principal): Promise<DocumentFile> {
    requireCapability(principal, 'reminders.read');
    await this.invoices.getVisible(invoiceId, principal);
    const sent = /^[123]$/.test(step) ? await this.dunning.findStep(invoiceId, Number(step)) : null;
    if (!sent) throw new NotFoundError(DUNNING_ERRORS.reminder_not_found, { id: `${invoiceId}/${step}` });
    return this.documents.read(sent.documentId);
  }

  /** Per tenant of the building: what is overdue today, since when, the last step sent and any arrangement. */
  async arrears(buildingId: string, principal: Principal): Promise<{ asOf: string; totalOpenCents: number; tenants: TenantArrears[] }> {
    requireCapability(principal, 'arrears.read');
    await this.buildings.getVisible(buildingId, principal);
    const asOf = this.clock.today();
    const tenants = arrearsByTenant(await this.dunning.arrearsOn(buildingId, asOf));
    return { asOf, totalOpenCents: tenants.reduce((sum, tenant) => sum + tenant.totalOpenCents, 0), tenants };
  }
}

/** The overdue invoices grouped per tenant, in the order given (by name). */
export function arrearsByTenant(rows: ArrearsRow[]): TenantArrears[] {
  const byTenant = new Map<string, TenantArrears>();
  for (const { tenantId, tenantName, ...invoice } of rows) {
    const tenant = byTenant.get(tenantId) ?? {
      tenantId,
      tenantName,
      overdueSince: invoice.dueDate,
      totalOpenCents: 0,
      lastStep: null,
      lastStepOn: null,
      arrangement: null,
      invoices: [],
    };
    tenant.invoices.push(invoice);
    tenant.totalOpenCents += invoice.openCents;
    if (invoice.dueDate < tenant.overdueSince) tenant.overdueSince = invoice.dueDate;
    if (invoice.lastStepOn !== null && (tenant.lastStepOn === null || invoice.lastStepOn >= tenant.lastStepOn)) {
      tenant.lastStep = invoice.lastStep;
      tenant.lastStepOn = invoice.lastStepOn;
    }
    if (invoice.arrangementId !== null && tenant.arrangement?.status !== 'active') {
      tenant.arrangement = { id: invoice.arrangementId, status: invoice.arrangementStatus! };
    }
    byTenant.set(tenantId, tenant);
  }
  return [...byTenant.values()];
}
