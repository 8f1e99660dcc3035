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

  insert(values: Omit<Building, 'id' | 'createdAt'>): Promise<Building> {
    return this.buildings.save(this.buildings.create(values));
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
