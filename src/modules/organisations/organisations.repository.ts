import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import type { Page } from '../../common/pagination/page.js';
import { Organisation } from './organisation.entity.js';

@Injectable()
export class OrganisationsRepository {
  constructor(
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Locks the organisation for the caller's transaction, so two corrections of it take turns. */
  lock(manager: EntityManager, id: string): Promise<Organisation | null> {
    return manager
      .getRepository(Organisation)
      .createQueryBuilder('organisation')
      .setLock('pessimistic_write')
      .where('organisation.id = :id', { id })
      .getOne();
  }

  async update(manager: EntityManager, id: string, change: Partial<Omit<Organisation, 'id' | 'createdAt'>>): Promise<void> {
    await manager.getRepository(Organisation).update({ id }, change);
  }

  /** Refused by a foreign key while anything refers to it. */
  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(Organisation).delete({ id });
  }

  async insert(values: Omit<Organisation, 'id' | 'createdAt'>, manager?: EntityManager): Promise<Organisation> {
    const repository = manager?.getRepository(Organisation) ?? this.organisations;
    return repository.save(repository.create(values));
  }

  findById(id: string): Promise<Organisation | null> {
    return this.organisations.findOneBy({ id });
  }

  async findPage(options: { onlyId?: string; limit: number; offset: number }): Promise<Page<Organisation>> {
    const [items, total] = await this.organisations.findAndCount({
      where: options.onlyId ? { id: options.onlyId } : {},
      order: { name: 'ASC', id: 'ASC' },
      take: options.limit,
      skip: options.offset,
    });
    return { items, total };
  }
}
