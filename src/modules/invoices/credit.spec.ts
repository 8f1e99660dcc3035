import fc from 'fast-check';
import { creditChangeOf, excessCents } from './credit.js';

describe('credit from payments', () => {
  it('adds only what a payment brings beyond the total', () => {
    expect(creditChangeOf({ totalCents: 17_411, paidCents: 0 }, { amountCents: 99_999, kind: 'payment' })).toBe(82_588);
    expect(creditChangeOf({ totalCents: 10_000, paidCents: 4000 }, { amountCents: 5000, kind: 'payment' })).toBe(0);
    expect(creditChangeOf({ totalCents: 10_000, paidCents: 12_000 }, { amountCents: 1000, kind: 'payment' })).toBe(1000);
  });

  it('takes back what a reversed payment had added, and returns credit whose use is reversed', () => {
    expect(
      creditChangeOf({ totalCents: 10_000, paidCents: 15_000 }, { amountCents: -15_000, kind: 'reversal', reversedKind: 'payment' }),
    ).toBe(-5000);
    expect(
      creditChangeOf({ totalCents: 10_000, paidCents: 10_000 }, { amountCents: -3000, kind: 'reversal', reversedKind: 'credit' }),
    ).toBe(3000);
  });

  it('keeps credit plus what is counted against totals equal to what was paid in', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.array(fc.integer({ min: 1, max: 50_000 }), { maxLength: 6 }),
        (totalCents, amounts) => {
          let paidCents = 0;
          let credit = 0;
          for (const amountCents of amounts) {
            credit += creditChangeOf({ totalCents, paidCents }, { amountCents, kind: 'payment' });
            paidCents += amountCents;
          }
          expect(credit).toBe(excessCents({ totalCents, paidCents }));
          // Reversing all of it, newest first, gives every cent of credit back.
          for (const amountCents of [...amounts].reverse()) {
            credit += creditChangeOf({ totalCents, paidCents }, { amountCents: -amountCents, kind: 'reversal', reversedKind: 'payment' });
            paidCents -= amountCents;
          }
          expect(credit).toBe(0);
        },
      ),
    );
  });
});
