import { addMonths } from '../../common/dates.js';

/** A fine the rule set threatens: for which offence, for which use category (null: any), how much. */
export interface FineTier {
  offence: 'not-reporting' | 'not-consulting' | 'refusing-user';
  useCategory: string | null;
  amountCents: number;
}

/** One version of a municipality's vacancy bylaw (leegstandverordening), in force from `validFrom` until the next. */
export interface VacancyRules {
  city: string;
  validFrom: string;
  /** The use categories it covers (office, retail …). */
  useCategories: readonly string[];
  reportAfterMonths: number;
  consultationWithinMonths: number;
  nominationAfterMonths: number;
  fineTiers: readonly FineTier[];
}

export interface VacancyFacts {
  city: string;
  useCategory: string;
  vacantSince: string;
  /** The day the owner filed the report, if it did. */
  reportedOn: string | null;
}

export interface VacancyDeadlines {
  /** The rule set that governs the report (null: no bylaw covers this vacancy). */
  reportRules: VacancyRules | null;
  reportDueOn: string | null;
  /** The mayor may nominate a user from this day. */
  nominationFrom: string | null;
  /** The fine for not reporting by `reportDueOn`, in cents (null: none set). */
  reportFineCents: number | null;
  /** The rule set in force on the day of the report; the consultation is due by then. */
  consultationRules: VacancyRules | null;
  consultationDueOn: string | null;
}

function ofCity(rules: readonly VacancyRules[], city: string): VacancyRules[] {
  return rules
    .filter((rule) => rule.city.toLowerCase() === city.toLowerCase())
    .sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
}

/** The version of the city's bylaw in force on `day`: the latest that started on or before it. */
export function rulesInForceOn(rules: readonly VacancyRules[], city: string, day: string): VacancyRules | null {
  return (
    ofCity(rules, city)
      .filter((rule) => rule.validFrom <= day)
      .at(-1) ?? null
  );
}

/**
 * The deadlines of a vacancy, each by the bylaw in force on its relevant day: the report and a
 * nomination by the version in force when the vacancy began (a later version applies from its own
 * start only, so it never moves a running vacancy's report date); the consultation by the version in
 * force on the day of the report. A vacancy older than the first version counts from that version's
 * first day, never before it. Pure: the same facts and rules give the same dates, in any order.
 */
export function vacancyDeadlines(facts: VacancyFacts, rules: readonly VacancyRules[]): VacancyDeadlines {
  const versions = ofCity(rules, facts.city);
  const governing = rulesInForceOn(versions, facts.city, facts.vacantSince) ?? versions[0] ?? null;
  const covered = governing !== null && governing.useCategories.includes(facts.useCategory);
  const countFrom = governing && governing.validFrom > facts.vacantSince ? governing.validFrom : facts.vacantSince;
  const reportRules = covered ? governing : null;
  const consultationRules = facts.reportedOn === null ? null : rulesInForceOn(versions, facts.city, facts.reportedOn);
  return {
    reportRules,
    reportDueOn: reportRules ? addMonths(countFrom, reportRules.reportAfterMonths) : null,
    nominationFrom: reportRules ? addMonths(countFrom, reportRules.nominationAfterMonths) : null,
    reportFineCents: reportRules ? fineFor(reportRules, 'not-reporting', facts.useCategory) : null,
    consultationRules,
    consultationDueOn:
      consultationRules && facts.reportedOn ? addMonths(facts.reportedOn, consultationRules.consultationWithinMonths) : null,
  };
}

/** The fine a rule set sets for an offence in a use category: the category's own tier before a general one. */
export function fineFor(rules: VacancyRules, offence: FineTier['offence'], useCategory: string): number | null {
  const tiers = rules.fineTiers.filter((tier) => tier.offence === offence);
  return (tiers.find((tier) => tier.useCategory === useCategory) ?? tiers.find((tier) => tier.useCategory === null))?.amountCents ?? null;
}

/** Whether a deadline has passed on `today` (due on the day itself is not yet overdue). */
export function isOverdue(dueOn: string | null, today: string): boolean {
  return dueOn !== null && today > dueOn;
}

/** Whole months from `since` to `day` (31 January to 28 February is 0 months; to 29 February 2012, 0 too). */
export function monthsBetween(since: string, day: string): number {
  const [y1, m1, d1] = since.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = day.split('-').map(Number) as [number, number, number];
  const months = (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
  return Math.max(0, months);
}
