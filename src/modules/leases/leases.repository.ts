import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import type { Page } from '../../common/pagination/page.js';
import { Lease } from './lease.entity.js';
import { LeaseNotice } from './lease-notice.entity.js';
import type { LeaseStatus } from './lease-rules.js';
import { LeaseRevision } from './lease-revision.entity.js';

export type NewLease = Omit<Lease, 'id' | 'createdAt' | 'noticeGivenOn' | 'terminationReason'>;

export interface LeaseEnding {
  leaseId: string;
  endDate: string;
  noticeGivenOn: string;
  reason: string;
}

export type NewLeaseNotice = Omit<LeaseNotice, 'documentId'>;

export interface LeaseFilter {
  buildingId?: string;
  tenantId?: string;
  /** An umbrella's staff: only leases in the umbrella's buildings. */
  umbrellaId?: string;
  status?: LeaseStatus;
  /** Only leases whose end date lies before this day. */
  endingBefore?: string;
  today: string;
}

export interface FloorOccupancyRow {
  floorId: string;
  level: number;
  lettableAreaM2: number;
  letAreaM2: number;
  groupName: string | null;
}

/** A floor's lettable and let m² on one day. */
export interface FloorOccupancyOnDay {
  day: string;
  floorId: string;
  lettableAreaM2: number;
  letAreaM2: number;
}

@Injectable()
export class LeasesRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Lease) private readonly leases: Repository<Lease>,
    @InjectRepository(LeaseRevision) private readonly revisions: Repository<LeaseRevision>,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * The leases of a space that run on or after `from` take its corrected area, for the invoices not
   * issued yet; a lease that ended before keeps the area it was billed by. Answers each with its old area.
   */
  async followSpaceArea(
    manager: EntityManager,
    spaceId: string,
    areaM2: number,
    from: string,
  ): Promise<{ leaseId: string; before: number }[]> {
    const [rows] = await manager.query<[{ id: string; before: string }[], number]>(
      `UPDATE lease l SET area_m2 = $2
         FROM (SELECT id, area_m2 FROM lease WHERE space_id = $1 AND (end_date IS NULL OR end_date >= $3) AND area_m2 <> $2 FOR UPDATE) old
        WHERE l.id = old.id
        RETURNING l.id, old.area_m2 AS before`,
      [spaceId, areaM2, from],
    );
    return rows.map((row) => ({ leaseId: row.id, before: Number(row.before) }));
  }

  /**
   * The lease and its signing revision, in the caller's transaction: together or not at all. Leases of one
   * space are signed one at a time: concurrent inserts that collide on the exclusion constraint can
   * otherwise deadlock each other instead of one of them meeting the other's committed lease.
   */
  async insertWithSigningRevision(manager: EntityManager, values: NewLease): Promise<Lease> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('lease_space:' || $1, 0))`, [values.spaceId]);
    const lease = await manager.save(manager.create(Lease, values));
    await manager.insert(LeaseRevision, {
      leaseId: lease.id,
      effectiveDate: lease.startDate,
      bandCode: lease.bandCode,
      ratePerM2YearCents: lease.ratePerM2YearCents,
      reason: 'signing',
      indexationId: null,
    });
    return lease;
  }

  /** The day a floor left the broedplaats, if it did (the handovers' view). */
  async floorLeftOn(floorId: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ left_on: string }[]>(
      `SELECT to_char(left_on, 'YYYY-MM-DD') AS left_on FROM floor_departure WHERE floor_id = $1`,
      [floorId],
    );
    return row?.left_on ?? null;
  }

  findById(id: string): Promise<Lease | null> {
    return this.leases.findOneBy({ id });
  }

  async findPage(filter: LeaseFilter, page: { limit: number; offset: number }): Promise<Page<Lease>> {
    const query = this.leases.createQueryBuilder('lease').where('TRUE');
    if (filter.buildingId) query.andWhere('lease.building_id = :buildingId', { buildingId: filter.buildingId });
    if (filter.tenantId) query.andWhere('lease.tenant_id = :tenantId', { tenantId: filter.tenantId });
    if (filter.umbrellaId) {
      query.andWhere('lease.building_id IN (SELECT building_id FROM building_register WHERE umbrella_id = :umbrellaId)', {
        umbrellaId: filter.umbrellaId,
      });
    }
    if (filter.status === 'upcoming') query.andWhere('lease.start_date > :today', { today: filter.today });
    if (filter.status === 'ended') query.andWhere('lease.end_date < :today', { today: filter.today });
    if (filter.status === 'active') {
      query.andWhere('lease.id IN (SELECT lease_id FROM lease_running_on(:today))', { today: filter.today });
    }
    if (filter.endingBefore) {
      query.andWhere('lease.end_date < :endingBefore', { endingBefore: filter.endingBefore }).orderBy('lease.end_date', 'ASC');
    }
    const [items, total] = await query
      .addOrderBy('lease.start_date', 'ASC')
      .addOrderBy('lease.id', 'ASC')
      .take(page.limit)
      .skip(page.offset)
      .getManyAndCount();
    return { items, total };
  }

  /** Revisions of many leases in one query, grouped by lease. */
  async revisionsOf(leaseIds: string[]): Promise<Map<string, LeaseRevision[]>> {
    const byLease = new Map<string, LeaseRevision[]>(leaseIds.map((id) => [id, []]));
    if (leaseIds.length === 0) return byLease;
    const rows = await this.revisions
      .createQueryBuilder('revision')
      .where('revision.lease_id = ANY(:leaseIds)', { leaseIds })
      .orderBy('revision.effective_date', 'ASC')
      .getMany();
    for (const row of rows) byLease.get(row.leaseId)?.push(row);
    return byLease;
  }

  insertRevision(values: Omit<LeaseRevision, 'id' | 'createdAt'>): Promise<LeaseRevision> {
    return this.revisions.save(this.revisions.create(values));
  }

  /** Locks the leases for the caller's transaction, so two notices on one lease take turns. */
  lockMany(manager: EntityManager, ids: string[]): Promise<Lease[]> {
    return manager
      .getRepository(Lease)
      .createQueryBuilder('lease')
      .setLock('pessimistic_write')
      .where('lease.id = ANY(:ids)', { ids })
      .orderBy('lease.id')
      .getMany();
  }

  async recordEnds(manager: EntityManager, endings: LeaseEnding[]): Promise<void> {
    if (endings.length === 0) return;
    await manager.query(
      `UPDATE lease SET end_date = e.end_date, notice_given_on = e.given_on, termination_reason = e.reason
         FROM unnest($1::uuid[], $2::date[], $3::date[], $4::text[]) AS e(lease_id, end_date, given_on, reason)
        WHERE lease.id = e.lease_id`,
      [
        endings.map((ending) => ending.leaseId),
        endings.map((ending) => ending.endDate),
        endings.map((ending) => ending.noticeGivenOn),
        endings.map((ending) => ending.reason),
      ],
    );
  }

  async insertNotices(manager: EntityManager, notices: NewLeaseNotice[]): Promise<void> {
    if (notices.length === 0) return;
    await manager.insert(
      LeaseNotice,
      notices.map((notice) => ({ ...notice, documentId: null })),
    );
  }

  findNotice(leaseId: string): Promise<LeaseNotice | null> {
    return this.dataSource.manager.findOneBy(LeaseNotice, { leaseId });
  }

  noticesWithoutDocument(handoverId: string): Promise<LeaseNotice[]> {
    return this.dataSource
      .getRepository(LeaseNotice)
      .createQueryBuilder('notice')
      .where('notice.handover_id = :handoverId AND notice.document_id IS NULL', { handoverId })
      .getMany();
  }

  async attachNoticeDocument(manager: EntityManager, leaseId: string, documentId: string): Promise<void> {
    await manager.query(`UPDATE lease_notice SET document_id = $2 WHERE lease_id = $1 AND document_id IS NULL`, [leaseId, documentId]);
  }

  /**
   * Indexes, in one statement, the rate in force of every lease of the building that runs on the
   * date (and started before it: a lease signed that day already has today's rate).
   */
  indexBuilding(buildingId: string, effectiveDate: string, percent: number): Promise<{ indexationId: string; leasesRevised: number }> {
    return this.dataSource.transaction(async (manager) => {
      const [{ id }] = await manager.query<{ id: string }[]>(
        `INSERT INTO building_indexation (building_id, effective_date, percent) VALUES ($1, $2, $3) RETURNING id`,
        [buildingId, effectiveDate, percent],
      );
      const revised = await manager.query<{ lease_id: string }[]>(
        `INSERT INTO lease_revision (lease_id, effective_date, band_code, rate_per_m2_year_cents, reason, indexation_id)
         SELECT l.lease_id, $2::date, current.band_code,
                round(current.rate_per_m2_year_cents * (10000 + $3::int)::numeric / 10000), 'indexation', $4
           FROM lease_running_on($2::date) l
           CROSS JOIN LATERAL (
             SELECT r.band_code, r.rate_per_m2_year_cents FROM lease_revision r
              WHERE r.lease_id = l.lease_id AND r.effective_date <= $2::date
              ORDER BY r.effective_date DESC LIMIT 1
           ) current
          WHERE l.building_id = $1 AND l.start_date < $2::date
         ON CONFLICT (lease_id, effective_date) DO NOTHING
         RETURNING lease_id`,
        [buildingId, effectiveDate, Math.round(percent * 100), id],
      );
      return { indexationId: id, leasesRevised: revised.length };
    });
  }

  /** Lettable and let m² per floor on a date, and the group the floor was allocated to then, in one query. */
  occupancyPerFloor(buildingId: string, date: string): Promise<FloorOccupancyRow[]> {
    return this.dataSource
      .query<{ floor_id: string; level: number; lettable: string; let: string; group_name: string | null }[]>(
        `SELECT o.floor_id, o.level, g.group_name, o.lettable_area_m2 AS lettable, o.let_area_m2 AS let
           FROM floor_occupancy_on($2) o LEFT JOIN floor_group_on($2) g ON g.floor_id = o.floor_id
          WHERE o.building_id = $1
          ORDER BY o.level`,
        [buildingId, date],
      )
      .then((rows) =>
        rows.map((row) => ({
          floorId: row.floor_id,
          level: row.level,
          lettableAreaM2: Number(row.lettable),
          letAreaM2: Number(row.let),
          groupName: row.group_name,
        })),
      );
  }

  /** Per day asked and per floor of the building, lettable and let m²: a chart's months in one query. */
  occupancyPerFloorOnDays(buildingId: string, days: string[]): Promise<FloorOccupancyOnDay[]> {
    return this.dataSource
      .query<{ day: string; floor_id: string; lettable: string; let: string }[]>(
        `SELECT to_char(d.day, 'YYYY-MM-DD') AS day, o.floor_id, o.lettable_area_m2 AS lettable, o.let_area_m2 AS let
           FROM unnest($2::date[]) AS d(day) CROSS JOIN LATERAL floor_occupancy_on(d.day) o
          WHERE o.building_id = $1
          ORDER BY d.day, o.level`,
        [buildingId, days],
      )
      .then((rows) =>
        rows.map((row) => ({ day: row.day, floorId: row.floor_id, lettableAreaM2: Number(row.lettable), letAreaM2: Number(row.let) })),
      );
  }

  /** Per building, how many leases end within [from, to]; buildings without one are absent. */
  async countEndingWithin(buildingIds: string[], from: string, to: string): Promise<Map<string, number>> {
    const rows = await this.dataSource.query<{ building_id: string; n: string }[]>(
      `SELECT building_id, count(*) AS n FROM lease
        WHERE building_id = ANY($1::uuid[]) AND end_date BETWEEN $2 AND $3
        GROUP BY building_id`,
      [buildingIds, from, to],
    );
    return new Map(rows.map((row) => [row.building_id, Number(row.n)]));
  }
}
