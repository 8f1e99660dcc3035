import { configSection } from '../../config/config.js';

export interface InvoicingConfig {
  paymentTermDays: number;
  chunkSize: number;
  monthlyRuns: boolean;
}

declare module '../../config/config.js' {
  interface AppConfig {
    invoicing: InvoicingConfig;
  }
}

export const INVOICING_CONFIG = configSection({
  key: 'invoicing',
  env: ['INVOICE_PAYMENT_TERM_DAYS', 'INVOICE_CHUNK_SIZE', 'INVOICE_MONTHLY_RUNS'],
  read: (env) => ({
    paymentTermDays: env.integer('INVOICE_PAYMENT_TERM_DAYS', 14, 0, 90),
    chunkSize: env.integer('INVOICE_CHUNK_SIZE', 50, 1, 1000),
    monthlyRuns: env.boolean('INVOICE_MONTHLY_RUNS', false),
  }),
});
