import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, IsNull, type Repository, type SelectQueryBuilder } from 'typeorm';
import type { PropertyScope } from '../../common/auth/access-policy.js';
import type { Page } from '../../common/pagination/page.js';
import type { PropertyStatus } from './dto/property.dto.js';
import type { PipelineProperty, PipelineUse } from './pipeline.js';
import { InterimUse } from './interim-use.entity.js';
import { PropertyFloor } from './property-floor.entity.js';
import { Property } from './property.entity.js';
import { VacancyPeriod } from './vacancy-period.entity.js';

export interface PropertyListFilter {
  district?: string;
  status?: PropertyStatus;
  minMonthsVacant?: number;
  maxMonthsVacant?: number;
  minVacantM2?: number;
  maxVacantM2?: number;
  publicOnly?: boolean;
}

/**
 * The rows a list or a read may reach: a principal's full scope, or an umbrella's candidate view (the
 * public properties and the ones published for matching whose ids the caller found its profiles fit).
 */
type RowScope = PropertyScope | { kind: 'candidate'; fittingIds: readonly string[] };

@Injectable()
export class PropertiesRepository {
  constructor(@InjectRepository(Property) private readonly properties: Repository<Property>) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.properties.manager.transaction(work);
  }

  async insert(
    manager: EntityManager,
    values: Omit<Property, 'id' | 'createdAt'>,
    floors: Omit<PropertyFloor, 'propertyId'>[],
  ): Promise<Property> {
    const property = await manager.getRepository(Property).save(manager.getRepository(Property).create(values));
    await manager.insert(
      PropertyFloor,
      floors.map((floor) => ({ ...floor, propertyId: property.id })),
    );
    return property;
  }

  /** Locks the property for the caller's transaction: its vacancy file changes one at a time. */
  lock(manager: EntityManager, id: string): Promise<Property | null> {
    return manager
      .getRepository(Property)
      .createQueryBuilder('property')
      .setLock('pessimistic_write')
      .where('property.id = :id', { id })
      .getOne();
  }

  findVisible(id: string, scope: RowScope): Promise<Property | null> {
    return this.scoped(scope).andWhere('property.id = :id', { id }).getOne();
  }

  async findVisiblePage(
    scope: RowScope,
    filter: PropertyListFilter,
    today: string,
    page: { limit: number; offset: number },
  ): Promise<Page<Property>> {
    const [items, total] = await this.filtered(this.scoped(scope), filter, today)
      .orderBy('property.name', 'ASC')
      .addOrderBy('property.id', 'ASC')
      .take(page.limit)
      .skip(page.offset)
      .getManyAndCount();
    return { items, total };
  }

  /** Every property in scope that passes the filter, for an export (no paging). */
  findAllVisible(scope: PropertyScope, filter: PropertyListFilter, today: string): Promise<Property[]> {
    return this.filtered(this.scoped(scope), filter, today).orderBy('property.name', 'ASC').addOrderBy('property.id', 'ASC').getMany();
  }

  async setPublication(manager: EntityManager, id: string, publication: Property['publication']): Promise<void> {
    await manager.getRepository(Property).update({ id }, { publication });
  }

  /** Records the day it was first offered; false when it was offered before (the first day stays). */
  async markOffered(manager: EntityManager, id: string, day: string): Promise<boolean> {
    const result = await manager
      .getRepository(Property)
      .createQueryBuilder()
      .update()
      .set({ offeredOn: day })
      .where('id = :id AND offered_on IS NULL', { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** The properties published for matching (`matching` or `public`) with an open vacancy: what a profile may fit. */
  findPublishedForMatching(): Promise<Property[]> {
    return this.properties
      .createQueryBuilder('property')
      .where(`property.publication IN ('matching', 'public')`)
      .andWhere('EXISTS (SELECT 1 FROM vacancy_period v WHERE v.property_id = property.id AND v.ended_on IS NULL)')
      .getMany();
  }

  floorsOf(propertyIds: string[]): Promise<PropertyFloor[]> {
    if (propertyIds.length === 0) return Promise.resolve([]);
    return this.properties.manager.find(PropertyFloor, { where: { propertyId: In(propertyIds) }, order: { level: 'ASC' } });
  }

  openVacanciesOf(propertyIds: string[], manager: EntityManager = this.properties.manager): Promise<VacancyPeriod[]> {
    if (propertyIds.length === 0) return Promise.resolve([]);
    return manager.find(VacancyPeriod, { where: { propertyId: In(propertyIds), endedOn: IsNull() } });
  }

  vacanciesOf(propertyId: string): Promise<VacancyPeriod[]> {
    return this.properties.manager.find(VacancyPeriod, { where: { propertyId }, order: { vacantSince: 'DESC', createdAt: 'DESC' } });
  }

  findVacancy(manager: EntityManager, id: string): Promise<VacancyPeriod | null> {
    return manager.findOne(VacancyPeriod, { where: { id } });
  }

  /** The last period that ended, to keep periods of one property apart. */
  lastEndedVacancy(manager: EntityManager, propertyId: string): Promise<VacancyPeriod | null> {
    return manager
      .getRepository(VacancyPeriod)
      .createQueryBuilder('period')
      .where('period.property_id = :propertyId AND period.ended_on IS NOT NULL', { propertyId })
      .orderBy('period.ended_on', 'DESC')
      .getOne();
  }

  insertVacancy(manager: EntityManager, values: Omit<VacancyPeriod, 'id' | 'createdAt'>): Promise<VacancyPeriod> {
    return manager.getRepository(VacancyPeriod).save(manager.getRepository(VacancyPeriod).create(values));
  }

  async updateVacancy(
    manager: EntityManager,
    id: string,
    change: Partial<Omit<VacancyPeriod, 'id' | 'propertyId' | 'createdAt'>>,
  ): Promise<void> {
    await manager.getRepository(VacancyPeriod).update({ id }, change);
  }

  interimUsesOf(propertyId: string): Promise<InterimUse[]> {
    return this.properties.manager.find(InterimUse, { where: { propertyId }, order: { startsOn: 'ASC', createdAt: 'ASC' } });
  }

  insertInterimUse(manager: EntityManager, values: Omit<InterimUse, 'id' | 'createdAt'>): Promise<InterimUse> {
    return manager.getRepository(InterimUse).save(manager.getRepository(InterimUse).create(values));
  }

  /**
   * The properties whose last use ended on or before `day` with nothing running on it since and no
   * vacancy period from that end on: each with the day its use ended.
   */
  async endedUsesWithoutVacancy(day: string): Promise<{ propertyId: string; useEnd: string }[]> {
    const rows = await this.properties.manager.query<{ property_id: string; use_end: string }[]>(
      `SELECT b.property_id, to_char(max(b.use_end), 'YYYY-MM-DD') AS use_end
         FROM building_register b
        WHERE b.property_id IS NOT NULL
        GROUP BY b.property_id
       HAVING bool_and(b.use_end IS NOT NULL AND b.use_end <= $1::date)
          AND NOT EXISTS (SELECT 1 FROM vacancy_period v WHERE v.property_id = b.property_id AND (v.ended_on IS NULL OR v.vacant_since >= max(b.use_end)))`,
      [day],
    );
    return rows.map((row) => ({ propertyId: row.property_id, useEnd: row.use_end }));
  }

  /** What the city's pipeline counts: its properties with their open file, the uses of them, the days properties were first offered. */
  async pipelineFacts(city: string): Promise<{ properties: PipelineProperty[]; uses: PipelineUse[]; offeredOn: string[] }> {
    const manager = this.properties.manager;
    const [properties, uses, offered] = await Promise.all([
      manager.query<
        {
          district: string | null;
          status: string;
          vacant_since: string | null;
          vacant_m2: string;
          total_m2: string;
          latitude: string | null;
          longitude: string | null;
        }[]
      >(
        `SELECT p.district, coalesce(v.status, 'let') AS status, to_char(v.vacant_since, 'YYYY-MM-DD') AS vacant_since,
                coalesce(f.vacant_m2, 0) AS vacant_m2, coalesce(f.total_m2, 0) AS total_m2, p.latitude, p.longitude
           FROM property p
           LEFT JOIN vacancy_period v ON v.property_id = p.id AND v.ended_on IS NULL
           LEFT JOIN (SELECT property_id, sum(vacant_m2) AS vacant_m2, sum(total_m2) AS total_m2 FROM property_floor GROUP BY property_id) f ON f.property_id = p.id
          WHERE lower(p.city) = lower($1)`,
        [city],
      ),
      manager.query<{ use_start: string; use_end: string | null; total_m2: string | null; vacant_since: string | null }[]>(
        `SELECT to_char(b.use_start, 'YYYY-MM-DD') AS use_start, to_char(b.use_end, 'YYYY-MM-DD') AS use_end,
                (SELECT sum(f.total_m2) FROM property_floor f WHERE f.property_id = p.id) AS total_m2,
                (SELECT to_char(max(v.vacant_since), 'YYYY-MM-DD') FROM vacancy_period v WHERE v.property_id = p.id AND v.vacant_since <= b.use_start) AS vacant_since
           FROM building_register b JOIN property p ON p.id = b.property_id
          WHERE lower(p.city) = lower($1)`,
        [city],
      ),
      manager.query<{ offered_on: string }[]>(
        `SELECT to_char(p.offered_on, 'YYYY-MM-DD') AS offered_on FROM property p WHERE lower(p.city) = lower($1) AND p.offered_on IS NOT NULL`,
        [city],
      ),
    ]);
    return {
      properties: properties.map((row) => ({
        district: row.district,
        status: row.status,
        vacantSince: row.vacant_since,
        vacantM2: Number(row.vacant_m2),
        totalM2: Number(row.total_m2),
        latitude: row.latitude === null ? null : Number(row.latitude),
        longitude: row.longitude === null ? null : Number(row.longitude),
      })),
      uses: uses.map((row) => ({
        useStart: row.use_start,
        useEnd: row.use_end,
        totalM2: Number(row.total_m2 ?? 0),
        vacantSince: row.vacant_since,
      })),
      offeredOn: offered.map((row) => row.offered_on),
    };
  }

  private filtered(query: SelectQueryBuilder<Property>, filter: PropertyListFilter, today: string): SelectQueryBuilder<Property> {
    if (filter.publicOnly) query.andWhere(`property.publication = 'public'`);
    if (filter.district !== undefined) query.andWhere('lower(property.district) = lower(:district)', { district: filter.district });
    const open = `(SELECT v.status FROM vacancy_period v WHERE v.property_id = property.id AND v.ended_on IS NULL)`;
    if (filter.status === 'let') query.andWhere(`${open} IS NULL`);
    else if (filter.status !== undefined) query.andWhere(`${open} = :status`, { status: filter.status });
    const months = `(SELECT (extract(year FROM age(:today::date, v.vacant_since)) * 12 + extract(month FROM age(:today::date, v.vacant_since)))::int
                       FROM vacancy_period v WHERE v.property_id = property.id AND v.ended_on IS NULL)`;
    if (filter.minMonthsVacant !== undefined) query.andWhere(`${months} >= :minMonths`, { minMonths: filter.minMonthsVacant, today });
    if (filter.maxMonthsVacant !== undefined) query.andWhere(`${months} <= :maxMonths`, { maxMonths: filter.maxMonthsVacant, today });
    const vacant = `(SELECT coalesce(sum(f.vacant_m2), 0) FROM property_floor f WHERE f.property_id = property.id)`;
    if (filter.minVacantM2 !== undefined) query.andWhere(`${vacant} >= :minVacant`, { minVacant: filter.minVacantM2 });
    if (filter.maxVacantM2 !== undefined) query.andWhere(`${vacant} <= :maxVacant`, { maxVacant: filter.maxVacantM2 });
    return query;
  }

  private scoped(scope: RowScope): SelectQueryBuilder<Property> {
    const query = this.properties.createQueryBuilder('property').where('TRUE');
    switch (scope.kind) {
      case 'all':
        return query;
      case 'candidate':
        return query.andWhere(`(property.publication = 'public' OR property.id = ANY(:fittingIds::uuid[]))`, {
          fittingIds: [...scope.fittingIds],
        });
      case 'none':
        return query.andWhere('FALSE');
      case 'owner':
        return query.andWhere('property.owner_id = :organisationId', { organisationId: scope.organisationId });
      case 'city':
        return query.andWhere(
          `lower(property.city) = (SELECT lower(o.city) FROM organisation_party o WHERE o.organisation_id = :organisationId AND o.kind = 'municipality')`,
          { organisationId: scope.organisationId },
        );
    }
  }
}
