import { addMonths, periodRange } from '../../common/dates.js';

/**
 * Why a month cannot be invoiced for a building, or null when it can: the month must overlap the
 * building's use, and may lie at most one month ahead of today (rent is invoiced in advance, but
 * not half a year in advance).
 */
export function runPeriodRefusal(period: string, building: { useStart: string; useEnd: string | null }, today: string): string | null {
  const { first, last } = periodRange(period);
  if (last < building.useStart) return `${period} is before the building's use, which starts on ${building.useStart}`;
  if (building.useEnd !== null && first > building.useEnd)
    return `${period} is after the building's use, which ended on ${building.useEnd}`;
  const latest = addMonths(today, 1).slice(0, 7);
  if (period > latest) return `${period} is more than one month ahead; the latest month to invoice today is ${latest}`;
  return null;
}
