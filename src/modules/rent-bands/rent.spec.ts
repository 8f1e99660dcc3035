import fc from 'fast-check';
import { divideRoundHalfUp } from '../../common/money.js';
import { assessmentValidUntil, chooseBand, DEFAULT_BANDS, indexedRate, monthlyRentCents, schemeProblems } from './rent.js';

describe('rent maths', () => {
  it('charges 25 m² in band A €125.00 a month', () => {
    expect(monthlyRentCents(25, 6000)).toBe(12_500);
  });

  it('rounds half up, once', () => {
    // 10.05 m² × €80 / 12 = 6,700 cents exactly; 10.01 m² × 6000 / 12 = 5,005 cents exactly.
    expect(monthlyRentCents(10.05, 8000)).toBe(6_700);
    expect(monthlyRentCents(10.01, 6000)).toBe(5_005);
    // 1 m² × 11000 / 12 = 916.67 → 917; 0.03 m² × 6000 / 12 = 15; 0.01 m² × 6000 / 12 = 5
    expect(monthlyRentCents(1, 11000)).toBe(917);
    expect(monthlyRentCents(0.01, 6000)).toBe(5);
    // 0.01 m² × 8000 / 12 = 6.666… → 7; 0.03 m² × 50 / 12 = 0.125 → 0; 0.06 × 50 / 12 = 0.25 → 0; 0.12 × 50/12 = 0.5 → 1
    expect(monthlyRentCents(0.01, 8000)).toBe(7);
    expect(monthlyRentCents(0.12, 50)).toBe(1);
    expect(monthlyRentCents(0.06, 50)).toBe(0);
  });

  it('agrees with exact rational arithmetic for any area and rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 100_000 }), (hundredths, rate) => {
        const exact = (BigInt(hundredths) * BigInt(rate) * 2n + 1200n) / 2400n;
        expect(monthlyRentCents(hundredths / 100, rate)).toBe(Number(exact));
      }),
    );
  });

  it('rounds negative amounts half away from zero, mirroring positive ones', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 10_000 }), (numerator, denominator) => {
        expect(divideRoundHalfUp(-numerator, denominator)).toBe(-divideRoundHalfUp(numerator, denominator) || 0);
        const result = divideRoundHalfUp(numerator, denominator);
        expect(Math.abs(result * denominator - numerator) * 2).toBeLessThanOrEqual(denominator);
      }),
    );
  });

  it('puts an income equal to a limit in that band, one cent more in the next', () => {
    expect(chooseBand(DEFAULT_BANDS, 0).code).toBe('A');
    expect(chooseBand(DEFAULT_BANDS, 2_500_000).code).toBe('A');
    expect(chooseBand(DEFAULT_BANDS, 2_500_001).code).toBe('B');
    expect(chooseBand(DEFAULT_BANDS, 3_815_000).code).toBe('B');
    expect(chooseBand(DEFAULT_BANDS, 3_815_001).code).toBe('C');
    expect(chooseBand(DEFAULT_BANDS, 1e12).code).toBe('C');
  });

  it('never gives a higher income a cheaper band', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.nat(10_000_000), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(chooseBand(DEFAULT_BANDS, low).ratePerM2YearCents).toBeLessThanOrEqual(chooseBand(DEFAULT_BANDS, high).ratePerM2YearCents);
      }),
    );
  });

  it('indexes a rate by a percentage, rounding half up', () => {
    expect(indexedRate(6000, 2.5)).toBe(6150);
    expect(indexedRate(8000, 0)).toBe(8000);
    expect(indexedRate(11000, 1.33)).toBe(11146); // 11146.3
    expect(indexedRate(6001, 2.5)).toBe(6151); // 6151.025
    expect(indexedRate(6010, 2.5)).toBe(6160); // 6160.25
    expect(indexedRate(6020, 2.5)).toBe(6171); // 6170.5 → 6171
  });

  const rate = fc.integer({ min: 1, max: 1_000_000 });
  /** CPI changes as the API takes them: −50% to +100%, two decimals. */
  const percent = fc.integer({ min: -5000, max: 10000 }).map((hundredths) => hundredths / 100);

  it('indexes to the exact product rounded half up, never off by more than half a cent', () => {
    fc.assert(
      fc.property(rate, percent, (cents, change) => {
        const exact = BigInt(cents) * BigInt(10_000 + Math.round(change * 100));
        const floor = exact / 10_000n;
        expect(BigInt(indexedRate(cents, change))).toBe(exact % 10_000n >= 5_000n ? floor + 1n : floor);
      }),
    );
  });

  it('never lowers a rate by a rise, nor makes a higher rate cheaper than a lower one', () => {
    fc.assert(
      fc.property(rate, rate, percent, (a, b, change) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(indexedRate(low, change)).toBeLessThanOrEqual(indexedRate(high, change));
        if (change >= 0) expect(indexedRate(a, change)).toBeGreaterThanOrEqual(a);
        else expect(indexedRate(a, change)).toBeLessThanOrEqual(a);
      }),
    );
  });

  it('keeps an assessment valid until the end of the year after its basis year', () => {
    expect(assessmentValidUntil(2011)).toBe('2012-12-31');
  });

  it('accepts the default scheme and names what is wrong with a bad one', () => {
    expect(schemeProblems(DEFAULT_BANDS)).toEqual([]);
    expect(
      schemeProblems([
        { code: 'A', name: 'a', ratePerM2YearCents: 1, maxIncomeCents: 100 },
        { code: 'A', name: 'b', ratePerM2YearCents: 2, maxIncomeCents: 50 },
        { code: 'C', name: 'c', ratePerM2YearCents: 3, maxIncomeCents: 10 },
      ]),
    ).toEqual([
      'band codes must be unique',
      'income limits must rise from band to band (A)',
      'the last band (C) must have no income limit',
      'income limits must rise from band to band (C)',
    ]);
  });
});
