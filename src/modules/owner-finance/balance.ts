import { daysInclusive } from '../../common/dates.js';
import { divideRoundHalfUp } from '../../common/money.js';

export function daysInYear(year: number): number {
  return daysInclusive(`${year}-01-01`, `${year}-12-31`);
}

/**
 * The days of `year` within [from, to] (both included; `to` null is open-ended), e.g. the days
 * of a head lease, or of one owner's ownership, that fall in the year.
 */
export function daysWithin(year: number, from: string, to: string | null): number {
  const first = from > `${year}-01-01` ? from : `${year}-01-01`;
  const last = to !== null && to < `${year}-12-31` ? to : `${year}-12-31`;
  return first > last ? 0 : daysInclusive(first, last);
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
