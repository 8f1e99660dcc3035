import type { InvoiceKind, InvoiceStatus } from './invoice.entity.js';

/**
 * An invoice is paid once its payments cover its total, open until then, and credited once a
 * credit note cancelled it, whatever was paid. A credit note (a negative total) is settled from
 * the start. Payments beyond the total stay paid: the surplus is the tenant's credit.
 */
export function invoiceStatus(invoice: { totalCents: number; paidCents: number; credited: boolean }): InvoiceStatus {
  if (invoice.credited) return 'credited';
  return invoice.paidCents >= invoice.totalCents ? 'paid' : 'open';
}

/**
 * The status a reader sees on a day: an invoice (never a credit note) still open after its due date is
 * `overdue`; otherwise its stored status. The invoice list's `?status=overdue` filter asks the same in SQL.
 */
export function statusOn(invoice: { kind: InvoiceKind; status: InvoiceStatus; dueDate: string }, today: string): InvoiceStatus | 'overdue' {
  return invoice.kind === 'invoice' && invoice.status === 'open' && invoice.dueDate < today ? 'overdue' : invoice.status;
}
