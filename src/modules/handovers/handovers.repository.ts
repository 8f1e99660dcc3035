import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { Handover } from './handover.entity.js';
import type { PlannedLease, VacantSpace } from './handover-plan.js';

/** The umbrella's copy names the sub-tenants; the owners' copy does not. */
export type DossierCopy = 'umbrella' | 'owners';

export interface RentRollRow {
  leaseId: string;
  tenantName: string;
  spaceCode: string;
  floorLevel: number;
  areaM2: number;
  startDate: string;
  endDate: string | null;
  bandCode: string;
  ratePerM2YearCents: number;
  depositCents: number;
  arrearsCents: number;
}

@Injectable()
export class HandoversRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Leases of the building that run on past the transfer date (or start after it). */
  async leasesRunningPast(
    buildingId: string,
    transferDate: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PlannedLease[]> {
    const rows = await manager.query<
      { id: string; tenant_id: string; floor_id: string; level: number; area_m2: string; end_date: string | null; notice_months: number }[]
    >(
      `SELECT l.lease_id AS id, l.tenant_id, s.floor_id, f.level, l.area_m2, to_char(l.end_date, 'YYYY-MM-DD') AS end_date, l.notice_months
         FROM lease_running_within($2::date + 1, 'infinity') l
         JOIN space_placement s ON s.space_id = l.space_id JOIN floor_level f ON f.floor_id = s.floor_id
        WHERE l.building_id = $1`,
      [buildingId, transferDate],
    );
    return rows.map((row) => ({
      leaseId: row.id,
      tenantId: row.tenant_id,
      floorId: row.floor_id,
      floorLevel: row.level,
      areaM2: Number(row.area_m2),
      endDate: row.end_date,
      noticeMonths: row.notice_months,
    }));
  }

  /** Spaces on these floors with no lease running past the day. */
  async vacantSpaces(floorIds: string[], fromDay: string, manager: EntityManager = this.dataSource.manager): Promise<VacantSpace[]> {
    if (floorIds.length === 0) return [];
    const rows = await manager.query<{ id: string; code: string; floor_id: string; area_m2: string }[]>(
      `SELECT s.space_id AS id, s.code, s.floor_id, s.area_m2 FROM space_placement s
        WHERE s.floor_id = ANY($1) AND NOT EXISTS (SELECT 1 FROM lease_running_within($2, 'infinity') l WHERE l.space_id = s.space_id)
        ORDER BY s.code`,
      [floorIds, fromDay],
    );
    return rows.map((row) => ({ spaceId: row.id, code: row.code, floorId: row.floor_id, areaM2: Number(row.area_m2) }));
  }

  latestCompletedTransfer(buildingId: string): Promise<string | null> {
    return this.dataSource
      .query<{ transfer_date: string | null }[]>(
        `SELECT to_char(max(transfer_date), 'YYYY-MM-DD') AS transfer_date FROM handover WHERE building_id = $1 AND status = 'completed'`,
        [buildingId],
      )
      .then((rows) => rows[0]?.transfer_date ?? null);
  }

  insert(
    manager: EntityManager,
    values: Omit<Handover, 'id' | 'createdAt' | 'completedAt' | 'cancelledAt' | 'error' | 'dossierDocumentId' | 'ownerDossierDocumentId'>,
  ): Promise<Handover> {
    return manager.save(
      manager.create(Handover, {
        ...values,
        error: null,
        dossierDocumentId: null,
        ownerDossierDocumentId: null,
        completedAt: null,
        cancelledAt: null,
      }),
    );
  }

  /** Due scheduled handovers become queued, each exactly once: the update is the guard. */
  async queueDue(manager: EntityManager, day: string): Promise<Handover[]> {
    const [rows] = await manager.query<[{ id: string }[], number]>(
      `UPDATE handover SET status = 'queued' WHERE status = 'scheduled' AND transfer_date <= $1 RETURNING id`,
      [day],
    );
    return rows.length === 0 ? [] : manager.findBy(Handover, { id: In(rows.map((row) => row.id)) });
  }

  /** Handovers queued for execution, dated on or before the day. */
  async queuedIds(day: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM handover WHERE status = 'queued' AND transfer_date <= $1 ORDER BY transfer_date, id`,
      [day],
    );
    return rows.map((row) => row.id);
  }

  /** Cancels the handover if it is still scheduled; false when it is not (any more). */
  async cancel(manager: EntityManager, id: string): Promise<boolean> {
    const [rows] = await manager.query<[unknown[], number]>(
      `UPDATE handover SET status = 'cancelled', cancelled_at = now() WHERE id = $1 AND status = 'scheduled' RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  /** A building's handovers, the latest transfer first; owners see those they sold or bought. */
  async findPage(
    buildingId: string,
    ownerId: string | null,
    page: { limit: number; offset: number },
  ): Promise<{ items: Handover[]; total: number }> {
    const query = this.dataSource.manager
      .getRepository(Handover)
      .createQueryBuilder('handover')
      .where('handover.building_id = :buildingId', { buildingId });
    if (ownerId !== null) query.andWhere('(handover.from_owner_id = :ownerId OR handover.to_owner_id = :ownerId)', { ownerId });
    const [items, total] = await query
      .orderBy('handover.transfer_date', 'DESC')
      .addOrderBy('handover.created_at', 'DESC')
      .addOrderBy('handover.id', 'ASC')
      .take(page.limit)
      .skip(page.offset)
      .getManyAndCount();
    return { items, total };
  }

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<Handover | null> {
    return manager.findOneBy(Handover, { id });
  }

  /** Handovers whose status row says they are still to be carried out, oldest first. */
  async unfinishedIds(): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM handover WHERE status IN ('queued', 'running') ORDER BY created_at, id`,
    );
    return rows.map((row) => row.id);
  }

  async markRunning(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE handover SET status = 'running' WHERE id = $1 AND status = 'queued'`, [id]);
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE handover SET status = 'failed', error = $2 WHERE id = $1 AND status IN ('queued', 'running')`, [
      id,
      error.slice(0, 1000),
    ]);
  }

  async complete(manager: EntityManager, handover: Pick<Handover, 'id' | 'plan'>): Promise<void> {
    await manager.query(`UPDATE handover SET status = 'completed', plan = $2, completed_at = now(), error = NULL WHERE id = $1`, [
      handover.id,
      JSON.stringify(handover.plan),
    ]);
  }

  /** The rent roll at the transfer date: each lease then running or starting later, with deposit and arrears. */
  async rentRoll(buildingId: string, transferDate: string): Promise<RentRollRow[]> {
    const rows = await this.dataSource.query<
      {
        id: string;
        tenant: string;
        code: string;
        level: number;
        area_m2: string;
        start_date: string;
        end_date: string | null;
        band: string;
        rate: number;
        deposit_cents: number;
        arrears: string;
      }[]
    >(
      `SELECT l.lease_id AS id, t.name AS tenant, s.code, f.level, l.area_m2, to_char(l.start_date, 'YYYY-MM-DD') AS start_date,
              to_char(l.end_date, 'YYYY-MM-DD') AS end_date,
              r.band_code AS band, r.rate_per_m2_year_cents AS rate,
              l.deposit_cents, coalesce(a.arrears_cents, 0) AS arrears
         FROM lease_running_within($2, 'infinity') l
         JOIN space_placement s ON s.space_id = l.space_id JOIN floor_level f ON f.floor_id = s.floor_id
         JOIN tenant_party t ON t.tenant_id = l.tenant_id
         LEFT JOIN LATERAL (SELECT band_code, rate_per_m2_year_cents FROM lease_rate_revision
                WHERE lease_id = l.lease_id AND effective_date <= greatest($2::date, l.start_date)
                ORDER BY effective_date DESC LIMIT 1) r ON true
         LEFT JOIN lease_arrears_on($2) a ON a.lease_id = l.lease_id
        WHERE l.building_id = $1
        ORDER BY f.level, s.code`,
      [buildingId, transferDate],
    );
    return rows.map((row) => ({
      leaseId: row.id,
      tenantName: row.tenant,
      spaceCode: row.code,
      floorLevel: row.level,
      areaM2: Number(row.area_m2),
      startDate: row.start_date,
      endDate: row.end_date,
      bandCode: row.band,
      ratePerM2YearCents: row.rate,
      depositCents: row.deposit_cents,
      arrearsCents: Number(row.arrears),
    }));
  }

  async floorIdsOf(buildingId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(`SELECT floor_id AS id FROM floor_level WHERE building_id = $1`, [
      buildingId,
    ]);
    return rows.map((row) => row.id);
  }

  /** Names the dossier shows: building, both owners, the retained levels. */
  async handoverFacts(
    handoverId: string,
  ): Promise<{ buildingName: string; buildingAddress: string; fromOwner: string; toOwner: string; retainedLevels: number[] }> {
    const [row] = await this.dataSource.query<
      { name: string; address: string; city: string; from_owner: string; to_owner: string; levels: number[] | null }[]
    >(
      `SELECT b.name, b.address, b.city, fo.name AS from_owner, t.name AS to_owner,
              (SELECT array_agg(f.level ORDER BY f.level) FROM floor_level f WHERE f.floor_id = ANY(h.retained_floor_ids)) AS levels
         FROM handover h JOIN building_register b ON b.building_id = h.building_id
         JOIN organisation_party fo ON fo.organisation_id = h.from_owner_id JOIN organisation_party t ON t.organisation_id = h.to_owner_id
        WHERE h.id = $1`,
      [handoverId],
    );
    return {
      buildingName: row!.name,
      buildingAddress: `${row!.address}, ${row!.city}`,
      fromOwner: row!.from_owner,
      toOwner: row!.to_owner,
      retainedLevels: row!.levels ?? [],
    };
  }

  async attachDossier(manager: EntityManager, handoverId: string, copy: DossierCopy, documentId: string): Promise<boolean> {
    const column = copy === 'owners' ? 'owner_dossier_document_id' : 'dossier_document_id';
    const [rows] = await manager.query<[unknown[], number]>(
      `UPDATE handover SET ${column} = $2 WHERE id = $1 AND ${column} IS NULL RETURNING id`,
      [handoverId, documentId],
    );
    return rows.length > 0;
  }

  /** Tenant, space and building of a noticed lease, for its letter. */
  async noticeLetterFacts(leaseId: string): Promise<{
    tenantId: string;
    tenantName: string;
    tenantAddress: string | null;
    spaceCode: string;
    buildingName: string;
    buildingAddress: string;
    city: string;
    umbrellaName: string;
  }> {
    const [row] = await this.dataSource.query<
      {
        tenant_id: string;
        tenant: string;
        address: string | null;
        code: string;
        building: string;
        building_address: string;
        city: string;
        umbrella: string;
      }[]
    >(
      `SELECT t.tenant_id, t.name AS tenant, t.address, s.code, b.name AS building, b.address AS building_address, b.city, o.name AS umbrella
         FROM lease_terms l JOIN tenant_party t ON t.tenant_id = l.tenant_id JOIN space_placement s ON s.space_id = l.space_id
         JOIN building_register b ON b.building_id = l.building_id JOIN organisation_party o ON o.organisation_id = b.umbrella_id
        WHERE l.lease_id = $1`,
      [leaseId],
    );
    return {
      tenantId: row!.tenant_id,
      tenantName: row!.tenant,
      tenantAddress: row!.address,
      spaceCode: row!.code,
      buildingName: row!.building,
      buildingAddress: row!.building_address,
      city: row!.city,
      umbrellaName: row!.umbrella,
    };
  }

  /** The building's floors that leave the broedplaats by a completed handover, with the day each leaves. */
  async departuresIn(buildingId: string): Promise<Map<string, string>> {
    const rows = await this.dataSource.query<{ floor_id: string; left_on: string }[]>(
      `SELECT d.floor_id, to_char(d.left_on, 'YYYY-MM-DD') AS left_on
         FROM floor_departure d JOIN floor_level f ON f.floor_id = d.floor_id
        WHERE f.building_id = $1`,
      [buildingId],
    );
    return new Map(rows.map((row) => [row.floor_id, row.left_on]));
  }
}
