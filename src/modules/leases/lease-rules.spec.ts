import { earliestEndAfterNotice, leaseStatus, rateOn, standardVatProblems } from './lease-rules.js';

describe('lease rules', () => {
  it('tells upcoming, active and ended leases apart, the end day included', () => {
    const lease = { startDate: '2012-01-01', endDate: '2012-12-31' };
    expect(leaseStatus(lease, '2011-12-31')).toBe('upcoming');
    expect(leaseStatus(lease, '2012-01-01')).toBe('active');
    expect(leaseStatus(lease, '2012-12-31')).toBe('active');
    expect(leaseStatus(lease, '2013-01-01')).toBe('ended');
    expect(leaseStatus({ startDate: '2012-01-01', endDate: null }, '2099-01-01')).toBe('active');
  });

  it('allows 21% VAT only with a VAT number, at least 90% taxed use and no KOR', () => {
    expect(standardVatProblems({ vatNumber: 'NL000099998B57', taxableUsePercent: 90, smallBusinessScheme: false })).toEqual([]);
    expect(standardVatProblems({ vatNumber: null, taxableUsePercent: 95, smallBusinessScheme: false }).map((p) => p.field)).toEqual([
      'tenantId',
    ]);
    expect(standardVatProblems({ vatNumber: 'NL1', taxableUsePercent: 89, smallBusinessScheme: false }).map((p) => p.field)).toEqual([
      'taxableUsePercent',
    ]);
    expect(standardVatProblems({ vatNumber: 'NL1', taxableUsePercent: 100 }).map((p) => p.field)).toEqual(['smallBusinessScheme']);
    expect(standardVatProblems({ vatNumber: 'NL1', taxableUsePercent: 100, smallBusinessScheme: true })).toHaveLength(1);
  });

  it('counts the notice period in calendar months, clamped to the month’s end', () => {
    expect(earliestEndAfterNotice('2012-03-15', 1)).toBe('2012-04-15');
    expect(earliestEndAfterNotice('2012-01-31', 1)).toBe('2012-02-29');
    expect(earliestEndAfterNotice('2012-11-30', 3)).toBe('2013-02-28');
  });

  it('finds the rate in force on a day from dated revisions', () => {
    const revisions = [
      { effectiveDate: '2012-01-01', ratePerM2YearCents: 6000, bandCode: 'A' },
      { effectiveDate: '2013-01-01', ratePerM2YearCents: 6150, bandCode: 'A' },
      { effectiveDate: '2012-07-01', ratePerM2YearCents: 8000, bandCode: 'B' },
    ];
    expect(rateOn(revisions, '2011-12-31')).toBeNull();
    expect(rateOn(revisions, '2012-06-30')?.ratePerM2YearCents).toBe(6000);
    expect(rateOn(revisions, '2012-07-01')?.bandCode).toBe('B');
    expect(rateOn(revisions, '2013-05-01')?.ratePerM2YearCents).toBe(6150);
  });
});
