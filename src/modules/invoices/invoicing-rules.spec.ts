import fc from 'fast-check';
import { monthlyRentCents } from '../rent-bands/rent.js';
import { daysInclusive, periodRange } from '../../common/dates.js';
import { chargesFor, totalsOf } from './charges.js';
import { betalingskenmerk, checkDigit, invoiceNumber, isValidBetalingskenmerk, paymentReferenceOf } from './payment-reference.js';

const lease = {
  startDate: '2012-01-01',
  endDate: '2013-06-30',
  areaM2: 25,
  spaceCode: '3.14',
  serviceChargeMonthlyCents: 3000,
  vatRegime: 'exempt' as const,
  revisions: [{ effectiveDate: '2012-01-01', ratePerM2YearCents: 6000, bandCode: 'A' }],
};

describe('betalingskenmerk', () => {
  it('computes the weighted mod-11 check digit from the rightmost digit', () => {
    // Σ over 000000000000001 = 1 × 2 = 2 → 11 − 2 = 9
    expect(checkDigit('000000000000001')).toBe(9);
    // all zeros: Σ = 0 → 11 → 0
    expect(checkDigit('000000000000000')).toBe(0);
    // 1 × weight 10 (fifth from the right): Σ = 10 → 11 − 10 = 1
    expect(checkDigit('000000000010000')).toBe(1);
    // 1 × weight 1 (tenth from the right) → 11 − 1 = 10 → 1
    expect(checkDigit('000001000000000')).toBe(1);
    // 2 × weight 5 (fourth) + 3 × weight 2 (first) = 16 → 16 mod 11 = 5 → 6
    expect(checkDigit('000000000002003')).toBe(6);
  });

  it('makes 16-digit references that validate, and catches any single changed digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{15}$/), fc.nat(14), fc.integer({ min: 1, max: 9 }), (digits, position, delta) => {
        const reference = betalingskenmerk(digits);
        expect(reference).toMatch(/^\d{16}$/);
        expect(isValidBetalingskenmerk(reference)).toBe(true);
        const changed = digits.slice(0, position) + ((Number(digits[position]) + delta) % 10) + digits.slice(position + 1);
        // Weighted mod 11 detects every single-digit error except where the check digit folds 10 → 1 or 11 → 0.
        if (checkDigit(changed) === checkDigit(digits)) expect([0, 1]).toContain(checkDigit(digits));
      }),
    );
  });

  it('builds a unique reference from series, year and number', () => {
    expect(paymentReferenceOf(1, 2012, 123)).toBe(betalingskenmerk('000012012000123'));
    expect(paymentReferenceOf(1, 2012, 123)).not.toBe(paymentReferenceOf(2, 2012, 123));
    expect(invoiceNumber('VKG', 2012, 123)).toBe('VKG-2012-000123');
  });
});

describe('monthly charges', () => {
  it('charges a full month at the monthly rent and the service charge, VAT-exempt', () => {
    const lines = chargesFor(lease, '2012-03');
    expect(lines.map((line) => [line.kind, line.periodStart, line.periodEnd, line.amountExVatCents, line.vatCents])).toEqual([
      ['rent', '2012-03-01', '2012-03-31', 12_500, 0],
      ['service_charge', '2012-03-01', '2012-03-31', 3000, 0],
    ]);
    expect(totalsOf(lines)).toEqual({ totalExVatCents: 15_500, vatCents: 0, totalCents: 15_500 });
  });

  it('prorates a partial month by days from the unrounded amount, rounding once', () => {
    // Starts 2012-02-15: 15 of 29 days. 25 × 6000 / 12 × 15/29 = 6465.517… → 6466; 3000 × 15/29 = 1551.72… → 1552
    const lines = chargesFor({ ...lease, startDate: '2012-02-15' }, '2012-02');
    expect(lines.map((line) => line.amountExVatCents)).toEqual([6466, 1552]);
    // Ends 2013-06-30 (a full June); nothing in July.
    expect(chargesFor(lease, '2013-06')[0]!.amountExVatCents).toBe(12_500);
    expect(chargesFor(lease, '2013-07')).toEqual([]);
  });

  it('splits the rent at a revision inside the month', () => {
    const revised = { ...lease, revisions: [...lease.revisions, { effectiveDate: '2012-04-16', ratePerM2YearCents: 6150, bandCode: 'A' }] };
    const rent = chargesFor(revised, '2012-04').filter((line) => line.kind === 'rent');
    // 15 days at 6000: 12500 × 15/30 = 6250; 15 days at 6150: 25 × 6150 / 12 × 15/30 = 6406.25 → 6406
    expect(rent.map((line) => [line.periodStart, line.periodEnd, line.amountExVatCents])).toEqual([
      ['2012-04-01', '2012-04-15', 6250],
      ['2012-04-16', '2012-04-30', 6406],
    ]);
  });

  it('adds 21% VAT per line for a taxed lease', () => {
    const lines = chargesFor({ ...lease, areaM2: 10.01, vatRegime: 'standard' }, '2012-03');
    // 10.01 × 6000 / 12 = 5005; VAT 1051.05 → 1051; service 3000 → VAT 630
    expect(lines.map((line) => [line.amountExVatCents, line.vatRateBps, line.vatCents])).toEqual([
      [5005, 2100, 1051],
      [3000, 2100, 630],
    ]);
  });

  it('charges a full month exactly the monthly rent, and never more for fewer days', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 100, max: 50_000 }),
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (hundredths, rate, year, month, startDay) => {
          const period = `${year}-${String(month).padStart(2, '0')}`;
          const { first, last } = periodRange(period);
          const days = daysInclusive(first, last);
          const areaM2 = hundredths / 100;
          const base = {
            ...lease,
            areaM2,
            serviceChargeMonthlyCents: 0,
            startDate: first,
            endDate: null,
            revisions: [{ effectiveDate: '1999-01-01', ratePerM2YearCents: rate, bandCode: 'A' }],
          };
          expect(chargesFor(base, period)[0]!.amountExVatCents).toBe(monthlyRentCents(areaM2, rate));
          const start = `${period}-${String(Math.min(startDay, days)).padStart(2, '0')}`;
          const partial = chargesFor({ ...base, startDate: start }, period)[0]!.amountExVatCents;
          expect(partial).toBeLessThanOrEqual(monthlyRentCents(areaM2, rate));
        },
      ),
    );
  });
});
