import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Page } from '../../common/pagination/page.js';
import { HourlyValue, ProgrammeEvent, Subsidy, TimeEntry, WorkingGroup } from './time-account.entity.js';
import type { TimeEntryStatus } from './time-rules.js';

export interface TimeEntryFilter {
  buildingId?: string;
  /** Only entries in these buildings (an umbrella's staff: its own). */
  buildingIds?: string[];
  tenantId?: string;
  /** With `tenantId`: also the entries of the working groups this tenant coordinates. */
  orCoordinatedBy?: string;
  /** Only the entries of the working groups this tenant coordinates. */
  coordinatedBy?: string;
  workingGroupId?: string;
  status?: TimeEntryStatus;
  from?: string;
  to?: string;
}

/** Approved quarters of one building (or city) and range, per kind and per working group, with the people behind them. */
export interface TimeFacts {
  buildingId: string;
  byKind: { kind: string; quarters: number; people: number; quarterCents: number }[];
  byGroup: { workingGroupId: string | null; name: string | null; quarters: number; people: number; quarterCents: number }[];
  total: { quarters: number; people: number; quarterCents: number };
  events: { kind: string; events: number; visitors: number; free: number }[];
}

export interface MoneyFacts {
  buildingId: string;
  rentInvoicedCents: number;
  rentReceivedCents: number;
  subsidies: { source: string; amountCents: number }[];
  investments: { partyId: string; partyName: string; partyKind: string; amountCents: number }[];
}

export interface BuildingEntry {
  buildingId: string;
  name: string;
  city: string;
  useStart: string;
  useEnd: string | null;
  umbrellaId: string;
  umbrellaName: string;
}

@Injectable()
export class TimeAccountRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  insertGroup(group: Pick<WorkingGroup, 'buildingId' | 'name' | 'coordinatorTenantId'>): Promise<WorkingGroup> {
    return this.dataSource.manager.save(WorkingGroup, this.dataSource.manager.create(WorkingGroup, group));
  }

  async updateGroup(id: string, changes: Partial<Pick<WorkingGroup, 'name' | 'coordinatorTenantId'>>): Promise<void> {
    await this.dataSource.manager.update(WorkingGroup, { id }, changes);
  }

  findGroup(id: string): Promise<WorkingGroup | null> {
    return this.dataSource.manager.findOneBy(WorkingGroup, { id });
  }

  groupsOf(buildingId: string): Promise<WorkingGroup[]> {
    return this.dataSource.manager.find(WorkingGroup, { where: { buildingId }, order: { name: 'ASC' } });
  }

  /** The groups a tenant coordinates, in any building. */
  groupsCoordinatedBy(tenantId: string): Promise<WorkingGroup[]> {
    return this.dataSource.manager.find(WorkingGroup, { where: { coordinatorTenantId: tenantId }, order: { name: 'ASC' } });
  }

  /** Whether the tenant rents (or rented) space in the building; with `onDay`, a lease of it running that day. */
  async isTenantOf(tenantId: string, buildingId: string, onDay?: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      onDay === undefined
        ? `SELECT 1 FROM lease_terms WHERE tenant_id = $1 AND building_id = $2 LIMIT 1`
        : `SELECT 1 FROM lease_running_on($3::date) WHERE tenant_id = $1 AND building_id = $2 LIMIT 1`,
      onDay === undefined ? [tenantId, buildingId] : [tenantId, buildingId, onDay],
    );
    return rows.length > 0;
  }

  /** The buildings a tenant rents space in on a day (or ever), by name. */
  async buildingsOfTenant(tenantId: string): Promise<{ id: string; name: string }[]> {
    return this.dataSource.query(
      `SELECT DISTINCT b.building_id AS id, b.name FROM lease_terms l JOIN building_register b ON b.building_id = l.building_id
        WHERE l.tenant_id = $1 ORDER BY b.name`,
      [tenantId],
    );
  }

  /**
   * Serialises every write of one person's day: concurrent entries of the same tenant and date wait for each other, so the
   * 16-hour check that follows sees what the others wrote.
   */
  async lockDay(manager: EntityManager, tenantId: string, date: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('time_entry:' || $1 || ':' || $2, 0))`, [tenantId, date]);
  }

  /** The quarters a tenant recorded on a day and not rejected, leaving one entry out (the one being changed). */
  async quartersOnDay(manager: EntityManager, tenantId: string, date: string, exceptId: string | null): Promise<number> {
    const [row] = await manager.query<{ quarters: number }[]>(
      `SELECT coalesce(sum(quarters), 0)::int AS quarters FROM time_entry
        WHERE tenant_id = $1 AND date = $2 AND status <> 'rejected' AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [tenantId, date, exceptId],
    );
    return row!.quarters;
  }

  insertEntry(
    manager: EntityManager,
    entry: Omit<TimeEntry, 'id' | 'status' | 'decidedBy' | 'decidedAt' | 'rejectionReason' | 'createdAt'>,
  ): Promise<TimeEntry> {
    return manager.save(TimeEntry, manager.create(TimeEntry, { ...entry, status: 'pending' }));
  }

  findEntry(id: string, manager: EntityManager = this.dataSource.manager): Promise<TimeEntry | null> {
    return manager.findOneBy(TimeEntry, { id });
  }

  /** Locks a pending entry for a change; null when it is gone or was decided meanwhile. */
  lockPending(manager: EntityManager, id: string): Promise<TimeEntry | null> {
    return manager.createQueryBuilder(TimeEntry, 'e').setLock('pessimistic_write').where('e.id = :id', { id }).getOne();
  }

  async updateEntry(manager: EntityManager, id: string, changes: Partial<TimeEntry>): Promise<void> {
    await manager.update(TimeEntry, { id, status: 'pending' }, changes);
  }

  async deleteEntry(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(TimeEntry, { id, status: 'pending' });
  }

  /** Decides a pending entry; false when it was decided meanwhile. */
  async decide(
    manager: EntityManager,
    id: string,
    decision: { status: 'approved' | 'rejected'; decidedBy: string | null; rejectionReason: string | null },
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(TimeEntry)
      .set({ ...decision, decidedAt: () => 'now()' })
      .where('id = :id AND status = :pending', { id, pending: 'pending' })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async findEntries(filter: TimeEntryFilter, page: { limit: number; offset: number }): Promise<Page<TimeEntry>> {
    const query = this.dataSource.manager.createQueryBuilder(TimeEntry, 'e');
    if (filter.tenantId !== undefined) {
      if (filter.orCoordinatedBy !== undefined)
        query.andWhere(
          '(e.tenantId = :tenantId OR e.workingGroupId IN (SELECT g.id FROM working_group g WHERE g.coordinator_tenant_id = :coordinator))',
          { tenantId: filter.tenantId, coordinator: filter.orCoordinatedBy },
        );
      else query.andWhere('e.tenantId = :tenantId', { tenantId: filter.tenantId });
    }
    if (filter.coordinatedBy !== undefined)
      query.andWhere('e.workingGroupId IN (SELECT g.id FROM working_group g WHERE g.coordinator_tenant_id = :coordinatedBy)', {
        coordinatedBy: filter.coordinatedBy,
      });
    if (filter.buildingId !== undefined) query.andWhere('e.buildingId = :buildingId', { buildingId: filter.buildingId });
    if (filter.buildingIds !== undefined) query.andWhere('e.buildingId = ANY(:buildingIds)', { buildingIds: filter.buildingIds });
    if (filter.workingGroupId !== undefined) query.andWhere('e.workingGroupId = :groupId', { groupId: filter.workingGroupId });
    if (filter.status !== undefined) query.andWhere('e.status = :status', { status: filter.status });
    if (filter.from !== undefined) query.andWhere('e.date >= :from', { from: filter.from });
    if (filter.to !== undefined) query.andWhere('e.date <= :to', { to: filter.to });
    const [items, total] = await query
      .orderBy('e.date', 'DESC')
      .addOrderBy('e.createdAt', 'DESC')
      .addOrderBy('e.id', 'ASC')
      .take(page.limit)
      .skip(page.offset)
      .getManyAndCount();
    return { items, total };
  }

  insertEvent(event: Omit<ProgrammeEvent, 'id' | 'createdAt'>): Promise<ProgrammeEvent> {
    return this.dataSource.manager.save(ProgrammeEvent, this.dataSource.manager.create(ProgrammeEvent, event));
  }

  findEvent(id: string): Promise<ProgrammeEvent | null> {
    return this.dataSource.manager.findOneBy(ProgrammeEvent, { id });
  }

  async deleteEvent(id: string): Promise<void> {
    await this.dataSource.manager.delete(ProgrammeEvent, { id });
  }

  eventsOf(buildingId: string, range: { first: string; last: string }): Promise<ProgrammeEvent[]> {
    return this.dataSource.manager
      .createQueryBuilder(ProgrammeEvent, 'e')
      .where('e.buildingId = :buildingId AND e.date BETWEEN :first AND :last', { buildingId, ...range })
      .orderBy('e.date', 'ASC')
      .addOrderBy('e.title', 'ASC')
      .getMany();
  }

  insertSubsidy(subsidy: Omit<Subsidy, 'id' | 'createdAt'>): Promise<Subsidy> {
    return this.dataSource.manager.save(Subsidy, this.dataSource.manager.create(Subsidy, subsidy));
  }

  subsidiesOf(buildingId: string): Promise<Subsidy[]> {
    return this.dataSource.manager.find(Subsidy, { where: { buildingId }, order: { date: 'ASC', source: 'ASC' } });
  }

  insertHourlyValue(value: Pick<HourlyValue, 'validFrom' | 'centsPerHour'>): Promise<HourlyValue> {
    return this.dataSource.manager.save(HourlyValue, this.dataSource.manager.create(HourlyValue, value));
  }

  hourlyValues(): Promise<HourlyValue[]> {
    return this.dataSource.manager.find(HourlyValue, { order: { validFrom: 'ASC' } });
  }

  /** The buildings of a city in use at some day of the range, by name. */
  async cityBuildings(city: string, range: { first: string; last: string }): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT building_id AS id FROM building_register
        WHERE lower(city) = lower($1) AND use_start <= $3 AND (use_end IS NULL OR use_end >= $2)
        ORDER BY name, building_id`,
      [city, range.first, range.last],
    );
    return rows.map((row) => row.id);
  }

  /** The register entries of the buildings (in the order asked), with their umbrella's name. */
  async register(buildingIds: string[]): Promise<BuildingEntry[]> {
    const rows = await this.dataSource.query<BuildingEntry[]>(
      `SELECT b.building_id AS "buildingId", b.name, b.city, to_char(b.use_start, 'YYYY-MM-DD') AS "useStart",
              to_char(b.use_end, 'YYYY-MM-DD') AS "useEnd", b.umbrella_id AS "umbrellaId", u.name AS "umbrellaName"
         FROM building_register b JOIN organisation_party u ON u.organisation_id = b.umbrella_id
        WHERE b.building_id = ANY($1::uuid[])`,
      [buildingIds],
    );
    const byId = new Map(rows.map((row) => [row.buildingId, row]));
    return buildingIds.map((id) => byId.get(id)).filter((row): row is BuildingEntry => row !== undefined);
  }

  /** The city of a municipality (its organisation's), for a city user's own view. */
  async cityOfOrganisation(organisationId: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ city: string | null }[]>(
      `SELECT city FROM organisation_party WHERE organisation_id = $1 AND kind = 'municipality'`,
      [organisationId],
    );
    return row?.city ?? null;
  }

  /**
   * The time account of the buildings for a range, set-based: approved quarters per kind, per group and in total with the
   * distinct people behind each, the sum of quarters × the hourly value of their day, and the events of the programme.
   */
  async timeFacts(buildingIds: string[], range: { first: string; last: string }): Promise<TimeFacts[]> {
    if (buildingIds.length === 0) return [];
    const params = [buildingIds, range.first, range.last];
    const [time, events] = await Promise.all([
      this.dataSource.query<
        {
          building_id: string;
          kind: string | null;
          group_id: string | null;
          group_name: string | null;
          by_group: boolean;
          quarters: number;
          people: number;
          quarter_cents: string;
        }[]
      >(
        `SELECT t.building_id, t.kind, t.working_group_id AS group_id, g.name AS group_name,
                GROUPING(t.working_group_id, g.name) = 0 AS by_group,
                sum(t.quarters)::int AS quarters, count(DISTINCT t.tenant_id)::int AS people,
                sum(t.quarters::bigint * t.cents_per_hour) AS quarter_cents
           FROM approved_time t LEFT JOIN working_group g ON g.id = t.working_group_id
          WHERE t.building_id = ANY($1::uuid[]) AND t.date BETWEEN $2 AND $3
          GROUP BY GROUPING SETS ((t.building_id), (t.building_id, t.kind), (t.building_id, t.working_group_id, g.name))`,
        params,
      ),
      this.dataSource.query<{ building_id: string; kind: string; events: number; visitors: number; free: number }[]>(
        `SELECT building_id, kind, count(*)::int AS events, coalesce(sum(visitors), 0)::int AS visitors, (count(*) FILTER (WHERE free))::int AS free
           FROM programme_activity WHERE building_id = ANY($1::uuid[]) AND date BETWEEN $2 AND $3
          GROUP BY building_id, kind ORDER BY building_id, kind`,
        params,
      ),
    ]);
    return buildingIds.map((buildingId) => {
      const rows = time.filter((row) => row.building_id === buildingId);
      const totalRow = rows.find((row) => row.kind === null && !row.by_group);
      return {
        buildingId,
        byKind: rows
          .filter((row) => row.kind !== null)
          .map((row) => ({ kind: row.kind!, quarters: row.quarters, people: row.people, quarterCents: Number(row.quarter_cents) })),
        byGroup: rows
          .filter((row) => row.by_group)
          .map((row) => ({
            workingGroupId: row.group_id,
            name: row.group_name,
            quarters: row.quarters,
            people: row.people,
            quarterCents: Number(row.quarter_cents),
          })),
        total: totalRow
          ? { quarters: totalRow.quarters, people: totalRow.people, quarterCents: Number(totalRow.quarter_cents) }
          : { quarters: 0, people: 0, quarterCents: 0 },
        events: events
          .filter((row) => row.building_id === buildingId)
          .map((row) => ({ kind: row.kind, events: row.events, visitors: row.visitors, free: row.free })),
      };
    });
  }

  /** The people behind the approved hours of several buildings together (one person in two buildings counts once). */
  async peopleAcross(
    buildingIds: string[],
    range: { first: string; last: string },
  ): Promise<{ total: number; byKind: Map<string, number> }> {
    const rows = await this.dataSource.query<{ kind: string | null; people: number }[]>(
      `SELECT kind, count(DISTINCT tenant_id)::int AS people FROM approved_time
        WHERE building_id = ANY($1::uuid[]) AND date BETWEEN $2 AND $3 GROUP BY GROUPING SETS ((), (kind))`,
      [buildingIds, range.first, range.last],
    );
    return {
      total: rows.find((row) => row.kind === null)?.people ?? 0,
      byKind: new Map(rows.filter((row) => row.kind !== null).map((row) => [row.kind!, row.people])),
    };
  }

  /** The money side the system knows of, for the buildings and range: rent invoiced and received, subsidies, investments by party. */
  async moneyFacts(buildingIds: string[], range: { first: string; last: string }): Promise<MoneyFacts[]> {
    if (buildingIds.length === 0) return [];
    const params = [buildingIds, range.first, range.last];
    const [rent, received, subsidies, investments] = await Promise.all([
      this.dataSource.query<{ building_id: string; cents: string }[]>(
        `SELECT building_id, sum(total_cents) AS cents FROM invoice_balance
          WHERE building_id = ANY($1::uuid[]) AND issue_date BETWEEN $2 AND $3 GROUP BY building_id`,
        params,
      ),
      this.dataSource.query<{ building_id: string; cents: string }[]>(
        `SELECT building_id, sum(amount_cents) AS cents FROM payment_received
          WHERE building_id = ANY($1::uuid[]) AND paid_on BETWEEN $2 AND $3 GROUP BY building_id`,
        params,
      ),
      this.dataSource.query<{ building_id: string; source: string; cents: string }[]>(
        `SELECT building_id, source, sum(amount_cents) AS cents FROM subsidy_ledger
          WHERE building_id = ANY($1::uuid[]) AND date BETWEEN $2 AND $3 GROUP BY building_id, source ORDER BY building_id, source`,
        params,
      ),
      this.dataSource.query<{ building_id: string; party_id: string; party_name: string; party_kind: string; cents: string }[]>(
        `SELECT i.building_id, i.party_id, o.name AS party_name, o.kind AS party_kind, sum(i.amount_cents) AS cents
           FROM investment_ledger i JOIN organisation_party o ON o.organisation_id = i.party_id
          WHERE i.building_id = ANY($1::uuid[]) AND i.date BETWEEN $2 AND $3
          GROUP BY i.building_id, i.party_id, o.name, o.kind ORDER BY i.building_id, o.name`,
        params,
      ),
    ]);
    const centsOf = (rows: { building_id: string; cents: string }[], buildingId: string) =>
      Number(rows.find((row) => row.building_id === buildingId)?.cents ?? 0);
    return buildingIds.map((buildingId) => ({
      buildingId,
      rentInvoicedCents: centsOf(rent, buildingId),
      rentReceivedCents: centsOf(received, buildingId),
      subsidies: subsidies
        .filter((row) => row.building_id === buildingId)
        .map((row) => ({ source: row.source, amountCents: Number(row.cents) })),
      investments: investments
        .filter((row) => row.building_id === buildingId)
        .map((row) => ({ partyId: row.party_id, partyName: row.party_name, partyKind: row.party_kind, amountCents: Number(row.cents) })),
    }));
  }

  /** The head-lease terms of the buildings (zero where none were set). */
  async headLeases(
    buildingIds: string[],
  ): Promise<Map<string, { headLeaseRentYearCents: number; loanPrincipalCents: number; interestRateBps: number }>> {
    const rows = await this.dataSource.query<{ building_id: string; rent: string; principal: string; bps: number }[]>(
      `SELECT building_id, head_lease_rent_year_cents AS rent, loan_principal_cents AS principal, interest_rate_bps AS bps
         FROM head_lease_finance WHERE building_id = ANY($1::uuid[])`,
      [buildingIds],
    );
    return new Map(
      rows.map((row) => [
        row.building_id,
        { headLeaseRentYearCents: Number(row.rent), loanPrincipalCents: Number(row.principal), interestRateBps: row.bps },
      ]),
    );
  }

  /** Who owned the buildings when, with the owner's name, oldest first. */
  async ownerPeriods(
    buildingIds: string[],
  ): Promise<{ buildingId: string; ownerId: string; ownerName: string; ownedFrom: string; ownedTo: string | null }[]> {
    return this.dataSource.query(
      `SELECT p.building_id AS "buildingId", p.owner_id AS "ownerId", o.name AS "ownerName",
              to_char(p.owned_from, 'YYYY-MM-DD') AS "ownedFrom", to_char(p.owned_to, 'YYYY-MM-DD') AS "ownedTo"
         FROM building_owner_period p JOIN organisation_party o ON o.organisation_id = p.owner_id
        WHERE p.building_id = ANY($1::uuid[]) ORDER BY p.building_id, p.owned_from`,
      [buildingIds],
    );
  }
}
