import { runPeriodRefusal } from './run-period.js';

const building = { useStart: '2007-06-15', useEnd: '2013-07-01' };

describe('the months an invoice run may cover', () => {
  it('are the months of the building’s use up to one month ahead', () => {
    expect(runPeriodRefusal('2007-06', building, '2011-10-20')).toBeNull();
    expect(runPeriodRefusal('2011-10', building, '2011-10-20')).toBeNull();
    expect(runPeriodRefusal('2011-11', building, '2011-10-20')).toBeNull();
    expect(runPeriodRefusal('2013-07', building, '2013-06-20')).toBeNull();
    expect(runPeriodRefusal('2012-02', building, '2012-01-31')).toBeNull();
  });

  it('refuse a month before the use, after it, or more than one month ahead, saying why', () => {
    expect(runPeriodRefusal('2007-05', building, '2011-10-20')).toEqual({ reason: 'before_use', useStart: '2007-06-15' });
    expect(runPeriodRefusal('2013-08', building, '2013-07-20')).toEqual({ reason: 'after_use', useEnd: '2013-07-01' });
    expect(runPeriodRefusal('2011-12', building, '2011-10-20')).toEqual({ reason: 'too_far_ahead', latest: '2011-11' });
    expect(runPeriodRefusal('2012-06', { useStart: '2007-01-01', useEnd: null }, '2011-10-20')).toEqual({
      reason: 'too_far_ahead',
      latest: '2011-11',
    });
  });
});
