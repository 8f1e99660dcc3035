import { maskTimeCells, maskTotal, valueOfQuarterCents } from '../time-account/time-rules.js';
import type { CityTimeCounts } from './reports.repository.js';
import { ratio, sumAreas } from '../../common/measures.js';

/** A count of people small enough to point at someone is shown as "<5"; none and five or more as they are. */
export type PeopleCount = number | '<5';

export const SMALL_COUNT = '<5';

export function maskPeople(count: number): PeopleCount {
  return count > 0 && count < 5 ? SMALL_COUNT : count;
}

export interface BuildingMonitorFigures {
  buildingId: string;
  name: string;
  kind: 'temporary' | 'permanent';
  useEnd: string | null;
  lettableAreaM2: number;
  letAreaM2: number;
  occupancyRate: number;
  spaces: number;
  /**
   * "<5" where the tenants are: a space is let to one tenant at a time, so the spaces let would give the count
   * away (one space let, one tenant); the rate by space goes with it (null).
   */
  spacesLet: PeopleCount;
  spaceOccupancyRate: number | null;
  tenants: PeopleCount;
  localTenants: PeopleCount;
  /** `areaM2` is null where the band's count is masked: studios are of similar size, so its m² would give the count away. */
  bands: { code: string; tenants: PeopleCount; areaM2: number | null }[];
  disciplines: { name: string; tenants: PeopleCount }[];
  waitingList: PeopleCount;
  municipalInvestmentCents: number;
  municipalInvestmentPerM2Cents: number;
}

/** Raw counts per building, before masking: what the SQL sections return. */
export interface BuildingCounts {
  buildingId: string;
  name: string;
  kind: 'temporary' | 'permanent';
  useEnd: string | null;
  lettableAreaM2: number;
  letAreaM2: number;
  spaces: number;
  spacesLet: number;
  tenants: number;
  localTenants: number;
  bands: { code: string; tenants: number; areaM2: number }[];
  disciplines: { name: string; tenants: number }[];
  waitingList: number;
  municipalInvestmentCents: number;
}

const DUTCH = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** Disciplines in one order everywhere (per building, in the totals, in every format): by name, as a Dutch reader sorts. */
export function byDisciplineName<T extends { name: string }>(disciplines: T[]): T[] {
  return [...disciplines].sort((a, b) => DUTCH.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A count is known by its cell: `row|field`, the row a building's index or `total`, the field `tenants`, `band:A`, `discipline:dans`…. */
type Masked = (field: string) => boolean;

const primary =
  (counts: BuildingCounts): Masked =>
  (field) => {
    const value = countOf(counts, field);
    return value > 0 && value < 5;
  };

function countOf(counts: BuildingCounts, field: string): number {
  if (field.startsWith('band:')) return counts.bands.find((band) => `band:${band.code}` === field)?.tenants ?? 0;
  if (field.startsWith('discipline:')) return counts.disciplines.find((entry) => `discipline:${entry.name}` === field)?.tenants ?? 0;
  return counts[field as 'tenants' | 'localTenants' | 'waitingList'];
}

/**
 * Masks a building's counts of people, the m² of a band whose count is masked, and the spaces let where the tenants
 * are masked; other areas, the number of spaces and money stay visible. Without `masked` only the small counts
 * themselves are masked (see `suppressedCells` for the report's own choice).
 */
export function toMonitorFigures(counts: BuildingCounts, masked: Masked = primary(counts)): BuildingMonitorFigures {
  const shown = (field: string): PeopleCount => (masked(field) ? SMALL_COUNT : countOf(counts, field));
  const tenantsMasked = masked('tenants');
  return {
    buildingId: counts.buildingId,
    name: counts.name,
    kind: counts.kind,
    useEnd: counts.useEnd,
    lettableAreaM2: counts.lettableAreaM2,
    letAreaM2: counts.letAreaM2,
    occupancyRate: ratio(counts.letAreaM2, counts.lettableAreaM2),
    spaces: counts.spaces,
    spacesLet: tenantsMasked ? SMALL_COUNT : counts.spacesLet,
    spaceOccupancyRate: tenantsMasked ? null : ratio(counts.spacesLet, counts.spaces),
    tenants: shown('tenants'),
    localTenants: shown('localTenants'),
    bands: counts.bands.map((band) => {
      const tenants = shown(`band:${band.code}`);
      return { code: band.code, tenants, areaM2: tenants === SMALL_COUNT ? null : band.areaM2 };
    }),
    disciplines: byDisciplineName(counts.disciplines).map((discipline) => ({
      name: discipline.name,
      tenants: shown(`discipline:${discipline.name}`),
    })),
    waitingList: shown('waitingList'),
    municipalInvestmentCents: counts.municipalInvestmentCents,
    municipalInvestmentPerM2Cents: counts.lettableAreaM2 === 0 ? 0 : Math.round(counts.municipalInvestmentCents / counts.lettableAreaM2),
  };
}

/** The city's raw counts: sums over its buildings, before masking. */
export function sumCounts(buildings: BuildingCounts[]): BuildingCounts {
  const merge = <K extends string>(entries: { key: K; tenants: number; areaM2?: number }[]) => {
    const byKey = new Map<K, { tenants: number; areaM2: number }>();
    for (const entry of entries) {
      const sum = byKey.get(entry.key) ?? { tenants: 0, areaM2: 0 };
      byKey.set(entry.key, { tenants: sum.tenants + entry.tenants, areaM2: sumAreas([sum.areaM2, entry.areaM2 ?? 0]) });
    }
    return [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b));
  };
  return {
    buildingId: '',
    name: '',
    kind: 'temporary',
    useEnd: null,
    lettableAreaM2: sumAreas(buildings.map((building) => building.lettableAreaM2)),
    letAreaM2: sumAreas(buildings.map((building) => building.letAreaM2)),
    spaces: buildings.reduce((sum, building) => sum + building.spaces, 0),
    spacesLet: buildings.reduce((sum, building) => sum + building.spacesLet, 0),
    tenants: buildings.reduce((sum, building) => sum + building.tenants, 0),
    localTenants: buildings.reduce((sum, building) => sum + building.localTenants, 0),
    bands: merge(
      buildings.flatMap((building) => building.bands.map((band) => ({ key: band.code, tenants: band.tenants, areaM2: band.areaM2 }))),
    ).map(([code, sum]) => ({ code, ...sum })),
    disciplines: merge(
      buildings.flatMap((building) => building.disciplines.map((discipline) => ({ key: discipline.name, tenants: discipline.tenants }))),
    ).map(([name, sum]) => ({ name, tenants: sum.tenants })),
    waitingList: buildings.reduce((sum, building) => sum + building.waitingList, 0),
    municipalInvestmentCents: buildings.reduce((sum, building) => sum + building.municipalInvestmentCents, 0),
  };
}

export type MonitorTotals = Omit<BuildingMonitorFigures, 'buildingId' | 'name' | 'kind' | 'useEnd'> & { buildings: number };

/** The city-wide totals: sums of the raw counts, masked once at the end (only the small counts, without `masked`). */
export function monitorTotals(buildings: BuildingCounts[], total = sumCounts(buildings), masked: Masked = primary(total)): MonitorTotals {
  const { buildingId: _id, name: _name, kind: _kind, useEnd: _useEnd, ...figures } = toMonitorFigures(total, masked);
  return { buildings: buildings.length, ...figures };
}

/**
 * The cells shown as "<5". A count of 1 to 4 is masked (primary). A reader could still get it back as a shown total minus
 * the other shown parts: a building's tenants minus its other bands or disciplines, the city's total of a column minus
 * the other buildings. So wherever exactly one figure of such a sum is masked, the smallest other count that is shown
 * (not a zero: none is shown as it is) is masked too (secondary suppression), until no sum has a single masked figure.
 * Totals stay shown where they can: they are what the report is read for (and the trend repeats the city's tenants).
 * A band's m² follows its count, and the building's let area is always shown: so its bands' m² are a sum of their own,
 * and the m² of a masked band is not the let area minus the others either (unless it is the building's only band).
 */
export function suppressedCells(buildings: BuildingCounts[], total: BuildingCounts): Set<string> {
  const rows: [string, BuildingCounts][] = [
    ...buildings.map((building, index): [string, BuildingCounts] => [String(index), building]),
    ['total', total],
  ];
  const values = new Map<string, number>();
  for (const [id, counts] of rows) {
    const fields = ['tenants', 'localTenants', 'waitingList', ...counts.bands.map((band) => `band:${band.code}`)];
    for (const field of [...fields, ...counts.disciplines.map((discipline) => `discipline:${discipline.name}`)])
      values.set(`${id}|${field}`, countOf(counts, field));
  }
  // A sum's total, or null where the total is not a count but always shown: a building's let area over its bands' m².
  const groups: { total: string | null; parts: string[] }[] = [];
  for (const [id, counts] of rows) {
    groups.push({ total: `${id}|tenants`, parts: counts.bands.map((band) => `${id}|band:${band.code}`) });
    groups.push({ total: null, parts: counts.bands.map((band) => `${id}|band:${band.code}`) });
    groups.push({ total: `${id}|tenants`, parts: counts.disciplines.map((discipline) => `${id}|discipline:${discipline.name}`) });
  }
  const columns = [
    'tenants',
    'localTenants',
    'waitingList',
    ...total.bands.map((band) => `band:${band.code}`),
    ...total.disciplines.map((discipline) => `discipline:${discipline.name}`),
  ];
  for (const field of columns) groups.push({ total: `total|${field}`, parts: buildings.map((_, index) => `${index}|${field}`) });

  const value = (cell: string) => values.get(cell) ?? 0;
  const masked = new Set([...values.keys()].filter((cell) => value(cell) > 0 && value(cell) < 5));
  for (let changed = true; changed;) {
    changed = false;
    for (const group of groups) {
      if ([group.total, ...group.parts].filter((cell) => cell !== null && masked.has(cell)).length !== 1) continue;
      const shown = group.parts.filter((cell) => !masked.has(cell) && value(cell) > 0);
      const next =
        shown.sort((a, b) => value(a) - value(b))[0] ?? (group.total !== null && value(group.total) > 0 ? group.total : undefined);
      if (next === undefined || masked.has(next)) continue;
      masked.add(next);
      changed = true;
    }
  }
  return masked;
}

/** The monitor's figures per building and in total, masked so that no count of fewer than five people can be read or worked out. */
export function monitorFigures(buildings: BuildingCounts[]): { totals: MonitorTotals; buildings: BuildingMonitorFigures[] } {
  const total = sumCounts(buildings);
  const masked = suppressedCells(buildings, total);
  return {
    totals: monitorTotals(buildings, total, (field) => masked.has(`total|${field}`)),
    buildings: buildings.map((counts, index) => toMonitorFigures(counts, (field) => masked.has(`${index}|${field}`))),
  };
}

/**
 * The time account in the monitor: each building's approved hours and the city's, withheld with `<5` where fewer than five
 * people stand behind them, and one more building withheld where a single one would be the city's total minus the others.
 */
export function monitorTimeAccount(buildings: { buildingId: string; name: string }[], time: CityTimeCounts): MonitorTimeAccount {
  const cells = buildings.map((building) => {
    const counts = time.buildings.get(building.buildingId);
    return {
      key: building.buildingId,
      quarters: counts?.quarters ?? 0,
      people: counts?.people ?? 0,
      valueCents: valueOfQuarterCents(counts?.quarterCents ?? 0),
    };
  });
  const total = maskTotal({ key: 'total', ...time.total, valueCents: valueOfQuarterCents(time.total.quarterCents) });
  const shown = maskTimeCells(cells, total.hours !== null);
  const programme = (buildingId: string) => time.buildings.get(buildingId) ?? { events: 0, visitors: 0 };
  return {
    totals: {
      hours: total.hours,
      people: total.people,
      valueCents: total.valueCents,
      events: [...time.buildings.values()].reduce((sum, row) => sum + row.events, 0),
      visitors: [...time.buildings.values()].reduce((sum, row) => sum + row.visitors, 0),
    },
    buildings: buildings.map((building, index) => ({
      buildingId: building.buildingId,
      name: building.name,
      hours: shown[index]!.hours,
      people: shown[index]!.people,
      valueCents: shown[index]!.valueCents,
      events: programme(building.buildingId).events,
      visitors: programme(building.buildingId).visitors,
    })),
  };
}

/** Hours and their value withheld (null), people `<5`, wherever fewer than five people stand behind them. */
export interface MonitorTimeFigures {
  hours: number | null;
  people: PeopleCount;
  valueCents: number | null;
  events: number;
  visitors: number;
}

export interface MonitorTimeAccount {
  totals: MonitorTimeFigures;
  buildings: (MonitorTimeFigures & { buildingId: string; name: string })[];
}
