import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SearchProfile } from './search-profile.entity.js';

/** A profile with the name of its umbrella, as matching shows it. */
export type NamedSearchProfile = SearchProfile & { umbrellaName: string };

@Injectable()
export class SearchProfilesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(values: Omit<SearchProfile, 'id' | 'createdAt'>): Promise<SearchProfile> {
    const repository = this.dataSource.getRepository(SearchProfile);
    return repository.save(repository.create(values));
  }

  async replace(id: string, values: Omit<SearchProfile, 'id' | 'createdAt' | 'umbrellaId'>): Promise<void> {
    await this.dataSource.getRepository(SearchProfile).update({ id }, values);
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.getRepository(SearchProfile).delete({ id });
  }

  findById(id: string): Promise<SearchProfile | null> {
    return this.dataSource.getRepository(SearchProfile).findOneBy({ id });
  }

  /** An umbrella's profiles (or every umbrella's), oldest first. */
  find(filter: { umbrellaId?: string }): Promise<SearchProfile[]> {
    return this.dataSource.getRepository(SearchProfile).find({
      where: filter.umbrellaId ? { umbrellaId: filter.umbrellaId } : {},
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Every profile (or one umbrella's) with its umbrella's name, for matching. */
  async findNamed(filter: { umbrellaId?: string }): Promise<NamedSearchProfile[]> {
    const query = this.dataSource
      .getRepository(SearchProfile)
      .createQueryBuilder('profile')
      .innerJoin('organisation_party', 'o', 'o.organisation_id = profile.umbrella_id')
      .addSelect('o.name', 'umbrella_name')
      .orderBy('profile.id', 'ASC');
    if (filter.umbrellaId) query.where('profile.umbrella_id = :umbrellaId', { umbrellaId: filter.umbrellaId });
    const { entities, raw } = await query.getRawAndEntities<{ umbrella_name: string }>();
    return entities.map((profile, index) => ({ ...profile, umbrellaName: raw[index]!.umbrella_name }));
  }
}
