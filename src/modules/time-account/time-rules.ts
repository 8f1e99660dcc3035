import { divideRoundHalfUp } from '../../common/money.js';

export const TIME_KINDS = ['building', 'communication', 'security', 'logistics', 'public_programme', 'neighbourhood', 'other'] as const;
export type TimeKind = (typeof TIME_KINDS)[number];

export const TIME_ENTRY_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type TimeEntryStatus = (typeof TIME_ENTRY_STATUSES)[number];

export const EVENT_KINDS = ['exhibition', 'open_studios', 'performance', 'workshop', 'neighbourhood_activity'] as const;
export type ProgrammeEventKind = (typeof EVENT_KINDS)[number];

/** A person gives at most 16 hours on one day, over all their entries. */
export const MAX_QUARTERS_PER_DAY = 64;

/** The euro value of an hour when none was set: the report's 300,000 hours at € 20,00 ≈ € 6,000,000. */
export const DEFAULT_CENTS_PER_HOUR = 2000;

/** Hours as the API takes them (2.75) to quarters (11); null when not a whole number of quarters. */
export function quartersOf(hours: number): number | null {
  const quarters = hours * 4;
  return Number.isFinite(quarters) && Math.abs(quarters - Math.round(quarters)) < 1e-9 ? Math.round(quarters) : null;
}

export function hoursOf(quarters: number): number {
  return quarters / 4;
}

/** The value of quarters given at an hourly value, rounded half up once over the whole sum of `quarters × cents`. */
export function valueOfQuarterCents(quarterCents: number): number {
  return divideRoundHalfUp(quarterCents, 4);
}

/** A count of people small enough to point at someone is shown as "<5". */
export type MaskedCount = number | '<5';

export interface TimeCell {
  key: string;
  quarters: number;
  people: number;
  valueCents: number;
}

export interface ShownTimeCell {
  key: string;
  hours: number | null;
  people: MaskedCount;
  valueCents: number | null;
}

const small = (people: number) => people > 0 && people < 5;

/**
 * Hours per kind (or group) with the people behind them, for readers who see totals only: a cell of fewer than five people shows
 * `<5` and withholds its hours and value. When one cell of a row is withheld and the total is shown, the total minus the others
 * would give it away, so the next-smallest cell is withheld as well.
 */
export function maskTimeCells(cells: TimeCell[], totalShown: boolean): ShownTimeCell[] {
  const masked = new Set(cells.filter((cell) => small(cell.people)).map((cell) => cell.key));
  if (totalShown && masked.size === 1) {
    const next = cells
      .filter((cell) => !masked.has(cell.key) && cell.quarters > 0)
      .sort((a, b) => a.quarters - b.quarters || a.key.localeCompare(b.key))[0];
    if (next) masked.add(next.key);
  }
  return cells.map((cell) =>
    masked.has(cell.key)
      ? { key: cell.key, hours: null, people: '<5', valueCents: null }
      : { key: cell.key, hours: hoursOf(cell.quarters), people: cell.people, valueCents: cell.valueCents },
  );
}

export function showExact(cell: TimeCell): ShownTimeCell {
  return { key: cell.key, hours: hoursOf(cell.quarters), people: cell.people, valueCents: cell.valueCents };
}

/** A total: withheld like a cell when fewer than five people stand behind it. */
export function maskTotal(cell: TimeCell): ShownTimeCell {
  return small(cell.people) ? { key: cell.key, hours: null, people: '<5', valueCents: null } : showExact(cell);
}
