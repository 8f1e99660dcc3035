import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { Page } from '../../common/pagination/page.js';
import { AuditEntry } from './audit-entry.entity.js';

export interface AuditFilter {
  entity?: string;
  entityId?: string;
}

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  async insert(manager: EntityManager, entry: Omit<AuditEntry, 'id'>): Promise<void> {
    await manager.save(manager.create(AuditEntry, entry));
  }

  /** A record's history in the order it happened. */
  async findPage(filter: AuditFilter, page: { limit: number; offset: number }): Promise<Page<AuditEntry>> {
    const query = this.entries.createQueryBuilder('entry').where('TRUE');
    if (filter.entity) query.andWhere('entry.entity = :entity', { entity: filter.entity });
    if (filter.entityId) query.andWhere('entry.entity_id = :entityId', { entityId: filter.entityId });
    const [items, total] = await query
      .orderBy('entry.at', 'ASC')
      .addOrderBy('entry.id', 'ASC')
      .take(page.limit)
      .skip(page.offset)
      .getManyAndCount();
    return { items, total };
  }
}
