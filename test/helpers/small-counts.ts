/** A count as a report shows it: a number, or "<5" where it is masked. */
type Shown = number | string;

interface MonitorRow {
  name?: string;
  tenants: Shown;
  spacesLet?: Shown;
  localTenants?: Shown;
  waitingList?: Shown;
  bands: { code: string; tenants: Shown; areaM2?: number | null }[];
  disciplines: { name: string; tenants: Shown }[];
}

/**
 * What a reader can work out by subtraction: every sum in the monitor (a row's tenants over its bands or its disciplines,
 * a column's city total over the buildings) in which exactly one figure is masked gives that figure away as the total
 * minus the others. Answers a description of each such sum; none means no masked count can be recovered that way.
 */
export function recoverableByTotals(buildings: MonitorRow[], totals?: MonitorRow): string[] {
  const found: string[] = [];
  const check = (what: string, total: Shown | undefined, parts: Shown[]) => {
    const figures = total === undefined ? parts : [total, ...parts];
    if (figures.filter((figure) => typeof figure !== 'number').length === 1) found.push(`${what}: ${JSON.stringify(figures)}`);
  };
  const rows = totals ? [...buildings, { ...totals, name: 'totals' }] : buildings;
  rows.forEach((row, index) => {
    const name = row.name ?? String(index);
    check(
      `${name} tenants over bands`,
      row.tenants,
      row.bands.map((band) => band.tenants),
    );
    check(
      `${name} tenants over disciplines`,
      row.tenants,
      row.disciplines.map((discipline) => discipline.tenants),
    );
    // A space is let to one tenant at a time: the spaces let beside a masked count of tenants bound it (one space, one tenant).
    if (typeof row.tenants !== 'number' && typeof row.spacesLet === 'number' && row.spacesLet > 0)
      found.push(`${name} spaces let beside masked tenants: ${row.spacesLet}`);
    // The let area minus the other bands' m² would give a masked band's m², and so its count (studios are of similar size).
    if (row.bands.length > 1)
      check(
        `${name} band m²`,
        undefined,
        row.bands.map((band) => (band.areaM2 === null ? '<5' : (band.areaM2 ?? 0))),
      );
  });
  if (totals) {
    for (const field of ['tenants', 'spacesLet', 'localTenants', 'waitingList'] as const)
      check(
        `column ${field}`,
        totals[field],
        buildings.map((building) => building[field] ?? 0),
      );
    for (const band of totals.bands)
      check(
        `column band ${band.code}`,
        band.tenants,
        buildings.map((building) => building.bands.find((entry) => entry.code === band.code)?.tenants ?? 0),
      );
    for (const discipline of totals.disciplines)
      check(
        `column discipline ${discipline.name}`,
        discipline.tenants,
        buildings.map((building) => building.disciplines.find((entry) => entry.name === discipline.name)?.tenants ?? 0),
      );
  }
  return found;
}
