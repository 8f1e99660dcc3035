import { Injectable } from '@nestjs/common';
import { SYSTEM_PRINCIPAL } from '../../common/auth/principal.js';
import { DocumentsService } from '../../documents/documents.service.js';
import { DomainEvents } from '../../events/domain-events.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import type { Invoice } from './invoice.entity.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { InvoicesRepository } from './invoices.repository.js';

/**
 * Renders issued invoices once, after their data committed, and stores the PDFs as immutable
 * documents. Storing, linking and (for a run) marking the leases done is one transaction per
 * batch, which skips invoices that meanwhile got a PDF from a retried job racing this one. Each
 * stored invoice records `invoice.documents_stored`: what is sent with it (mail) waits for that.
 */
@Injectable()
export class InvoiceDocumentsService {
  constructor(
    private readonly invoices: InvoicesRepository,
    private readonly documents: DocumentsService,
    private readonly buildings: BuildingsService,
    private readonly events: DomainEvents,
  ) {}

  async renderAndStore(invoices: Invoice[]): Promise<void> {
    if (invoices.length === 0) return;
    const lines = await this.invoices.linesOf(invoices.map((invoice) => invoice.id));
    const paymentMethods = await this.invoices.paymentMethodsOf(invoices.map((invoice) => invoice.id));
    const buildingNames = new Map<string, string>();
    for (const buildingId of new Set(invoices.map((invoice) => invoice.buildingId))) {
      buildingNames.set(buildingId, (await this.buildings.getVisible(buildingId, SYSTEM_PRINCIPAL)).name);
    }
    const rendered: { invoice: Invoice; bytes: Buffer }[] = [];
    for (const invoice of invoices) {
      const credited = invoice.creditsInvoiceId ? await this.invoices.findInvoice(invoice.creditsInvoiceId) : null;
      const bytes = await renderInvoicePdf({
        ...invoice,
        credits: credited ? { number: credited.number, issueDate: credited.issueDate } : null,
        buildingName: buildingNames.get(invoice.buildingId)!,
        lines: lines.get(invoice.id) ?? [],
        payment: paymentMethods.get(invoice.id)!,
      });
      rendered.push({ invoice, bytes });
    }
    await this.invoices.transaction(async (manager) => {
      const missing = new Set(
        await this.invoices.lockInvoicesWithoutDocument(
          manager,
          rendered.map(({ invoice }) => invoice.id),
        ),
      );
      const toStore = rendered.filter(({ invoice }) => missing.has(invoice.id));
      if (toStore.length === 0) return;
      const documentIds = await this.documents.storeMany(
        toStore.map(({ invoice, bytes }) => ({
          kind: 'invoice_pdf',
          filename: `${invoice.number}.pdf`,
          contentType: 'application/pdf',
          bytes,
        })),
        manager,
      );
      await this.invoices.attachDocuments(
        manager,
        toStore.map(({ invoice }, index) => ({ invoiceId: invoice.id, documentId: documentIds[index]! })),
      );
      const leasesByRun = new Map<string, string[]>();
      for (const { invoice } of toStore)
        if (invoice.runId) leasesByRun.set(invoice.runId, [...(leasesByRun.get(invoice.runId) ?? []), invoice.leaseId]);
      for (const [runId, leaseIds] of leasesByRun) await this.invoices.markItemsDone(runId, leaseIds, manager);
      for (const [index, { invoice }] of toStore.entries()) {
        await this.events.record(manager, {
          type: 'invoice.documents_stored',
          entityId: invoice.id,
          actorUserId: null,
          payload: {
            number: invoice.number,
            tenantId: invoice.tenantId,
            creditNote: invoice.creditsInvoiceId !== null,
            documentIds: [documentIds[index]!],
          },
        });
      }
    });
  }
}
