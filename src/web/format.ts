/** How the pages write dates, money and areas, in both languages: 30-11-2026, € 1.234,56, 1.234,5 m². */

const EURO = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const NUMBER = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
const PERCENT = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });

/** An ISO date (YYYY-MM-DD, or a timestamp) as DD-MM-YYYY; empty for none. */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const iso = value instanceof Date ? value.toISOString() : value;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}-${match[2]}-${match[1]}` : iso;
}

/** Integer euro cents as € 1.234,56 (a normal space after the sign, so the text reads back the same everywhere). */
export function formatCents(cents: number): string {
  return EURO.format(cents / 100).replace(/\u00a0/g, ' ');
}

/** A euro amount given as a decimal string or number ("174.11") as € 174,11. */
export function formatEuros(amount: string | number): string {
  return formatCents(Math.round(Number(amount) * 100));
}

export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** A ratio 0–1 as 87,5%. */
export function formatPercent(ratio: number): string {
  return PERCENT.format(ratio).replace(/\u00a0/g, ' ');
}
