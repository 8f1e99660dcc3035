import fc from 'fast-check';
import { periodRange } from '../../common/dates.js';
import { daysInYear, daysOwnedInUse, daysWithin, interestPerYear, ownerBalance, prorateYear } from './balance.js';

describe('owner balance maths', () => {
  it('counts the days of a year within a period, ends included', () => {
    expect(daysInYear(2012)).toBe(366);
    expect(daysWithin(periodRange('2012'), '2007-06-01', '2013-07-01')).toBe(366);
    expect(daysWithin(periodRange('2007'), '2007-06-01', '2013-07-01')).toBe(214); // June–December
    expect(daysWithin(periodRange('2013'), '2007-06-01', '2013-07-01')).toBe(182); // 1 January – 1 July
    expect(daysWithin(periodRange('2014'), '2007-06-01', '2013-07-01')).toBe(0);
    expect(daysWithin(periodRange('2012'), '2011-12-01', null)).toBe(366);
  });

  it('counts the days each owner held the building in use: the seller until the transfer date, the buyer from it', () => {
    const use = { useStart: '2007-06-01', useEnd: '2013-07-01' };
    const seller = [{ ownedFrom: '2007-06-01', ownedTo: '2011-12-01' }];
    const buyer = [{ ownedFrom: '2011-12-01', ownedTo: null }];
    expect(daysOwnedInUse(periodRange('2011'), use, seller)).toBe(334); // 1 January – 30 November
    expect(daysOwnedInUse(periodRange('2011'), use, buyer)).toBe(31);
    expect(daysOwnedInUse(periodRange('2012-06'), use, buyer)).toBe(30);
    expect(daysOwnedInUse(periodRange('2012'), use, seller)).toBe(0);
    expect(daysOwnedInUse(periodRange('2011-11'), use, buyer)).toBe(0);
    expect(daysOwnedInUse(periodRange('2013'), use, buyer)).toBe(182); // until the end of use
    expect(daysOwnedInUse(periodRange('2007'), use, [{ ownedFrom: '2001-01-01', ownedTo: null }])).toBe(214); // from the start of use
    // Sold and bought back: both periods count.
    const twice = [
      { ownedFrom: '2008-01-01', ownedTo: '2008-03-01' },
      { ownedFrom: '2008-10-01', ownedTo: null },
    ];
    expect(daysOwnedInUse(periodRange('2008'), use, twice)).toBe(60 + 92);
  });

  it('gives each day of a sold year to exactly one owner', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 365 }), (offset) => {
        const use = { useStart: '2011-01-01', useEnd: null };
        const transfer = new Date(Date.UTC(2011, 0, 1 + offset)).toISOString().slice(0, 10);
        const seller = daysOwnedInUse(periodRange('2011'), use, [{ ownedFrom: '2011-01-01', ownedTo: transfer }]);
        const buyer = daysOwnedInUse(periodRange('2011'), use, [{ ownedFrom: transfer, ownedTo: null }]);
        expect(seller + buyer).toBe(365);
        expect(seller).toBe(offset);
      }),
    );
  });

  it('prorates a yearly amount by days, rounding half up once', () => {
    expect(prorateYear(1_000_000, 366, 2012)).toBe(1_000_000);
    expect(prorateYear(1_000_000, 214, 2007)).toBe(586_301); // 586,301.37
    expect(prorateYear(365, 1, 2011)).toBe(1);
    expect(prorateYear(1, 183, 2011)).toBe(1); // 0.5014 → 1
    expect(prorateYear(1, 182, 2011)).toBe(0); // 0.4986 → 0
  });

  it('computes interest per year from principal and basis points', () => {
    expect(interestPerYear(1_000_000_000, 450)).toBe(45_000_000); // €10 million at 4.5% = €450,000
    expect(interestPerYear(333, 150)).toBe(5); // 4.995 → 5
  });

  it('compares rent income with interest cost: rent ≈ interest at the Volkskrantgebouw', () => {
    const finance = { headLeaseRentYearCents: 45_000_000, loanPrincipalCents: 1_000_000_000, interestRateBps: 450 };
    expect(ownerBalance(finance, 366, 2012)).toEqual({ rentIncomeCents: 45_000_000, interestCostCents: 45_000_000, balanceCents: 0 });
  });

  it('never prorates to more than the whole year, and the parts of a split year add up within a cent each', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e10 }),
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 364 }),
        (amount, year, split) => {
          const days = daysInYear(year);
          const whole = prorateYear(amount, days, year);
          expect(whole).toBe(amount);
          const parts = prorateYear(amount, split, year) + prorateYear(amount, days - split, year);
          expect(Math.abs(parts - amount)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
