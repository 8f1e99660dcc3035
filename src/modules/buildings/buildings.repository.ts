import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import type { BuildingRecordScope } from '../../common/auth/access-policy.js';
import type { Page } from '../../common/pagination/page.js';
import { Building } from './building.entity.js';
import { BuildingOwnership } from './building-ownership.entity.js';

@Injectable()
export class BuildingsRepository {
  constructor(@InjectRepository(Building) private readonly buildings: Repository<Building>) {}

  insert(values: Omit<Building, 'id' | 'createdAt'>, manager?: EntityManager): Promise<Building> {
    const repository = manager ? manager.getRepository(Building) : this.buildings;
    return repository.save(repository.create(values));
  }

  /** Locks the building for the caller's transaction; concurrent work on it waits. */
  lock(manager: EntityManager, id: string): Promise<Building | null> {
    return manager
      .getRepository(Building)
      .createQueryBuilder('building')
      .setLock('pessimistic_write')
      .where('building.id = :id', { id })
      .getOne();
  }

  /** A correction; a corrected owner (only ever before a handover) is also the owner of the building's one ownership period. */
  async update(manager: EntityManager, id: string, change: Partial<Omit<Building, 'id' | 'createdAt'>>): Promise<void> {
    await manager.getRepository(Building).update({ id }, change);
    if (change.ownerId !== undefined) {
      await manager.query(`UPDATE building_ownership SET owner_id = $2 WHERE building_id = $1 AND owned_to IS NULL`, [id, change.ownerId]);
    }
  }

  /**
   * How many leases of the building a use period would cut: one that starts before it, or, when it has
   * an end (a temporary building), one that runs past it without a public counter (art. 7:290 BW).
   */
  async countLeasesOutside(manager: EntityManager, buildingId: string, useStart: string, useEnd: string | null): Promise<number> {
    const [row] = await manager.query<{ count: number }[]>(
      `SELECT count(*)::int AS count
         FROM lease_terms l JOIN space_placement s ON s.space_id = l.space_id
        WHERE l.building_id = $1
          AND (l.start_date < $2 OR ($3::date IS NOT NULL AND NOT s.public_counter AND (l.end_date IS NULL OR l.end_date > $3::date)))`,
      [buildingId, useStart, useEnd],
    );
    return row!.count;
  }

  /** Refused by a foreign key while anything refers to it. */
  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(Building).delete({ id });
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.buildings.manager.transaction(work);
  }

  /**
   * The new owner from the transfer date: the seller's open period ends there and the buyer's
   * begins (a period that had not begun yet is replaced), then the building names its new owner.
   */
  async transfer(
    manager: EntityManager,
    id: string,
    change: Pick<Building, 'ownerId' | 'ownerSince' | 'useEnd'> & { ownerSince: string },
  ): Promise<void> {
    await manager.query(`DELETE FROM building_ownership WHERE building_id = $1 AND owned_to IS NULL AND owned_from >= $2`, [
      id,
      change.ownerSince,
    ]);
    await manager.query(`UPDATE building_ownership SET owned_to = $2 WHERE building_id = $1 AND owned_to IS NULL`, [id, change.ownerSince]);
    await manager.insert(BuildingOwnership, { buildingId: id, ownerId: change.ownerId, ownedFrom: change.ownerSince, ownedTo: null });
    await manager.getRepository(Building).update({ id }, change);
  }

  ownerships(buildingId: string): Promise<BuildingOwnership[]> {
    return this.buildings.manager.find(BuildingOwnership, { where: { buildingId }, order: { ownedFrom: 'ASC' } });
  }

  findVisible(id: string, scope: BuildingRecordScope): Promise<Building | null> {
    return this.scoped(scope).andWhere('building.id = :id', { id }).getOne();
  }

  async findVisiblePage(scope: BuildingRecordScope, page: { limit: number; offset: number }): Promise<Page<Building>> {
    const [items, total] = await this.scoped(scope)
      .orderBy('building.name', 'ASC')
      .addOrderBy('building.id', 'ASC')
      .take(page.limit)
      .skip(page.offset)
      .getManyAndCount();
    return { items, total };
  }

  async findVisibleIds(scope: BuildingRecordScope): Promise<string[]> {
    const rows = await this.scoped(scope)
      .select('building.id', 'id')
      .orderBy('building.name', 'ASC')
      .addOrderBy('building.id', 'ASC')
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  private scoped(scope: BuildingRecordScope): SelectQueryBuilder<Building> {
    const query = this.buildings.createQueryBuilder('building').where('TRUE');
    switch (scope.kind) {
      case 'all':
        return query;
      case 'owner':
        return query.andWhere('building.owner_id = :organisationId', { organisationId: scope.organisationId });
      case 'umbrella':
        return query.andWhere('building.umbrella_id = :organisationId', { organisationId: scope.organisationId });
      case 'owned':
        return query.andWhere(
          'EXISTS (SELECT 1 FROM building_ownership o WHERE o.building_id = building.id AND o.owner_id = :organisationId)',
          { organisationId: scope.organisationId },
        );
      case 'city':
        return query.andWhere(
          `lower(building.city) = (SELECT lower(o.city) FROM organisation_party o WHERE o.organisation_id = :organisationId AND o.kind = 'municipality')`,
          { organisationId: scope.organisationId },
        );
    }
  }
}
