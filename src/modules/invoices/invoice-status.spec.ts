import fc from 'fast-check';
import { invoiceStatus, statusOn } from './invoice-status.js';

describe('invoice status', () => {
  it('is open until the payments cover the total, paid from then on, credited once credited', () => {
    expect(invoiceStatus({ totalCents: 12500, paidCents: 0, credited: false })).toBe('open');
    expect(invoiceStatus({ totalCents: 12500, paidCents: 12499, credited: false })).toBe('open');
    expect(invoiceStatus({ totalCents: 12500, paidCents: 12500, credited: false })).toBe('paid');
    expect(invoiceStatus({ totalCents: 12500, paidCents: 20000, credited: false })).toBe('paid');
    expect(invoiceStatus({ totalCents: 12500, paidCents: 5000, credited: true })).toBe('credited');
  });

  it('settles a credit note, whose total is negative, from the start', () => {
    expect(invoiceStatus({ totalCents: -12500, paidCents: 0, credited: false })).toBe('paid');
  });

  const total = fc.integer({ min: 1, max: 10_000_000 });
  const payments = fc.array(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 20 });

  it('is paid exactly when the payments add up to at least the total', () => {
    fc.assert(
      fc.property(total, payments, (totalCents, amounts) => {
        const paidCents = amounts.reduce((sum, amount) => sum + amount, 0);
        expect(invoiceStatus({ totalCents, paidCents, credited: false }) === 'paid').toBe(paidCents >= totalCents);
      }),
    );
  });

  it('never goes back from paid to open as payments come in', () => {
    fc.assert(
      fc.property(total, payments, (totalCents, amounts) => {
        let paidCents = 0;
        let wasPaid = false;
        for (const amount of amounts) {
          paidCents += amount;
          const status = invoiceStatus({ totalCents, paidCents, credited: false });
          if (wasPaid) expect(status).toBe('paid');
          wasPaid = status === 'paid';
        }
      }),
    );
  });

  it('is credited once credited, whatever was paid', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.nat(20_000_000), (totalCents, paidCents) => {
        expect(invoiceStatus({ totalCents, paidCents, credited: true })).toBe('credited');
      }),
    );
  });

  it('reads as overdue on a day only for an invoice still open after its due date, never a credit note', () => {
    const invoice = { kind: 'invoice' as const, status: 'open' as const, dueDate: '2012-03-14' };
    expect(statusOn(invoice, '2012-03-14')).toBe('open');
    expect(statusOn(invoice, '2012-03-15')).toBe('overdue');
    expect(statusOn({ ...invoice, status: 'paid' }, '2012-04-01')).toBe('paid');
    expect(statusOn({ ...invoice, kind: 'credit_note' }, '2012-04-01')).toBe('open');
  });
});
