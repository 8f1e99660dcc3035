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
  spacesLet: number;
  spaceOccupancyRate: number;
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

/** Masks a building's counts of people and the m² of a band whose count is masked; other areas, spaces and money stay visible. */
export function toMonitorFigures(counts: BuildingCounts): BuildingMonitorFigures {
  return {
    buildingId: counts.buildingId,
    name: counts.name,
    kind: counts.kind,
    useEnd: counts.useEnd,
    lettableAreaM2: counts.lettableAreaM2,
    letAreaM2: counts.letAreaM2,
    occupancyRate: ratio(counts.letAreaM2, counts.lettableAreaM2),
    spaces: counts.spaces,
    spacesLet: counts.spacesLet,
    spaceOccupancyRate: ratio(counts.spacesLet, counts.spaces),
    tenants: maskPeople(counts.tenants),
    localTenants: maskPeople(counts.localTenants),
    bands: counts.bands.map((band) => {
      const tenants = maskPeople(band.tenants);
      return { code: band.code, tenants, areaM2: tenants === SMALL_COUNT ? null : band.areaM2 };
    }),
    disciplines: byDisciplineName(counts.disciplines).map((discipline) => ({
      name: discipline.name,
      tenants: maskPeople(discipline.tenants),
    })),
    waitingList: maskPeople(counts.waitingList),
    municipalInvestmentCents: counts.municipalInvestmentCents,
    municipalInvestmentPerM2Cents: counts.lettableAreaM2 === 0 ? 0 : Math.round(counts.municipalInvestmentCents / counts.lettableAreaM2),
  };
}

/** The city-wide totals: sums of the raw counts, masked once at the end. */
export function monitorTotals(
  buildings: BuildingCounts[],
): Omit<BuildingMonitorFigures, 'buildingId' | 'name' | 'kind' | 'useEnd'> & { buildings: number } {
  const merge = <K extends string>(entries: { key: K; tenants: number; areaM2?: number }[]) => {
    const byKey = new Map<K, { tenants: number; areaM2: number }>();
    for (const entry of entries) {
      const sum = byKey.get(entry.key) ?? { tenants: 0, areaM2: 0 };
      byKey.set(entry.key, { tenants: sum.tenants + entry.tenants, areaM2: sumAreas([sum.areaM2, entry.areaM2 ?? 0]) });
    }
    return [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b));
  };
  const total: BuildingCounts = {
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
  const { buildingId: _id, name: _name, kind: _kind, useEnd: _useEnd, ...figures } = toMonitorFigures(total);
  return { buildings: buildings.length, ...figures };
}
