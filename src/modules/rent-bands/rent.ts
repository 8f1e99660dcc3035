import { areaInHundredths } from '../../common/measures.js';
import { divideRoundHalfUp } from '../../common/money.js';

export interface BandDefinition {
  code: string;
  name: string;
  ratePerM2YearCents: number;
  /** The highest taxable income (cents per year) in this band; null for the last band. */
  maxIncomeCents: number | null;
}

/** The Volkskrantgebouw's bands: €60, €80 (cost price) and €110 per m² per year. */
export const DEFAULT_BANDS: readonly BandDefinition[] = [
  { code: 'A', name: 'Laag inkomen', ratePerM2YearCents: 6000, maxIncomeCents: 2_500_000 },
  { code: 'B', name: 'Kostprijs', ratePerM2YearCents: 8000, maxIncomeCents: 3_815_000 },
  { code: 'C', name: 'Marktconform', ratePerM2YearCents: 11000, maxIncomeCents: null },
];

/** The band for an income: the first whose limit the income does not exceed (a limit itself belongs to its band). */
export function chooseBand<B extends BandDefinition>(bands: readonly B[], incomeCents: number): B {
  const band = bands.find((candidate) => candidate.maxIncomeCents === null || incomeCents <= candidate.maxIncomeCents);
  if (!band) throw new RangeError('a band scheme must end with a band without an income limit');
  return band;
}

/** What is wrong with a scheme: limits must rise, only the last band is open-ended, codes are unique. */
export function schemeProblems(bands: readonly BandDefinition[]): string[] {
  const problems: string[] = [];
  if (bands.length === 0) problems.push('a scheme needs at least one band');
  if (new Set(bands.map((band) => band.code)).size !== bands.length) problems.push('band codes must be unique');
  bands.forEach((band, index) => {
    const last = index === bands.length - 1;
    if (last && band.maxIncomeCents !== null) problems.push(`the last band (${band.code}) must have no income limit`);
    if (!last && band.maxIncomeCents === null) problems.push(`only the last band may have no income limit (${band.code} has none)`);
    const previous = bands[index - 1]?.maxIncomeCents;
    if (index > 0 && previous != null && band.maxIncomeCents !== null && band.maxIncomeCents <= previous) {
      problems.push(`income limits must rise from band to band (${band.code})`);
    }
  });
  return problems;
}

/** round_half_up(areaM2 × rate / 12), computed on exact hundredths of a m². */
export function monthlyRentCents(areaM2: number, ratePerM2YearCents: number): number {
  return divideRoundHalfUp(areaInHundredths(areaM2) * ratePerM2YearCents, 1200);
}

/** A rate raised by a percentage (two decimals), rounded half up to whole cents per m² per year. */
export function indexedRate(ratePerM2YearCents: number, percent: number): number {
  const basisPoints = Math.round(percent * 100);
  return divideRoundHalfUp(ratePerM2YearCents * (10_000 + basisPoints), 10_000);
}

/** An assessment counts until 31 December of the year after its basis year. */
export function assessmentValidUntil(basisYear: number): string {
  return `${basisYear + 1}-12-31`;
}
