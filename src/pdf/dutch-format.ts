import { friendlyFormatIBAN } from 'ibantools';

/** Dutch formats for documents: € 1.234,56 · € -156,00 · 25,00 m² · 15-03-2012 · maart 2012. */

const EURO = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const AREA = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const PERCENT = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

export function euros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  return `€ ${sign}${EURO.format(Math.abs(cents) / 100)}`;
}

export function squareMetres(areaM2: number): string {
  return `${AREA.format(areaM2)} m²`;
}

export function percentage(fraction: number): string {
  return `${PERCENT.format(fraction * 100)}%`;
}

/** 2012-03-15 → 15-03-2012 */
export function dutchDate(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}-${month}-${year}`;
}

/** 2012-03 → maart 2012 */
export function dutchPeriod(period: string): string {
  const [year, month] = period.split('-');
  return `${MONTHS[Number(month) - 1]} ${year}`;
}

/** 16 digits in groups of four, as Dutch banks print a betalingskenmerk. */
export function groupedReference(reference: string): string {
  return reference.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** NL91ABNA0417164300 → NL91 ABNA 0417 1643 00, as banks print it. */
export function groupedIban(iban: string): string {
  return friendlyFormatIBAN(iban) ?? iban;
}
