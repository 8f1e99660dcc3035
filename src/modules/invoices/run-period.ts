import { addMonths, periodRange } from '../../common/dates.js';

/** Why a month cannot be invoiced for a building. */
export type RunPeriodRefusal =
  { reason: 'before_use'; useStart: string } | { reason: 'after_use'; useEnd: string } | { reason: 'too_far_ahead'; latest: string };

/**
 * Why a month cannot be invoiced for a building, or null when it can: the month must overlap the
 * building's use, and may lie at most one month ahead of today (rent is invoiced in advance, but
 * not half a year in advance).
 */
export function runPeriodRefusal(
  period: string,
  building: { useStart: string; useEnd: string | null },
  today: string,
): RunPeriodRefusal | null {
  const { first, last } = periodRange(period);
  if (last < building.useStart) return { reason: 'before_use', useStart: building.useStart };
  if (building.useEnd !== null && first > building.useEnd) return { reason: 'after_use', useEnd: building.useEnd };
  const latest = addMonths(today, 1).slice(0, 7);
  if (period > latest) return { reason: 'too_far_ahead', latest };
  return null;
}
