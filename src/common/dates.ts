/** Calendar arithmetic on YYYY-MM-DD strings, in UTC so that no time zone shifts a day. */

function parse(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const date = parse(day);
  date.setUTCDate(date.getUTCDate() + days);
  return format(date);
}

/** The same day n months later, clamped to the month's last day (31 January + 1 month = 29 February in 2012). */
export function addMonths(day: string, months: number): string {
  const date = parse(day);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return format(target);
}

/** The days from `first` to `last`, both included. */
export function daysInclusive(first: string, last: string): number {
  return Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000) + 1;
}

/** A year (2012) runs to 31 December; a month (2012-03) to its last day. */
export function periodRange(period: string): { first: string; last: string } {
  if (/^\d{4}$/.test(period)) return { first: `${period}-01-01`, last: `${period}-12-31` };
  const [year, month] = period.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { first: `${period}-01`, last: `${period}-${String(days).padStart(2, '0')}` };
}

export function endOfYear(year: number): string {
  return `${year}-12-31`;
}

export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}
