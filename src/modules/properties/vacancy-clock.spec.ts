import fc from 'fast-check';
import { addMonths } from '../../common/dates.js';
import { isOverdue, monthsBetween, rulesInForceOn, type VacancyRules, vacancyDeadlines } from './vacancy-clock.js';

const AMSTERDAM_2011: VacancyRules = {
  city: 'Amsterdam',
  validFrom: '2011-07-01',
  useCategories: ['office'],
  reportAfterMonths: 6,
  consultationWithinMonths: 3,
  nominationAfterMonths: 12,
  fineTiers: [],
};
const AMSTERDAM_2022: VacancyRules = {
  city: 'Amsterdam',
  validFrom: '2022-07-01',
  useCategories: ['office', 'retail', 'industrial'],
  reportAfterMonths: 6,
  consultationWithinMonths: 2,
  nominationAfterMonths: 12,
  fineTiers: [{ offence: 'not-reporting', useCategory: 'office', amountCents: 750_000 }],
};
const RULES = [AMSTERDAM_2022, AMSTERDAM_2011];

const office = (vacantSince: string, reportedOn: string | null = null) => ({
  city: 'Amsterdam',
  useCategory: 'office',
  vacantSince,
  reportedOn,
});

const day = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe('the statutory vacancy clock', () => {
  it('makes the report due six months after the vacancy began, with the 2022 fine for an office', () => {
    expect(vacancyDeadlines(office('2026-03-15'), RULES)).toMatchObject({
      reportDueOn: '2026-09-15',
      reportFineCents: 750_000,
      nominationFrom: '2027-03-15',
    });
  });

  it('gives the consultation the months of the version in force on the day of the report', () => {
    expect(vacancyDeadlines(office('2021-10-01', '2022-05-01'), RULES).consultationDueOn).toBe('2022-08-01');
    expect(vacancyDeadlines(office('2021-10-01', '2022-07-01'), RULES).consultationDueOn).toBe('2022-09-01');
  });

  it('counts a vacancy older than the first bylaw from the day it came into force', () => {
    expect(vacancyDeadlines(office('2009-01-01'), RULES).reportDueOn).toBe('2012-01-01');
  });

  it('sets nothing due for a use the bylaw does not cover', () => {
    expect(vacancyDeadlines({ ...office('2015-01-01'), useCategory: 'retail' }, RULES)).toMatchObject({
      reportDueOn: null,
      reportRules: null,
    });
    expect(vacancyDeadlines({ ...office('2023-01-01'), useCategory: 'retail' }, RULES).reportDueOn).toBe('2023-07-01');
    expect(vacancyDeadlines({ ...office('2023-01-01'), city: 'Utrecht' }, RULES).reportDueOn).toBeNull();
  });

  it('ends at the end of a shorter month', () => {
    expect(vacancyDeadlines(office('2023-08-31'), RULES).reportDueOn).toBe('2024-02-29');
    expect(vacancyDeadlines(office('2022-08-31'), RULES).reportDueOn).toBe('2023-02-28');
  });

  it('is overdue the day after it is due', () => {
    expect(isOverdue('2026-09-15', '2026-09-15')).toBe(false);
    expect(isOverdue('2026-09-15', '2026-09-16')).toBe(true);
    expect(isOverdue(null, '2040-01-01')).toBe(false);
  });

  it('counts whole months vacant', () => {
    expect(monthsBetween('2026-01-31', '2026-02-28')).toBe(0);
    expect(monthsBetween('2026-01-15', '2026-07-15')).toBe(6);
    expect(monthsBetween('2026-01-15', '2026-07-14')).toBe(5);
  });

  describe('properties', () => {
    it('a due date falls in the right month, on the same day or the last of a shorter month', () => {
      fc.assert(
        fc.property(day, fc.integer({ min: 1, max: 36 }), (since, months) => {
          const rules = [{ ...AMSTERDAM_2011, validFrom: '2000-01-01', reportAfterMonths: months }];
          const due = vacancyDeadlines(office(since), rules).reportDueOn!;
          const [y, m, d] = since.split('-').map(Number) as [number, number, number];
          const target = new Date(Date.UTC(y, m - 1 + months, 1));
          expect(due.slice(0, 7)).toBe(target.toISOString().slice(0, 7));
          const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
          expect(Number(due.slice(8))).toBe(Math.min(d, lastDay));
        }),
      );
    });

    // A change is a version after one already in force (the first bylaw itself governs older vacancies from its own start).
    it('a version that comes into force during a vacancy never moves its report date', () => {
      fc.assert(
        fc.property(day, fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 24 }), (since, daysLater, months) => {
          const before = vacancyDeadlines(office(since), RULES);
          const from = since > AMSTERDAM_2011.validFrom ? since : AMSTERDAM_2011.validFrom;
          const start = new Date(Date.parse(`${from}T00:00:00Z`) + daysLater * 86_400_000).toISOString().slice(0, 10);
          const changed = [...RULES, { ...AMSTERDAM_2022, validFrom: start, reportAfterMonths: months, fineTiers: [] }];
          const after = vacancyDeadlines(office(since), changed);
          expect(after.reportDueOn).toBe(before.reportDueOn);
          expect(after.nominationFrom).toBe(before.nominationFrom);
        }),
      );
    });

    it('recomputing gives the same dates, whatever the order of the versions', () => {
      fc.assert(
        fc.property(day, fc.option(fc.integer({ min: 0, max: 800 }), { nil: null }), (since, reportedAfter) => {
          const reportedOn =
            reportedAfter === null
              ? null
              : new Date(Date.parse(`${since}T00:00:00Z`) + reportedAfter * 86_400_000).toISOString().slice(0, 10);
          const facts = office(since, reportedOn);
          const first = vacancyDeadlines(facts, RULES);
          expect(vacancyDeadlines(facts, [...RULES].reverse())).toEqual(first);
          expect(vacancyDeadlines({ ...facts }, RULES)).toEqual(first);
        }),
      );
    });

    it('the report is never due before the vacancy began nor before the bylaw applied', () => {
      fc.assert(
        fc.property(day, (since) => {
          const { reportDueOn, reportRules } = vacancyDeadlines(office(since), RULES);
          expect(reportDueOn! > since).toBe(true);
          expect(reportDueOn! >= addMonths(reportRules!.validFrom, reportRules!.reportAfterMonths) || since >= reportRules!.validFrom).toBe(
            true,
          );
          expect(rulesInForceOn(RULES, 'amsterdam', since)?.validFrom ?? null).toBe(
            since >= '2022-07-01' ? '2022-07-01' : since >= '2011-07-01' ? '2011-07-01' : null,
          );
        }),
      );
    });
  });
});
