import { daysInclusive, periodRange } from './dates.js';

describe('dates', () => {
  it('reads a period as a year or a month', () => {
    expect(periodRange('2012')).toEqual({ first: '2012-01-01', last: '2012-12-31' });
    expect(periodRange('2012-02')).toEqual({ first: '2012-02-01', last: '2012-02-29' });
  });

  it('counts days with both ends included', () => {
    expect(daysInclusive('2012-03-10', '2012-03-31')).toBe(22);
    expect(daysInclusive('2012-01-01', '2012-12-31')).toBe(366);
    expect(daysInclusive('2012-03-24', '2012-03-26')).toBe(3); // across the change to summer time
  });
});
