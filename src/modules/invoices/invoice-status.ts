import type { InvoiceStatus } from './invoice.entity.js';

/**
 * An invoice is paid once its payments cover its total, open until then, and credited once a
 * credit note cancelled it, whatever was paid. A credit note (a negative total) is settled from
 * the start. Payments beyond the total stay paid: the surplus is the tenant's credit.
 */
export function invoiceStatus(invoice: { totalCents: number; paidCents: number; credited: boolean }): InvoiceStatus {
  if (invoice.credited) return 'credited';
  return invoice.paidCents >= invoice.totalCents ? 'paid' : 'open';
}
