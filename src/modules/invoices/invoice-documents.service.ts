import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { SYSTEM_PRINCIPAL } from '../../common/auth/principal.js';
import { DocumentsService } from '../../documents/documents.service.js';
import { DomainEvents } from '../../events/domain-events.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import type { EInvoiceUnavailableReason, Invoice } from './invoice.entity.js';
import { InvoiceRenderer } from './invoice-renderer.js';
import { InvoicesRepository } from './invoices.repository.js';
import { eInvoiceRefusalOf } from './ubl/ubl-invoice.js';

interface RenderedInvoice {
  invoice: Invoice;
  pdf: Buffer;
  /** The UBL e-invoice, or why there is none. */
  ubl: { xml: string } | { unavailable: EInvoiceUnavailableReason };
  /** The mandate the PDF announces the debit under (its pre-notification), if any. */
  preNotifiedMandateId: string | null;
}

/**
 * Renders issued invoices once, after their data committed, and stores the PDFs and their UBL
 * e-invoices as immutable documents. Storing, linking and (for a run) marking the leases done is one
 * transaction per batch, which skips invoices that meanwhile got a PDF from a retried job racing this
 * one. Each stored invoice records `invoice.documents_stored` with its PDF and UBL: what is sent with it
 * (mail) waits for that. An invoice SI-UBL cannot describe (no KvK number of the customer …) keeps why,
 * as does every invoice while INVOICE_E_INVOICES is off. The documents of a batch render side by side
 * in the render threads.
 */
@Injectable()
export class InvoiceDocumentsService {
  constructor(
    private readonly invoices: InvoicesRepository,
    private readonly documents: DocumentsService,
    private readonly buildings: BuildingsService,
    private readonly events: DomainEvents,
    private readonly renderer: InvoiceRenderer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async renderAndStore(invoices: Invoice[]): Promise<void> {
    if (invoices.length === 0) return;
    const lines = await this.invoices.linesOf(invoices.map((invoice) => invoice.id));
    const paymentMethods = await this.invoices.paymentMethodsOf(invoices.map((invoice) => invoice.id));
    const buildingNames = new Map<string, string>();
    for (const buildingId of new Set(invoices.map((invoice) => invoice.buildingId))) {
      buildingNames.set(buildingId, (await this.buildings.getVisible(buildingId, SYSTEM_PRINCIPAL)).name);
    }
    const credited = new Map<string, Invoice | null>();
    for (const id of new Set(invoices.map((invoice) => invoice.creditsInvoiceId).filter((id) => id !== null))) {
      credited.set(id, await this.invoices.findInvoice(id));
    }
    const rendered: RenderedInvoice[] = await Promise.all(
      invoices.map(async (invoice) => {
        const cited = invoice.creditsInvoiceId ? credited.get(invoice.creditsInvoiceId) : null;
        const data = {
          ...invoice,
          credits: cited ? { number: cited.number, issueDate: cited.issueDate } : null,
          lines: lines.get(invoice.id) ?? [],
          payment: paymentMethods.get(invoice.id)!,
        };
        const refusal = this.config.invoicing.eInvoices ? eInvoiceRefusalOf(invoice) : 'e_invoices_off';
        const { pdf, xml } = await this.renderer.render({
          pdf: { ...data, buildingName: buildingNames.get(invoice.buildingId)! },
          ubl: refusal ? null : { ...data, buyerReference: invoice.leaseId },
        });
        const preNotifiedMandateId = invoice.kind === 'invoice' && data.payment.kind === 'direct-debit' ? data.payment.mandateId : null;
        return { invoice, pdf, ubl: refusal ? { unavailable: refusal } : { xml: xml! }, preNotifiedMandateId };
      }),
    );
    await this.invoices.transaction(async (manager) => {
      const missing = new Set(
        await this.invoices.lockInvoicesWithoutDocument(
          manager,
          rendered.map(({ invoice }) => invoice.id),
        ),
      );
      const toStore = rendered.filter(({ invoice }) => missing.has(invoice.id));
      if (toStore.length === 0) return;
      // One insert for the batch: each PDF, then its UBL when it has one.
      const storedIds = await this.documents.storeMany(
        toStore.flatMap(({ invoice, pdf, ubl }) => [
          { kind: 'invoice_pdf', filename: `${invoice.number}.pdf`, contentType: 'application/pdf', bytes: pdf },
          ...('xml' in ubl
            ? [
                {
                  kind: 'invoice_ubl',
                  filename: `${invoice.number}.xml`,
                  contentType: 'application/xml',
                  bytes: Buffer.from(ubl.xml, 'utf8'),
                },
              ]
            : []),
        ]),
        manager,
      );
      let next = 0;
      const stored = toStore.map(({ invoice, ubl, preNotifiedMandateId }) => ({
        invoice,
        preNotifiedMandateId,
        documentId: storedIds[next++]!,
        ublDocumentId: 'xml' in ubl ? storedIds[next++]! : null,
        eInvoiceUnavailable: 'unavailable' in ubl ? ubl.unavailable : null,
      }));
      await this.invoices.attachDocuments(
        manager,
        stored.map(({ invoice, ...documents }) => ({ invoiceId: invoice.id, ...documents })),
      );
      const leasesByRun = new Map<string, string[]>();
      for (const { invoice } of toStore)
        if (invoice.runId) leasesByRun.set(invoice.runId, [...(leasesByRun.get(invoice.runId) ?? []), invoice.leaseId]);
      for (const [runId, leaseIds] of leasesByRun) await this.invoices.markItemsDone(runId, leaseIds, manager);
      await this.events.recordMany(
        manager,
        stored.map(({ invoice, documentId, ublDocumentId }) => ({
          type: 'invoice.documents_stored' as const,
          entityId: invoice.id,
          actorUserId: null,
          payload: {
            number: invoice.number,
            tenantId: invoice.tenantId,
            creditNote: invoice.creditsInvoiceId !== null,
            documentIds: ublDocumentId ? [documentId, ublDocumentId] : [documentId],
          },
        })),
      );
    });
  }
}
