import { loadConfig } from '../../config/config.js';
import { stepDueOn } from './dunning-rules.js';
import { DUNNING_CONFIG } from './dunning.config.js';

const stepDaysOf = (env: Record<string, string>) => loadConfig([DUNNING_CONFIG], env).dunning.stepDays;

describe('the reminder days', () => {
  it('are 14, 28 and 42 days past due unless configured', () => {
    expect(stepDaysOf({})).toEqual([14, 28, 42]);
  });

  it('follow the configuration, and the steps follow them', () => {
    const days = stepDaysOf({ DUNNING_FIRST_REMINDER_DAYS: '7', DUNNING_SECOND_REMINDER_DAYS: '21', DUNNING_FINAL_NOTICE_DAYS: '35' });
    expect(days).toEqual([7, 21, 35]);
    const fresh = { dueDate: '2012-03-15', lastStep: null, lastSentOn: null };
    expect(stepDueOn(fresh, '2012-03-21', days)).toBeNull();
    expect(stepDueOn(fresh, '2012-03-22', days)).toBe(1);
    expect(stepDueOn({ dueDate: '2012-03-15', lastStep: 1, lastSentOn: '2012-03-22' }, '2012-04-05', days)).toBe(2);
    expect(stepDueOn({ dueDate: '2012-03-15', lastStep: 2, lastSentOn: '2012-04-05' }, '2012-04-19', days)).toBe(3);
  });

  it('refuses days out of order or out of range, naming them', () => {
    expect(() => stepDaysOf({ DUNNING_FIRST_REMINDER_DAYS: '30' })).toThrow(/DUNNING_FIRST_REMINDER_DAYS < DUNNING_SECOND_REMINDER_DAYS/);
    expect(() => stepDaysOf({ DUNNING_FINAL_NOTICE_DAYS: '0' })).toThrow(/DUNNING_FINAL_NOTICE_DAYS/);
  });
});
