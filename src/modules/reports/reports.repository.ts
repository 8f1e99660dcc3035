import type { Principal } from '../../common/auth/principal.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Page } from '../../common/pagination/page.js';
import type { JobStatus } from '../../jobs/job-status.js';
import type { BuildingCounts } from './aggregates.js';
import type { ArrearsReportRow } from './report-documents.js';
import { Report, type ReportKind } from './report.entity.js';

/** The leases running on the report's day, in the buildings of the scope. */
const ACTIVE_LEASES = `
  active AS (
    SELECT l.lease_id AS id, l.space_id, l.tenant_id, l.building_id, l.area_m2 FROM lease_running_on($3) l
     WHERE l.building_id IN (SELECT id FROM scope))`;

/** Buildings of the city whose use overlaps the period. */
const CITY_SCOPE = `
  scope AS (
    SELECT building_id AS id FROM building_register
     WHERE lower(city) = lower($1) AND use_start <= $3 AND (use_end IS NULL OR use_end >= $2))`;

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
    const params = [city, first, asOf];
    const [areas, people, disciplines, extras] = await Promise.all([
      this.dataSource.query<
        {
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
        `WITH ${CITY_SCOPE}
         SELECT b.building_id AS id, b.name, b.kind, to_char(b.use_end, 'YYYY-MM-DD') AS use_end,
                coalesce(sum(o.lettable_area_m2), 0) AS lettable, coalesce(sum(o.let_area_m2), 0) AS let,
                coalesce(sum(o.spaces), 0)::int AS spaces, coalesce(sum(o.spaces_let), 0)::int AS spaces_let
           FROM scope JOIN building_register b ON b.building_id = scope.id
           -- A floor that left the broedplaats (kept by its seller at a handover) is no longer lettable space of it.
           LEFT JOIN floor_occupancy_on($3) o ON o.building_id = b.building_id
                 AND NOT EXISTS (SELECT 1 FROM floor_departure d WHERE d.floor_id = o.floor_id AND d.left_on <= $3)
          GROUP BY b.building_id, b.name, b.kind, b.use_end ORDER BY b.name, b.building_id`,
        params,
      ),
      // Tenants per building and per band in force on the day (the newest revision by then).
      this.dataSource.query<{ building_id: string; band_code: string | null; tenants: number; area: string; local: number }[]>(
        `WITH ${CITY_SCOPE}, ${ACTIVE_LEASES},
              banded AS (
                SELECT a.id, a.building_id, a.tenant_id, a.area_m2, r.band_code
                  FROM active a JOIN lease_rate_on($3) r ON r.lease_id = a.id)
         SELECT x.building_id, x.band_code, count(DISTINCT x.tenant_id)::int AS tenants, sum(x.area_m2) AS area,
                count(DISTINCT x.tenant_id) FILTER (WHERE left(t.postcode, 3) = substring(b.address FROM '([1-9][0-9]{2})[0-9] ?[A-Z]{2}'))::int AS local
           FROM banded x JOIN tenant_profile t ON t.tenant_id = x.tenant_id JOIN building_register b ON b.building_id = x.building_id
          GROUP BY GROUPING SETS ((x.building_id), (x.building_id, x.band_code))`,
        params,
      ),
      this.dataSource.query<{ building_id: string; discipline: string; tenants: number }[]>(
        `WITH ${CITY_SCOPE}, ${ACTIVE_LEASES}
         SELECT a.building_id, coalesce(t.discipline, 'onbekend') AS discipline, count(DISTINCT a.tenant_id)::int AS tenants
           FROM active a JOIN tenant_profile t ON t.tenant_id = a.tenant_id
          GROUP BY a.building_id, coalesce(t.discipline, 'onbekend')
          ORDER BY a.building_id, discipline`,
        params,
      ),
      // The waiting list counts the members of waitlisted groups; the city's investments up to the day.
      this.dataSource.query<{ building_id: string; waiting: number; invested: string }[]>(
        `WITH ${CITY_SCOPE}
         SELECT scope.id AS building_id,
                coalesce(w.members, 0) AS waiting,
                (SELECT coalesce(sum(i.amount_cents), 0) FROM investment_ledger i JOIN organisation_party o ON o.organisation_id = i.party_id
                  WHERE i.building_id = scope.id AND o.kind = 'municipality' AND i.date <= $3) AS invested
           FROM scope LEFT JOIN waiting_list w ON w.building_id = scope.id`,
        params,
      ),
    ]);
    const peopleOf = new Map<string, typeof people>();
    for (const row of people) peopleOf.set(row.building_id, [...(peopleOf.get(row.building_id) ?? []), row]);
    const disciplinesOf = new Map<string, typeof disciplines>();
    for (const row of disciplines) disciplinesOf.set(row.building_id, [...(disciplinesOf.get(row.building_id) ?? []), row]);
    const extrasOf = new Map(extras.map((row) => [row.building_id, row]));
    return areas.map((row) => {
      const rows = peopleOf.get(row.id) ?? [];
      const whole = rows.find((entry) => entry.band_code === null);
      return {
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
          .filter((entry) => entry.band_code !== null)
          .sort((a, b) => a.band_code!.localeCompare(b.band_code!))
          .map((entry) => ({ code: entry.band_code!, tenants: entry.tenants, areaM2: Number(entry.area) })),
        disciplines: (disciplinesOf.get(row.id) ?? []).map((entry) => ({ name: entry.discipline, tenants: entry.tenants })),
        waitingList: extrasOf.get(row.id)?.waiting ?? 0,
        municipalInvestmentCents: Number(extrasOf.get(row.id)?.invested ?? 0),
      };
    });
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
