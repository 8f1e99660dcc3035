import { availableParallelism } from 'node:os';
import { configSection } from '../../config/config.js';

export interface InvoicingConfig {
  paymentTermDays: number;
  chunkSize: number;
  monthlyRuns: boolean;
  /** Worker threads that render invoice PDFs and UBL; 0 renders on the main thread. */
  renderThreads: number;
  /** Whether issued invoices get a UBL e-invoice beside the PDF. */
  eInvoices: boolean;
}

declare module '../../config/config.js' {
  interface AppConfig {
    invoicing: InvoicingConfig;
  }
}

export const INVOICING_CONFIG = configSection({
  key: 'invoicing',
  env: ['INVOICE_PAYMENT_TERM_DAYS', 'INVOICE_CHUNK_SIZE', 'INVOICE_MONTHLY_RUNS', 'INVOICE_RENDER_THREADS', 'INVOICE_E_INVOICES'],
  read: (env) => ({
    paymentTermDays: env.integer('INVOICE_PAYMENT_TERM_DAYS', 14, 0, 90),
    chunkSize: env.integer('INVOICE_CHUNK_SIZE', 50, 1, 1000),
    monthlyRuns: env.boolean('INVOICE_MONTHLY_RUNS', false),
    renderThreads: env.integer('INVOICE_RENDER_THREADS', Math.min(availableParallelism(), 16), 0, 64),
    eInvoices: env.boolean('INVOICE_E_INVOICES', true),
  }),
});
