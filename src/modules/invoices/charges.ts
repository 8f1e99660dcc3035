import { addDays, daysInclusive, periodRange } from '../../common/dates.js';
import { areaInHundredths } from '../../common/measures.js';
import { divideRoundHalfUp } from '../../common/money.js';
import { euros, squareMetres } from '../../pdf/dutch-format.js';
import { rateOn } from '../leases/lease-rules.js';

export const STANDARD_VAT_BPS = 2100;

export interface ChargeableLease {
  startDate: string;
  endDate: string | null;
  areaM2: number;
  spaceCode: string;
  serviceChargeMonthlyCents: number;
  vatRegime: 'exempt' | 'standard';
  revisions: { effectiveDate: string; ratePerM2YearCents: number; bandCode: string }[];
}

export interface ChargeLine {
  kind: 'rent' | 'service_charge';
  description: string;
  periodStart: string;
  periodEnd: string;
  amountExVatCents: number;
  vatRateBps: number;
  vatCents: number;
}

function vatOf(amountCents: number, vatRegime: ChargeableLease['vatRegime']): { vatRateBps: number; vatCents: number } {
  if (vatRegime === 'exempt') return { vatRateBps: 0, vatCents: 0 };
  return { vatRateBps: STANDARD_VAT_BPS, vatCents: divideRoundHalfUp(amountCents * STANDARD_VAT_BPS, 10_000) };
}

/**
 * The lines of one month's invoice: rent per stretch of days at one rate (a revision inside the
 * month splits it), and the service charge advance. Each line is the unrounded monthly amount ×
 * the lease's days in the month ÷ the month's days, rounded half up once.
 */
export function chargesFor(lease: ChargeableLease, period: string): ChargeLine[] {
  const month = periodRange(period);
  const monthDays = daysInclusive(month.first, month.last);
  const from = lease.startDate > month.first ? lease.startDate : month.first;
  const to = lease.endDate !== null && lease.endDate < month.last ? lease.endDate : month.last;
  if (from > to) return [];

  const lines: ChargeLine[] = [];
  const changes = lease.revisions
    .map((revision) => revision.effectiveDate)
    .filter((day) => day > from && day <= to)
    .sort();
  const starts = [from, ...new Set(changes)];
  starts.forEach((start, index) => {
    const end = index + 1 < starts.length ? addDays(starts[index + 1]!, -1) : to;
    const revision = rateOn(lease.revisions, start);
    if (!revision) throw new RangeError(`lease has no rate on ${start}`);
    const days = daysInclusive(start, end);
    const amountExVatCents = divideRoundHalfUp(areaInHundredths(lease.areaM2) * revision.ratePerM2YearCents * days, 1200 * monthDays);
    lines.push({
      kind: 'rent',
      description: `Huur ruimte ${lease.spaceCode}, tarief ${revision.bandCode} (${squareMetres(lease.areaM2)} à ${euros(revision.ratePerM2YearCents)} per m² per jaar)`,
      periodStart: start,
      periodEnd: end,
      amountExVatCents,
      ...vatOf(amountExVatCents, lease.vatRegime),
    });
  });
  if (lease.serviceChargeMonthlyCents > 0) {
    const amountExVatCents = divideRoundHalfUp(lease.serviceChargeMonthlyCents * daysInclusive(from, to), monthDays);
    lines.push({
      kind: 'service_charge',
      description: `Voorschot servicekosten ruimte ${lease.spaceCode}`,
      periodStart: from,
      periodEnd: to,
      amountExVatCents,
      ...vatOf(amountExVatCents, lease.vatRegime),
    });
  }
  return lines;
}

export function totalsOf(lines: readonly Pick<ChargeLine, 'amountExVatCents' | 'vatCents'>[]): {
  totalExVatCents: number;
  vatCents: number;
  totalCents: number;
} {
  const totalExVatCents = lines.reduce((sum, line) => sum + line.amountExVatCents, 0);
  const vatCents = lines.reduce((sum, line) => sum + line.vatCents, 0);
  return { totalExVatCents, vatCents, totalCents: totalExVatCents + vatCents };
}
