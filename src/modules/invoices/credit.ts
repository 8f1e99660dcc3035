import type { PaymentKind } from './invoice.entity.js';

/** What was paid on an invoice beyond its total: the part that belongs to the tenant's credit balance. */
export function excessCents(invoice: { totalCents: number; paidCents: number }): number {
  return Math.max(0, invoice.paidCents - invoice.totalCents);
}

/**
 * How much the tenant's credit balance moves when a row of `amountCents` (signed) is booked on an
 * invoice: by the change in what is paid beyond the total, and, for the reversal of a use of credit,
 * by the credit that comes back.
 */
export function creditChangeOf(
  invoice: { totalCents: number; paidCents: number },
  booking: { amountCents: number; kind: PaymentKind; reversedKind?: PaymentKind },
): number {
  const excessChange = excessCents({ ...invoice, paidCents: invoice.paidCents + booking.amountCents }) - excessCents(invoice);
  const creditReturned = booking.kind === 'reversal' && booking.reversedKind === 'credit' ? -booking.amountCents : 0;
  return excessChange + creditReturned;
}
