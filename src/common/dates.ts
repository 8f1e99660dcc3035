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

export function endOfYear(year: number): string {
  return `${year}-12-31`;
}

export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}
