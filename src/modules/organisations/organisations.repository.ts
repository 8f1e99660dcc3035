import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { Page } from '../../common/pagination/page.js';
import { Organisation } from './organisation.entity.js';

@Injectable()
export class OrganisationsRepository {
  constructor(@InjectRepository(Organisation) private readonly organisations: Repository<Organisation>) {}

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
