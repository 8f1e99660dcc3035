import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Handover, LeaseNotice } from './handover.entity.js';
import type { EndedLease, PlannedLease, VacantSpace } from './handover-plan.js';

export interface RentRollRow {
  leaseId: string;
  tenantName: string;
  spaceCode: string;
  floorLevel: number;
  areaM2: number;
  startDate: string;
  endDate: string | null;
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
      `SELECT l.id, l.tenant_id, s.floor_id, f.level, l.area_m2, to_char(l.end_date, 'YYYY-MM-DD') AS end_date, l.notice_months
         FROM lease l JOIN space s ON s.id = l.space_id JOIN floor f ON f.id = s.floor_id
        WHERE l.building_id = $1 AND (l.end_date IS NULL OR l.end_date > $2)`,
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
      `SELECT s.id, s.code, s.floor_id, s.area_m2 FROM space s
        WHERE s.floor_id = ANY($1) AND NOT EXISTS (SELECT 1 FROM lease l WHERE l.space_id = s.id AND (l.end_date IS NULL OR l.end_date >= $2))
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

  insert(values: Omit<Handover, 'id' | 'createdAt' | 'completedAt' | 'status' | 'error' | 'dossierDocumentId'>): Promise<Handover> {
    return this.dataSource.manager.save(
      this.dataSource.manager.create(Handover, { ...values, status: 'queued', error: null, dossierDocumentId: null, completedAt: null }),
    );
  }

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<Handover | null> {
    return manager.findOneBy(Handover, { id });
  }

  async markRunning(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE handover SET status = 'running' WHERE id = $1 AND status = 'queued'`, [id]);
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE handover SET status = 'failed', error = $2 WHERE id = $1 AND status <> 'completed'`, [
      id,
      error.slice(0, 1000),
    ]);
  }

  /** Locks the building for the handover's transaction; concurrent work on it waits. */
  async lockBuilding(manager: EntityManager, buildingId: string): Promise<{ ownerId: string; useEnd: string | null }> {
    const [row] = await manager.query<{ owner_id: string; use_end: string | null }[]>(
      `SELECT owner_id, to_char(use_end, 'YYYY-MM-DD') AS use_end FROM building WHERE id = $1 FOR UPDATE`,
      [buildingId],
    );
    return { ownerId: row!.owner_id, useEnd: row!.use_end };
  }

  async endLeases(manager: EntityManager, handoverId: string, ended: EndedLease[], givenOn: string, reason: string): Promise<void> {
    if (ended.length === 0) return;
    await manager.query(
      `UPDATE lease SET end_date = e.end_date, notice_given_on = $2, termination_reason = $3
         FROM unnest($1::uuid[], $4::date[]) AS e(lease_id, end_date)
        WHERE lease.id = e.lease_id`,
      [ended.map((lease) => lease.leaseId), givenOn, reason, ended.map((lease) => lease.endDate)],
    );
    await manager.insert(
      LeaseNotice,
      ended.map((lease) => ({
        leaseId: lease.leaseId,
        handoverId,
        givenOn,
        endDate: lease.endDate,
        relocationOptions: lease.relocationOptions,
        documentId: null,
      })),
    );
  }

  async transferBuilding(
    manager: EntityManager,
    buildingId: string,
    toOwnerId: string,
    ownerSince: string,
    useEnd: string | null,
  ): Promise<void> {
    await manager.query(`UPDATE building SET owner_id = $2, owner_since = $3, use_end = $4 WHERE id = $1`, [
      buildingId,
      toOwnerId,
      ownerSince,
      useEnd,
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
        rate: number;
        deposit_cents: number;
        arrears: string;
      }[]
    >(
      `SELECT l.id, t.name AS tenant, s.code, f.level, l.area_m2, to_char(l.start_date, 'YYYY-MM-DD') AS start_date,
              to_char(l.end_date, 'YYYY-MM-DD') AS end_date,
              (SELECT r.rate_per_m2_year_cents FROM lease_revision r WHERE r.lease_id = l.id AND r.effective_date <= greatest($2::date, l.start_date)
                ORDER BY r.effective_date DESC LIMIT 1) AS rate,
              l.deposit_cents,
              (SELECT coalesce(sum(greatest(i.total_cents - i.paid_cents, 0)), 0) FROM invoice i
                WHERE i.lease_id = l.id AND i.kind = 'invoice' AND i.status = 'open' AND i.due_date < $2) AS arrears
         FROM lease l JOIN space s ON s.id = l.space_id JOIN floor f ON f.id = s.floor_id JOIN tenant t ON t.id = l.tenant_id
        WHERE l.building_id = $1 AND (l.end_date IS NULL OR l.end_date >= $2)
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
      ratePerM2YearCents: row.rate,
      depositCents: row.deposit_cents,
      arrearsCents: Number(row.arrears),
    }));
  }

  async floorIdsOf(buildingId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(`SELECT id FROM floor WHERE building_id = $1`, [buildingId]);
    return rows.map((row) => row.id);
  }

  async tenantOfLease(leaseId: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ tenant_id: string }[]>(`SELECT tenant_id FROM lease WHERE id = $1`, [leaseId]);
    return row?.tenant_id ?? null;
  }

  /** Names the dossier shows: building, both owners, the retained levels. */
  async handoverFacts(
    handoverId: string,
  ): Promise<{ buildingName: string; buildingAddress: string; fromOwner: string; toOwner: string; retainedLevels: number[] }> {
    const [row] = await this.dataSource.query<
      { name: string; address: string; city: string; from_owner: string; to_owner: string; levels: number[] | null }[]
    >(
      `SELECT b.name, b.address, b.city, fo.name AS from_owner, t.name AS to_owner,
              (SELECT array_agg(f.level ORDER BY f.level) FROM floor f WHERE f.id = ANY(h.retained_floor_ids)) AS levels
         FROM handover h JOIN building b ON b.id = h.building_id
         JOIN organisation fo ON fo.id = h.from_owner_id JOIN organisation t ON t.id = h.to_owner_id
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

  async attachDossier(manager: EntityManager, handoverId: string, documentId: string): Promise<boolean> {
    const [rows] = await manager.query<[unknown[], number]>(
      `UPDATE handover SET dossier_document_id = $2 WHERE id = $1 AND dossier_document_id IS NULL RETURNING id`,
      [handoverId, documentId],
    );
    return rows.length > 0;
  }

  /** Tenant, space and building of a noticed lease, for its letter. */
  async noticeLetterFacts(leaseId: string): Promise<{
    tenantName: string;
    tenantAddress: string | null;
    spaceCode: string;
    buildingName: string;
    buildingAddress: string;
    city: string;
    umbrellaName: string;
  }> {
    const [row] = await this.dataSource.query<
      { tenant: string; address: string | null; code: string; building: string; building_address: string; city: string; umbrella: string }[]
    >(
      `SELECT t.name AS tenant, t.address, s.code, b.name AS building, b.address AS building_address, b.city, o.name AS umbrella
         FROM lease l JOIN tenant t ON t.id = l.tenant_id JOIN space s ON s.id = l.space_id
         JOIN building b ON b.id = l.building_id JOIN organisation o ON o.id = b.umbrella_id
        WHERE l.id = $1`,
      [leaseId],
    );
    return {
      tenantName: row!.tenant,
      tenantAddress: row!.address,
      spaceCode: row!.code,
      buildingName: row!.building,
      buildingAddress: row!.building_address,
      city: row!.city,
      umbrellaName: row!.umbrella,
    };
  }
}
