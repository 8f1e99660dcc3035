import type { Principal } from '../../common/auth/principal.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Page } from '../../common/pagination/page.js';
import type { JobStatus } from '../../jobs/job-status.js';
import type { BuildingCounts } from './aggregates.js';
import type { ArrearsReportRow } from './report-documents.js';
import { Report, type ReportKind } from './report.entity.js';

/** The periods asked for, numbered from 1 in the order given. */
const DAYS = `days AS (SELECT d.n::int AS n, d.first, d.last FROM unnest($2::date[], $3::date[]) WITH ORDINALITY AS d(first, last, n))`;

/** Per period: the buildings of the city whose use overlaps it. */
const CITY_SCOPE_ON = `
  scope AS (
    SELECT d.n, d.first, d.last, b.building_id AS id FROM days d JOIN building_register b
        ON lower(b.city) = lower($1) AND b.use_start <= d.last AND (b.use_end IS NULL OR b.use_end >= d.first))`;

/** The buildings of the city whose use overlaps [$2, $3]. */
const CITY_SCOPE = `
  scope AS (
    SELECT building_id AS id FROM building_register
     WHERE lower(city) = lower($1) AND use_start <= $3 AND (use_end IS NULL OR use_end >= $2))`;

/** Per period: the leases running on its last day, in the buildings of its scope. */
const ACTIVE_LEASES_ON = `
  active AS (
    SELECT scope.n, scope.last, l.lease_id AS id, l.space_id, l.tenant_id, l.building_id, l.area_m2
      FROM days d CROSS JOIN LATERAL lease_running_on(d.last) l JOIN scope ON scope.n = d.n AND scope.id = l.building_id)`;

/** The city's unmasked totals at the end of a month. */
export interface CityMonthTotals {
  period: string;
  lettableAreaM2: number;
  letAreaM2: number;
  spaces: number;
  spacesLet: number;
  tenants: number;
}

export interface CityTimeCounts {
  total: { quarters: number; people: number; quarterCents: number };
  buildings: Map<string, { quarters: number; people: number; quarterCents: number; events: number; visitors: number }>;
}

export interface FloorFigures {
  level: number;
  lettableAreaM2: number;
  letAreaM2: number;
}

export interface OwnerReportFacts {
  buildingId: string;
  name: string;
  useStart: string;
  useEnd: string | null;
  ownerSince: string | null;
  kind: 'temporary' | 'permanent';
  headLeaseRentYearCents: number;
  loanPrincipalCents: number;
  interestRateBps: number;
  leasesEndingAfterHeadLease: number;
  floors: FloorFigures[];
}

/** What the owner's report shows beyond the figures of `ownerFacts`. */
export interface OwnerReportContext {
  /** The owner on `asOf` (the seller for a period before its handover), and its periods of ownership. */
  ownerName: string;
  ownedPeriods: { ownedFrom: string; ownedTo: string | null }[];
  /** Floors that a completed handover did not retain, by `asOf`. */
  floorsLeft: { level: number; areaM2: number; leftOn: string }[];
  investments: { party: string; description: string; amountCents: number; date: string }[];
}

/** Read-only figures for reports, each section one set-based query over all buildings in scope. */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(values: Pick<Report, 'kind' | 'buildingId' | 'city' | 'period' | 'format' | 'requestedBy'>): Promise<Report> {
    return this.dataSource.manager.save(
      this.dataSource.manager.create(Report, { ...values, status: 'queued', progress: 0, error: null, documentId: null }),
    );
  }

  /** Newest first; `requestedBy`: only the reports this user asked for. */
  async findPage(
    filter: { kind?: ReportKind; status?: JobStatus; requestedBy?: string },
    page: { limit: number; offset: number },
  ): Promise<Page<Report>> {
    const query = this.dataSource.getRepository(Report).createQueryBuilder('report').where('TRUE');
    if (filter.kind) query.andWhere('report.kind = :kind', { kind: filter.kind });
    if (filter.status) query.andWhere('report.status = :status', { status: filter.status });
    if (filter.requestedBy) query.andWhere('report.requested_by = :requestedBy', { requestedBy: filter.requestedBy });
    const [items, total] = await query
      .orderBy('report.created_at', 'DESC')
      .addOrderBy('report.id')
      .take(page.limit)
      .skip(page.offset)
      .getManyAndCount();
    return { items, total };
  }

  /** Reports whose status row says they are still to be made, oldest first. */
  async unfinishedIds(): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM report WHERE status IN ('queued', 'running') AND document_id IS NULL ORDER BY created_at, id`,
    );
    return rows.map((row) => row.id);
  }

  find(id: string): Promise<Report | null> {
    return this.dataSource.manager.findOneBy(Report, { id });
  }

  async progress(id: string, status: Report['status'], progress: number): Promise<void> {
    await this.dataSource.query(`UPDATE report SET status = $2, progress = $3 WHERE id = $1 AND status <> 'completed'`, [
      id,
      status,
      progress,
    ]);
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE report SET status = 'failed', error = $2 WHERE id = $1 AND status <> 'completed'`, [
      id,
      error.slice(0, 1000),
    ]);
  }

  async complete(manager: EntityManager, id: string, documentId: string): Promise<boolean> {
    const [rows] = await manager.query<[unknown[], number]>(
      `UPDATE report SET status = 'completed', progress = 100, document_id = $2, error = NULL WHERE id = $1 AND document_id IS NULL RETURNING id`,
      [id, documentId],
    );
    return rows.length > 0;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The city monitor's raw counts per building on `asOf`, in four queries whatever the number of buildings. */
  async cityCounts(city: string, first: string, asOf: string): Promise<BuildingCounts[]> {
    return (await this.cityCountsOn(city, [{ first, last: asOf }]))[0]!;
  }

  /**
   * `cityCounts` for several periods at once (the monitor's period and its trend's months): each day
   * is a row of one set-based query per figure, never a query per day or per building. The leases
   * running on each day are one hashed set, each day's occupancy is read once for all buildings.
   */
  async cityCountsOn(city: string, periods: { first: string; last: string }[]): Promise<BuildingCounts[][]> {
    const params = [city, periods.map((period) => period.first), periods.map((period) => period.last)];
    const [areas, groups, extras] = await Promise.all([
      this.dataSource.query<
        {
          n: number;
          id: string;
          name: string;
          kind: 'temporary' | 'permanent';
          use_end: string | null;
          lettable: string;
          let: string;
          spaces: number;
          spaces_let: number;
        }[]
      >(
        `WITH ${DAYS}, ${CITY_SCOPE_ON},
              let_space AS MATERIALIZED (SELECT DISTINCT d.n, l.space_id FROM days d CROSS JOIN LATERAL lease_running_on(d.last) l),
              -- A floor that left the broedplaats (kept by its seller at a handover) is no longer lettable space of it.
              floor_in AS (
                SELECT scope.n, f.floor_id, f.building_id FROM scope JOIN floor_level f ON f.building_id = scope.id
                 WHERE NOT EXISTS (SELECT 1 FROM floor_departure d WHERE d.floor_id = f.floor_id AND d.left_on <= scope.last)),
              occupancy AS (
                SELECT f.n, f.building_id, sum(p.area_m2) AS lettable, coalesce(sum(p.area_m2) FILTER (WHERE x.space_id IS NOT NULL), 0) AS let,
                       count(p.space_id)::int AS spaces, count(x.space_id)::int AS spaces_let
                  FROM floor_in f
                  JOIN space_placement p ON p.floor_id = f.floor_id AND p.building_id = f.building_id
                  LEFT JOIN let_space x ON x.n = f.n AND x.space_id = p.space_id
                 GROUP BY f.n, f.building_id)
         SELECT scope.n, b.building_id AS id, b.name, b.kind, to_char(b.use_end, 'YYYY-MM-DD') AS use_end,
                coalesce(o.lettable, 0) AS lettable, coalesce(o.let, 0) AS let,
                coalesce(o.spaces, 0)::int AS spaces, coalesce(o.spaces_let, 0)::int AS spaces_let
           FROM scope JOIN building_register b ON b.building_id = scope.id
           LEFT JOIN occupancy o ON o.n = scope.n AND o.building_id = scope.id
          ORDER BY scope.n, b.name, b.building_id`,
        params,
      ),
      // Tenants per building, per band in force on the day (the newest revision by then) and per discipline, in one pass
      // over the leases running: `g` tells the grouping (3 the building, 1 a band, 2 a discipline). A lease counts in a band
      // and in the building's tenants once it is rated (`tenants`); in its discipline from its start (`tenants_all`).
      this.dataSource.query<
        {
          n: number;
          building_id: string;
          g: number;
          band_code: string | null;
          discipline: string | null;
          tenants: number;
          tenants_all: number;
          area: string;
          local: number;
        }[]
      >(
        `WITH ${DAYS}, ${CITY_SCOPE_ON}, ${ACTIVE_LEASES_ON},
              -- Each revision with the day the next one takes over: one pass over the revisions for every period.
              revision AS (
                SELECT v.lease_id, v.band_code, v.effective_date AS from_day,
                       lead(v.effective_date) OVER (PARTITION BY v.lease_id ORDER BY v.effective_date) AS until_day
                  FROM lease_rate_revision v),
              -- The first three digits of each building's postcode, worked out once per building, not per lease.
              area_code AS MATERIALIZED (
                SELECT b.building_id, substring(b.address FROM '([1-9][0-9]{2})[0-9] ?[A-Z]{2}') AS digits
                  FROM building_register b WHERE b.building_id IN (SELECT id FROM scope)),
              banded AS (
                SELECT a.n, a.building_id, a.tenant_id, a.area_m2, r.band_code, coalesce(t.discipline, 'onbekend') AS discipline,
                       left(t.postcode, 3) = b.digits AS local
                  FROM active a
                  JOIN tenant_profile t ON t.tenant_id = a.tenant_id
                  JOIN area_code b ON b.building_id = a.building_id
                  LEFT JOIN revision r ON r.lease_id = a.id AND r.from_day <= a.last AND (r.until_day IS NULL OR r.until_day > a.last))
         SELECT x.n, x.building_id, GROUPING(x.band_code, x.discipline)::int AS g, x.band_code, x.discipline,
                count(DISTINCT x.tenant_id) FILTER (WHERE x.band_code IS NOT NULL)::int AS tenants,
                count(DISTINCT x.tenant_id)::int AS tenants_all,
                coalesce(sum(x.area_m2) FILTER (WHERE x.band_code IS NOT NULL), 0) AS area,
                count(DISTINCT x.tenant_id) FILTER (WHERE x.band_code IS NOT NULL AND x.local)::int AS local
           FROM banded x
          GROUP BY GROUPING SETS ((x.n, x.building_id), (x.n, x.building_id, x.band_code), (x.n, x.building_id, x.discipline))
          ORDER BY x.n, x.building_id, x.discipline`,
        params,
      ),
      // The waiting list counts the members of waitlisted groups; the city's investments up to the day.
      this.dataSource.query<{ n: number; building_id: string; waiting: number; invested: string }[]>(
        `WITH ${DAYS}, ${CITY_SCOPE_ON},
              invested AS (
                SELECT scope.n, i.building_id, sum(i.amount_cents) AS cents
                  FROM scope JOIN investment_ledger i ON i.building_id = scope.id AND i.date <= scope.last
                  JOIN organisation_party o ON o.organisation_id = i.party_id AND o.kind = 'municipality'
                 GROUP BY scope.n, i.building_id)
         SELECT scope.n, scope.id AS building_id, coalesce(w.members, 0) AS waiting, coalesce(v.cents, 0) AS invested
           FROM scope LEFT JOIN waiting_list w ON w.building_id = scope.id
           LEFT JOIN invested v ON v.n = scope.n AND v.building_id = scope.id`,
        params,
      ),
    ]);
    const key = (n: number | string, buildingId: string) => `${n}|${buildingId}`;
    const peopleOf = new Map<string, typeof groups>();
    const disciplinesOf = new Map<string, typeof groups>();
    for (const row of groups) {
      // An unrated lease's band group (band null) is not a band.
      if (row.g === 1 && row.band_code === null) continue;
      const of = row.g === 2 ? disciplinesOf : peopleOf;
      of.set(key(row.n, row.building_id), [...(of.get(key(row.n, row.building_id)) ?? []), row]);
    }
    const extrasOf = new Map(extras.map((row) => [key(row.n, row.building_id), row]));
    const byPeriod: BuildingCounts[][] = periods.map(() => []);
    for (const row of areas) {
      const at = key(row.n, row.id);
      const rows = peopleOf.get(at) ?? [];
      const whole = rows.find((entry) => entry.g === 3);
      byPeriod[Number(row.n) - 1]!.push({
        buildingId: row.id,
        name: row.name,
        kind: row.kind,
        useEnd: row.use_end,
        lettableAreaM2: Number(row.lettable),
        letAreaM2: Number(row.let),
        spaces: row.spaces,
        spacesLet: row.spaces_let,
        tenants: whole?.tenants ?? 0,
        localTenants: whole?.local ?? 0,
        bands: rows
          .filter((entry) => entry.g === 1)
          .sort((a, b) => a.band_code!.localeCompare(b.band_code!))
          .map((entry) => ({ code: entry.band_code!, tenants: entry.tenants, areaM2: Number(entry.area) })),
        disciplines: (disciplinesOf.get(at) ?? []).map((entry) => ({ name: entry.discipline!, tenants: entry.tenants_all })),
        waitingList: extrasOf.get(at)?.waiting ?? 0,
        municipalInvestmentCents: Number(extrasOf.get(at)?.invested ?? 0),
      });
    }
    return byPeriod;
  }

  /**
   * The city's totals at the end of each of consecutive months (the monitor's trend), in one pass over
   * the spaces and one over the leases: each row carries the months it counts in as bits, so no row is
   * repeated per month. Counted as in `cityCounts`: a space is let when a lease of it runs on the day;
   * a tenant counts once per building with a lease running (and rated) then; floors that left count
   * no more; a building counts in the months its use overlaps.
   */
  async cityTrend(city: string, months: { first: string; last: string }[]): Promise<CityMonthTotals[]> {
    const last = months.length - 1;
    const bit = (n: number) => `(1 << ${n})`;
    // The month (0 = the first) of a day, and the months at whose end a lease from `from` to `to` runs, as bits.
    const monthOf = (day: string) => `((extract(year FROM ${day})::int - $4) * 12 + extract(month FROM ${day})::int - $5)`;
    const runsAtMonthEnds = (from: string, to: string) => {
      const a = `greatest(0, ${monthOf(from)})`;
      const b = `least(${last}, CASE WHEN ${to} IS NULL THEN ${last} ELSE ${monthOf(to)} - CASE WHEN ${to} = (date_trunc('month', ${to}) + interval '1 month - 1 day')::date THEN 0 ELSE 1 END END)`;
      return `CASE WHEN ${b} >= ${a} THEN ((1 << (${b} + 1)) - 1) & ~((1 << ${a}) - 1) ELSE 0 END`;
    };
    const first = months[0]!.first;
    const params = [
      city,
      months.map((month) => month.first),
      months.map((month) => month.last),
      Number(first.slice(0, 4)),
      Number(first.slice(5, 7)),
    ];
    const sums = (column: string, mask: string, name: string) =>
      months.map((_, n) => `coalesce(sum(${column}) FILTER (WHERE ${mask} & ${bit(n)} <> 0), 0) AS ${name}_${n}`);
    const counts = (mask: string, name: string) =>
      months.map((_, n) => `count(*) FILTER (WHERE ${mask} & ${bit(n)} <> 0)::int AS ${name}_${n}`);
    // Each row's months are worked out once (MATERIALIZED), not again in every month's column.
    const scope = `
      days AS (SELECT (d.n - 1)::int AS n, d.first, d.last FROM unnest($2::date[], $3::date[]) WITH ORDINALITY AS d(first, last, n)),
      building_mask AS MATERIALIZED (
        SELECT b.building_id, bit_or(${bit(0)} << d.n) AS mask
          FROM building_register b JOIN days d ON b.use_start <= d.last AND (b.use_end IS NULL OR b.use_end >= d.first)
         WHERE lower(b.city) = lower($1) GROUP BY b.building_id),
      -- The months at whose end a floor has left the broedplaats, once per floor that ever left (a handful), not per space.
      floor_gone AS MATERIALIZED (
        SELECT x.floor_id, bit_or(${bit(0)} << d.n) AS mask
          FROM floor_departure x JOIN building_mask b ON b.building_id = x.building_id JOIN days d ON x.left_on <= d.last
         GROUP BY x.floor_id),
      space_mask AS MATERIALIZED (
        SELECT p.space_id, p.area_m2, b.mask & ~coalesce(g.mask, 0) AS mask
          FROM building_mask b JOIN space_placement p ON p.building_id = b.building_id
          LEFT JOIN floor_gone g ON g.floor_id = p.floor_id),
      leases AS MATERIALIZED (SELECT * FROM lease_running_within($2[1], $3[array_length($3, 1)]))`;
    const [[spaces], [tenants]] = await Promise.all([
      // No two leases of a space overlap, so a space is let at a month's end by one lease at most: sums over leases are sums over spaces.
      this.dataSource.query<Record<string, string | number>[]>(
        `WITH ${scope},
              lease_mask AS MATERIALIZED (
                SELECT s.area_m2, s.mask & (${runsAtMonthEnds('l.start_date', 'l.end_date')}) AS mask
                  FROM leases l JOIN space_mask s ON s.space_id = l.space_id)
         SELECT * FROM (SELECT ${[...sums('area_m2', 'mask', 'lettable'), ...counts('mask', 'spaces')].join(', ')} FROM space_mask) s,
                       (SELECT ${[...sums('area_m2', 'mask', 'let'), ...counts('mask', 'spaces_let')].join(', ')} FROM lease_mask) l`,
        params,
      ),
      this.dataSource.query<Record<string, number>[]>(
        `WITH ${scope},
              rated AS (SELECT lease_id, min(effective_date) AS since FROM lease_rate_revision GROUP BY lease_id),
              tenant_mask AS MATERIALIZED (
                SELECT b.mask & bit_or(${runsAtMonthEnds('greatest(l.start_date, r.since)', 'l.end_date')}) AS mask
                  FROM leases l JOIN building_mask b ON b.building_id = l.building_id JOIN rated r ON r.lease_id = l.lease_id
                 GROUP BY l.building_id, l.tenant_id, b.mask)
         SELECT ${counts('mask', 'tenants').join(', ')} FROM tenant_mask`,
        params,
      ),
    ]);
    return months.map((month, n) => ({
      period: month.first.slice(0, 7),
      lettableAreaM2: Number(spaces![`lettable_${n}`]),
      letAreaM2: Number(spaces![`let_${n}`]),
      spaces: Number(spaces![`spaces_${n}`]),
      spacesLet: Number(spaces![`spaces_let_${n}`]),
      tenants: Number(tenants![`tenants_${n}`]),
    }));
  }

  /**
   * The time account of the city's buildings in [first, asOf], in one set-based pass over what the time account publishes:
   * approved quarters, their value at the hourly value of their day and the people behind them per building and city-wide
   * (one person in two buildings counted once), and the programme's events and visitors.
   */
  async cityTime(city: string, first: string, asOf: string): Promise<CityTimeCounts> {
    const params = [city, first, asOf];
    const [time, events] = await Promise.all([
      this.dataSource.query<{ building_id: string | null; quarters: number; people: number; quarter_cents: string }[]>(
        `WITH ${CITY_SCOPE}
         SELECT t.building_id, sum(t.quarters)::int AS quarters, count(DISTINCT t.tenant_id)::int AS people,
                sum(t.quarters::bigint * t.cents_per_hour) AS quarter_cents
           FROM approved_time t JOIN scope ON scope.id = t.building_id
          WHERE t.date BETWEEN $2 AND $3
          GROUP BY GROUPING SETS ((t.building_id), ())`,
        params,
      ),
      this.dataSource.query<{ building_id: string; events: number; visitors: number }[]>(
        `WITH ${CITY_SCOPE}
         SELECT e.building_id, count(*)::int AS events, coalesce(sum(e.visitors), 0)::int AS visitors
           FROM programme_activity e JOIN scope ON scope.id = e.building_id
          WHERE e.date BETWEEN $2 AND $3 GROUP BY e.building_id`,
        params,
      ),
    ]);
    const cell = (row: (typeof time)[number] | undefined) => ({
      quarters: row?.quarters ?? 0,
      people: row?.people ?? 0,
      quarterCents: Number(row?.quarter_cents ?? 0),
    });
    return {
      total: cell(time.find((row) => row.building_id === null)),
      buildings: new Map(
        [
          ...new Set([
            ...time.flatMap((row) => (row.building_id === null ? [] : [row.building_id])),
            ...events.map((row) => row.building_id),
          ]),
        ].map((id) => {
          const programme = events.find((row) => row.building_id === id);
          return [
            id,
            { ...cell(time.find((row) => row.building_id === id)), events: programme?.events ?? 0, visitors: programme?.visitors ?? 0 },
          ];
        }),
      ),
    };
  }

  /** One building's floors, finance and the leases that outlive its head lease, on `asOf`. */
  async ownerFacts(buildingId: string, asOf: string): Promise<OwnerReportFacts> {
    const [[building], floors] = await Promise.all([
      this.dataSource.query<
        {
          id: string;
          name: string;
          kind: 'temporary' | 'permanent';
          use_start: string;
          use_end: string | null;
          owner_since: string | null;
          rent: string | null;
          principal: string | null;
          bps: number | null;
          outliving: number;
        }[]
      >(
        `SELECT b.building_id AS id, b.name, b.kind, to_char(b.use_start, 'YYYY-MM-DD') AS use_start, to_char(b.use_end, 'YYYY-MM-DD') AS use_end,
                to_char(b.owner_since, 'YYYY-MM-DD') AS owner_since,
                f.head_lease_rent_year_cents AS rent, f.loan_principal_cents AS principal, f.interest_rate_bps AS bps,
                (SELECT count(*)::int FROM lease_running_on($2) l WHERE l.building_id = b.building_id
                    AND b.use_end IS NOT NULL AND (l.end_date IS NULL OR l.end_date > b.use_end)) AS outliving
           FROM building_register b LEFT JOIN head_lease_finance f ON f.building_id = b.building_id
          WHERE b.building_id = $1`,
        [buildingId, asOf],
      ),
      this.dataSource.query<{ level: number; lettable: string; let: string }[]>(
        `SELECT level, lettable_area_m2 AS lettable, let_area_m2 AS let FROM floor_occupancy_on($2) WHERE building_id = $1 ORDER BY level`,
        [buildingId, asOf],
      ),
    ]);
    return {
      buildingId,
      name: building!.name,
      kind: building!.kind,
      useStart: building!.use_start,
      useEnd: building!.use_end,
      ownerSince: building!.owner_since,
      headLeaseRentYearCents: Number(building!.rent ?? 0),
      loanPrincipalCents: Number(building!.principal ?? 0),
      interestRateBps: building!.bps ?? 0,
      leasesEndingAfterHeadLease: building!.outliving,
      floors: floors.map((floor) => ({ level: floor.level, lettableAreaM2: Number(floor.lettable), letAreaM2: Number(floor.let) })),
    };
  }

  async ownerReportContext(buildingId: string, asOf: string): Promise<OwnerReportContext> {
    const [[owner], floorsLeft, investments] = await Promise.all([
      this.dataSource.query<{ name: string; periods: { ownedFrom: string; ownedTo: string | null }[] }[]>(
        `SELECT o.name,
                coalesce((SELECT json_agg(json_build_object('ownedFrom', to_char(p.owned_from, 'YYYY-MM-DD'), 'ownedTo', to_char(p.owned_to, 'YYYY-MM-DD'))
                                   ORDER BY p.owned_from)
                            FROM building_owner_period p WHERE p.building_id = b.building_id AND p.owner_id = x.owner_id), '[]') AS periods
           FROM building_register b
           CROSS JOIN LATERAL (SELECT coalesce((SELECT p.owner_id FROM building_owner_period p
                                                 WHERE p.building_id = b.building_id AND p.owned_from <= $2 AND (p.owned_to IS NULL OR p.owned_to > $2)),
                                                b.owner_id) AS owner_id) x
           JOIN organisation_party o ON o.organisation_id = x.owner_id
          WHERE b.building_id = $1`,
        [buildingId, asOf],
      ),
      this.dataSource.query<{ level: number; area: string; left_on: string }[]>(
        `SELECT f.level, coalesce(sum(s.area_m2), 0) AS area, to_char(d.left_on, 'YYYY-MM-DD') AS left_on
           FROM floor_departure d JOIN floor_level f ON f.floor_id = d.floor_id LEFT JOIN space_placement s ON s.floor_id = f.floor_id
          WHERE d.building_id = $1 AND d.left_on <= $2
          GROUP BY f.floor_id, f.level, d.left_on ORDER BY f.level`,
        [buildingId, asOf],
      ),
      this.dataSource.query<{ party: string; description: string; amount_cents: string; date: string }[]>(
        `SELECT o.name AS party, i.description, i.amount_cents, to_char(i.date, 'YYYY-MM-DD') AS date
           FROM investment_ledger i JOIN organisation_party o ON o.organisation_id = i.party_id
          WHERE i.building_id = $1 AND i.date <= $2
          ORDER BY i.date, o.name, i.description`,
        [buildingId, asOf],
      ),
    ]);
    return {
      ownerName: owner!.name,
      ownedPeriods: owner!.periods,
      floorsLeft: floorsLeft.map((floor) => ({ level: floor.level, areaM2: Number(floor.area), leftOn: floor.left_on })),
      investments: investments.map((investment) => ({
        party: investment.party,
        description: investment.description,
        amountCents: Number(investment.amount_cents),
        date: investment.date,
      })),
    };
  }

  /** The building's overdue invoices on `asOf`, per tenant, from what dunning publishes. */
  async arrearsFacts(buildingId: string, asOf: string): Promise<{ buildingName: string; tenants: ArrearsReportRow[] }> {
    const [[building], tenants] = await Promise.all([
      this.dataSource.query<{ name: string }[]>(`SELECT name FROM building_register WHERE building_id = $1`, [buildingId]),
      this.dataSource.query<ArrearsReportRow[]>(
        `SELECT a.tenant_name AS "tenantName", min(a.due_date)::text AS "overdueSince", count(*)::int AS "invoices",
                sum(a.open_cents)::int AS "openCents", max(a.last_step)::int AS "lastStep",
                (array_agg(a.arrangement_status ORDER BY a.arrangement_status = 'active' DESC, a.arrangement_status)
                   FILTER (WHERE a.arrangement_status IS NOT NULL))[1] AS "arrangement"
           FROM dunning_arrears_on($2) a WHERE a.building_id = $1
          GROUP BY a.tenant_id, a.tenant_name ORDER BY a.tenant_name, a.tenant_id`,
        [buildingId, asOf],
      ),
    ]);
    return { buildingName: building?.name ?? '', tenants };
  }

  /** The files the schedule requested (no requester) for the city's newest scheduled month, by format. */
  latestScheduledMonitors(city: string): Promise<Report[]> {
    return this.dataSource
      .getRepository(Report)
      .createQueryBuilder('report')
      .where(`report.kind = 'municipality-monitor' AND report.requested_by IS NULL AND lower(report.city) = lower(:city)`, { city })
      .andWhere(
        `report.period = (SELECT max(r.period) FROM report r WHERE r.kind = 'municipality-monitor' AND r.requested_by IS NULL AND lower(r.city) = lower(:city) AND length(r.period) = 7)`,
      )
      .orderBy('report.format')
      .getMany();
  }

  /** Who requested a report, as the access policy knows them, to render it with their view; null when the user is gone. */
  async requesterPrincipal(userId: string): Promise<Principal | null> {
    const [row] = await this.dataSource.query<{ role: Principal['role']; organisation_id: string | null; tenant_id: string | null }[]>(
      `SELECT role, organisation_id, tenant_id FROM user_contact WHERE user_id = $1`,
      [userId],
    );
    return row ? { userId, role: row.role, organisationId: row.organisation_id, tenantId: row.tenant_id } : null;
  }

  async municipalityCity(organisationId: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ city: string | null }[]>(
      `SELECT city FROM organisation_party WHERE organisation_id = $1 AND kind = 'municipality'`,
      [organisationId],
    );
    return row?.city ?? null;
  }

  async municipalityCities(): Promise<string[]> {
    const rows = await this.dataSource.query<{ city: string }[]>(
      `SELECT DISTINCT city FROM organisation_party WHERE kind = 'municipality' AND city IS NOT NULL ORDER BY city`,
    );
    return rows.map((row) => row.city);
  }
}
