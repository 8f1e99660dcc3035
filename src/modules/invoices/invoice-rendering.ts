import { type InvoiceDocumentData, renderInvoicePdf } from './invoice-pdf.js';
import { renderUbl, type UblInvoiceData } from './ubl/ubl-invoice.js';

/** An invoice's documents to make: its PDF, and its UBL e-invoice when it gets one. */
export interface InvoiceRenderInput {
  pdf: InvoiceDocumentData;
  ubl: UblInvoiceData | null;
}

export interface InvoiceRenderOutput {
  pdf: Uint8Array;
  xml: string | null;
}

/** Pure: the PDF and UBL of one invoice. Runs in a render thread, or in the caller's when there is none. */
export async function renderInvoiceDocuments(input: InvoiceRenderInput): Promise<InvoiceRenderOutput> {
  const pdf = await renderInvoicePdf(input.pdf);
  return { pdf, xml: input.ubl ? renderUbl(input.ubl) : null };
}
