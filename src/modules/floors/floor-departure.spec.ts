import { leaseRunsAfterDeparture, roundOutlivesDeparture } from './floor-departure.js';

describe('floors that left the broedplaats', () => {
  it('refuse a lease that runs on or after the day the floor left', () => {
    expect(leaseRunsAfterDeparture({ startDate: '2012-01-01', endDate: null }, '2011-12-01')).toBe(true);
    expect(leaseRunsAfterDeparture({ startDate: '2011-01-01', endDate: '2011-12-01' }, '2011-12-01')).toBe(true);
    expect(leaseRunsAfterDeparture({ startDate: '2011-01-01', endDate: null }, '2011-12-01')).toBe(true);
  });

  it('allow a lease that ended before the floor left, and any lease on a floor that stays', () => {
    expect(leaseRunsAfterDeparture({ startDate: '2011-01-01', endDate: '2011-11-30' }, '2011-12-01')).toBe(false);
    expect(leaseRunsAfterDeparture({ startDate: '2012-01-01', endDate: null }, null)).toBe(false);
  });

  it('refuse a round on a floor that leaves before the round closes', () => {
    expect(roundOutlivesDeparture({ closesOn: '2014-01-31' }, '2011-12-01')).toBe(true);
    expect(roundOutlivesDeparture({ closesOn: '2011-12-01' }, '2011-12-01')).toBe(true);
    expect(roundOutlivesDeparture({ closesOn: '2011-11-30' }, '2011-12-01')).toBe(false);
    expect(roundOutlivesDeparture({ closesOn: '2014-01-31' }, null)).toBe(false);
  });
});
