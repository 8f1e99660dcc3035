import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import type { Page } from '../../common/pagination/page.js';
import { Lease } from './lease.entity.js';
import type { LeaseStatus } from './lease-rules.js';
import { LeaseRevision } from './lease-revision.entity.js';

export type NewLease = Omit<Lease, 'id' | 'createdAt' | 'noticeGivenOn' | 'terminationReason'>;

export interface LeaseFilter {
  buildingId?: string;
  tenantId?: string;
  status?: LeaseStatus;
  today: string;
}

export interface FloorOccupancyRow {
  floorId: string;
  level: number;
  lettableAreaM2: number;
  letAreaM2: number;
  groupName: string | null;
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

  /** The lease and its signing revision, in the caller's transaction: together or not at all. */
  async insertWithSigningRevision(manager: EntityManager, values: NewLease): Promise<Lease> {
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

  findById(id: string): Promise<Lease | null> {
    return this.leases.findOneBy({ id });
  }

  async findPage(filter: LeaseFilter, page: { limit: number; offset: number }): Promise<Page<Lease>> {
    const query = this.leases.createQueryBuilder('lease').where('TRUE');
    if (filter.buildingId) query.andWhere('lease.building_id = :buildingId', { buildingId: filter.buildingId });
    if (filter.tenantId) query.andWhere('lease.tenant_id = :tenantId', { tenantId: filter.tenantId });
    if (filter.status === 'upcoming') query.andWhere('lease.start_date > :today', { today: filter.today });
    if (filter.status === 'ended') query.andWhere('lease.end_date < :today', { today: filter.today });
    if (filter.status === 'active') {
      query.andWhere('lease.start_date <= :today AND (lease.end_date IS NULL OR lease.end_date >= :today)', { today: filter.today });
    }
    const [items, total] = await query
      .orderBy('lease.start_date', 'ASC')
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

  async recordNotice(
    manager: EntityManager,
    id: string,
    change: { endDate: string; noticeGivenOn: string; terminationReason: string },
  ): Promise<void> {
    await manager.update(Lease, { id }, change);
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
         SELECT l.id, $2::date, current.band_code,
                round(current.rate_per_m2_year_cents * (10000 + $3::int)::numeric / 10000), 'indexation', $4
           FROM lease l
           CROSS JOIN LATERAL (
             SELECT r.band_code, r.rate_per_m2_year_cents FROM lease_revision r
              WHERE r.lease_id = l.id AND r.effective_date <= $2::date
              ORDER BY r.effective_date DESC LIMIT 1
           ) current
          WHERE l.building_id = $1 AND l.start_date < $2::date AND (l.end_date IS NULL OR l.end_date >= $2::date)
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
        `SELECT f.id AS floor_id, f.level,
                (SELECT a.group_name FROM floor_allocation x JOIN application a ON a.id = x.application_id
                  WHERE x.floor_id = f.id AND x.allocated_on <= $2 AND (x.released_on IS NULL OR x.released_on > $2)
                  ORDER BY x.allocated_on DESC LIMIT 1) AS group_name,
                coalesce(sum(s.area_m2), 0) AS lettable,
                coalesce(sum(s.area_m2) FILTER (WHERE EXISTS (
                  SELECT 1 FROM lease l
                   WHERE l.space_id = s.id AND l.start_date <= $2 AND (l.end_date IS NULL OR l.end_date >= $2))), 0) AS let
           FROM floor f LEFT JOIN space s ON s.floor_id = f.id
          WHERE f.building_id = $1
          GROUP BY f.id, f.level
          ORDER BY f.level`,
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
}
