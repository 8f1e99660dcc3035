import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, EntityManager } from 'typeorm';
import type { Page } from '../../common/pagination/page.js';
import { Space } from './space.entity.js';

@Injectable()
export class SpacesRepository {
  constructor(@InjectRepository(Space) private readonly spaces: Repository<Space>) {}

  insert(values: Omit<Space, 'id'>): Promise<Space> {
    return this.spaces.save(this.spaces.create(values));
  }

  async findPublicCounterIds(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.spaces
      .createQueryBuilder('space')
      .select('space.id', 'id')
      .where('space.id = ANY(:ids) AND space.public_counter', { ids })
      .getRawMany<{ id: string }>();
    return new Set(rows.map((row) => row.id));
  }

  async findPageOnFloor(floorId: string, page: { limit: number; offset: number }): Promise<Page<Space>> {
    const [items, total] = await this.spaces
      .createQueryBuilder('space')
      .where('space.floor_id = :floorId', { floorId })
      .orderBy('space.code', 'ASC')
      .addOrderBy('space.id', 'ASC')
      .take(page.limit)
      .skip(page.offset)
      .getManyAndCount();
    return { items, total };
  }

  findById(id: string): Promise<Space | null> {
    return this.spaces.findOneBy({ id });
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.spaces.manager.transaction(work);
  }

  /** Locks the space for the caller's transaction, so two corrections of it take turns. */
  lock(manager: EntityManager, id: string): Promise<Space | null> {
    return manager.getRepository(Space).createQueryBuilder('space').setLock('pessimistic_write').where('space.id = :id', { id }).getOne();
  }

  async update(
    manager: EntityManager,
    id: string,
    change: Partial<Pick<Space, 'code' | 'areaM2' | 'use' | 'publicCounter'>>,
  ): Promise<void> {
    await manager.getRepository(Space).update({ id }, change);
  }

  /** Refused by a foreign key while anything refers to it. */
  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(Space).delete({ id });
  }
}
