import { addDays, daysInclusive } from '../../common/dates.js';
import { divideRoundHalfUp } from '../../common/money.js';

export function daysInYear(year: number): number {
  return daysInclusive(`${year}-01-01`, `${year}-12-31`);
}

/** The days of `range` within [from, to] (both included; `to` null is open-ended). */
export function daysWithin(range: { first: string; last: string }, from: string, to: string | null): number {
  const first = from > range.first ? from : range.first;
  const last = to !== null && to < range.last ? to : range.last;
  return first > last ? 0 : daysInclusive(first, last);
}

/** A period of ownership: from `ownedFrom` (included) until `ownedTo`, the next owner's transfer date (excluded). */
export interface OwnedPeriod {
  ownedFrom: string;
  ownedTo: string | null;
}

/**
 * The days of `range` on which an owner held the building in use, over its periods of ownership:
 * what fell due before a handover stays with the seller, what falls due from it with the buyer.
 */
export function daysOwnedInUse(
  range: { first: string; last: string },
  use: { useStart: string; useEnd: string | null },
  periods: readonly OwnedPeriod[],
): number {
  return periods.reduce((days, period) => {
    const from = period.ownedFrom > use.useStart ? period.ownedFrom : use.useStart;
    const lastOwned = period.ownedTo === null ? null : addDays(period.ownedTo, -1);
    const to = lastOwned === null ? use.useEnd : use.useEnd === null || lastOwned < use.useEnd ? lastOwned : use.useEnd;
    return days + daysWithin(range, from, to);
  }, 0);
}

/** A yearly amount for `days` of the year, rounded half up once. */
export function prorateYear(amountPerYearCents: number, days: number, year: number): number {
  return divideRoundHalfUp(amountPerYearCents * days, daysInYear(year));
}

/** Interest per year on a loan: principal × rate in basis points ÷ 10,000, rounded half up. */
export function interestPerYear(principalCents: number, rateBps: number): number {
  return divideRoundHalfUp(principalCents * rateBps, 10_000);
}

export interface OwnerBalance {
  rentIncomeCents: number;
  interestCostCents: number;
  balanceCents: number;
}

/** Rent income from the umbrella against interest cost, both over the days `days` of the year. */
export function ownerBalance(
  finance: { headLeaseRentYearCents: number; loanPrincipalCents: number; interestRateBps: number },
  days: number,
  year: number,
): OwnerBalance {
  const rentIncomeCents = prorateYear(finance.headLeaseRentYearCents, days, year);
  const interestCostCents = prorateYear(interestPerYear(finance.loanPrincipalCents, finance.interestRateBps), days, year);
  return { rentIncomeCents, interestCostCents, balanceCents: rentIncomeCents - interestCostCents };
}
