import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
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
}
