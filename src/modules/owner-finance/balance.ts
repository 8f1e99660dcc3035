import { daysInclusive } from '../../common/dates.js';
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

/**
 * The days of `range` on which the current owner held the building in use: from its start of use
 * or the handover that made it the owner, to its end of use. What fell due before stays with the
 * previous owner.
 */
export function ownedDaysWithin(
  range: { first: string; last: string },
  building: { useStart: string; useEnd: string | null; ownerSince: string | null },
): number {
  const ownedFrom = building.ownerSince !== null && building.ownerSince > building.useStart ? building.ownerSince : building.useStart;
  return daysWithin(range, ownedFrom, building.useEnd);
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
