import { Injectable } from '@nestjs/common';
import { DocumentsService } from '../../documents/documents.service.js';
import type { Invoice } from './invoice.entity.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { InvoicesRepository } from './invoices.repository.js';

/**
 * Renders an issued invoice once, after its data committed, and stores the PDF as an immutable
 * document. Storing the PDF, linking it and (for a run) marking the lease done is one transaction;
 * a second render of the same invoice (a retried job racing the first) rolls back.
 */
@Injectable()
export class InvoiceDocumentsService {
  constructor(
    private readonly invoices: InvoicesRepository,
    private readonly documents: DocumentsService,
  ) {}

  async renderAndStore(invoices: Invoice[]): Promise<void> {
    const lines = await this.invoices.linesOf(invoices.map((invoice) => invoice.id));
    for (const invoice of invoices) {
      const creditsNumber = invoice.creditsInvoiceId ? ((await this.invoices.findInvoice(invoice.creditsInvoiceId))?.number ?? null) : null;
      const bytes = await renderInvoicePdf({ ...invoice, creditsNumber, lines: lines.get(invoice.id) ?? [] });
      await this.invoices
        .transaction(async (manager) => {
          const document = await this.documents.store(
            { kind: 'invoice_pdf', filename: `${invoice.number}.pdf`, contentType: 'application/pdf', bytes },
            manager,
          );
          if (!(await this.invoices.attachDocument(manager, invoice.id, document.id))) throw new AlreadyRendered();
          if (invoice.runId) await this.invoices.markItemsDone(invoice.runId, [invoice.leaseId], manager);
        })
        .catch((error: unknown) => {
          if (!(error instanceof AlreadyRendered)) throw error;
        });
    }
  }
}

/** Rolls back a document stored for an invoice that got one meanwhile. */
class AlreadyRendered extends Error {}
