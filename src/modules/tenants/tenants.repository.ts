import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { Page } from '../../common/pagination/page.js';
import { Tenant } from './tenant.entity.js';

export type NewTenant = Omit<Tenant, 'id' | 'createdAt'>;

@Injectable()
export class TenantsRepository {
  constructor(@InjectRepository(Tenant) private readonly tenants: Repository<Tenant>) {}

  insert(values: NewTenant, manager?: EntityManager): Promise<Tenant> {
    const repository = manager?.getRepository(Tenant) ?? this.tenants;
    return repository.save(repository.create(values));
  }

  /** The ids of the tenants with these e-mails, creating the ones not known yet; in the given order. */
  async findOrCreateMany(makers: Pick<Tenant, 'name' | 'email' | 'discipline' | 'postcode'>[], manager: EntityManager): Promise<string[]> {
    const rows = await manager.query<{ id: string; email: string }[]>(
      `INSERT INTO tenant (name, email, discipline, postcode)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
       ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email
       RETURNING id, email`,
      [
        makers.map((maker) => maker.name),
        makers.map((maker) => maker.email),
        makers.map((maker) => maker.discipline),
        makers.map((maker) => maker.postcode),
      ],
    );
    const idByEmail = new Map(rows.map((row) => [row.email, row.id]));
    return makers.map((maker) => idByEmail.get(maker.email)!);
  }

  findById(id: string): Promise<Tenant | null> {
    return this.tenants.findOneBy({ id });
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.tenants.manager.transaction(work);
  }

  /** Locks the tenant for the caller's transaction, so two corrections of it take turns. */
  lock(manager: EntityManager, id: string): Promise<Tenant | null> {
    return manager
      .getRepository(Tenant)
      .createQueryBuilder('tenant')
      .setLock('pessimistic_write')
      .where('tenant.id = :id', { id })
      .getOne();
  }

  async update(manager: EntityManager, id: string, change: Partial<NewTenant>): Promise<void> {
    await manager.getRepository(Tenant).update({ id }, change);
  }

  /** Refused by a foreign key while anything refers to it. */
  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(Tenant).delete({ id });
  }

  /** Whether the tenant is tied (lease, band assessment, group allocation) to a building the umbrella rents. */
  async isTiedToUmbrella(tenantId: string, umbrellaId: string): Promise<boolean> {
    const found = await this.tenants
      .createQueryBuilder('tenant')
      .where('tenant.id = :tenantId', { tenantId })
      .andWhere(TIED_TO_UMBRELLA, { umbrellaId })
      .getCount();
    return found > 0;
  }

  /**
   * Tenants, optionally only those tied to a building by a lease, a band assessment or a group
   * allocation (read from what leases, rent-bands and applications publish, so that tenants
   * import nothing of theirs), and only those whose name or e-mail contains `q` (any case).
   */
  async findPage(
    filter: { buildingId?: string; q?: string; umbrellaId?: string },
    page: { limit: number; offset: number },
  ): Promise<Page<Tenant>> {
    const query = this.tenants.createQueryBuilder('tenant').where('TRUE');
    if (filter.umbrellaId) query.andWhere(TIED_TO_UMBRELLA, { umbrellaId: filter.umbrellaId });
    if (filter.buildingId) {
      query.andWhere(
        `(EXISTS (SELECT 1 FROM lease_terms l WHERE l.tenant_id = tenant.id AND l.building_id = :buildingId)
          OR EXISTS (SELECT 1 FROM assessed_tenant a WHERE a.tenant_id = tenant.id AND a.building_id = :buildingId)
          OR EXISTS (SELECT 1 FROM allocated_tenant g WHERE g.tenant_id = tenant.id AND g.building_id = :buildingId))`,
        { buildingId: filter.buildingId },
      );
    }
    if (filter.q) {
      // The user's text is matched as it is: %, _ and \ are escaped (backslash is LIKE's default escape).
      const pattern = `%${filter.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
      query.andWhere('(tenant.name ILIKE :pattern OR tenant.email ILIKE :pattern)', { pattern });
    }
    const [items, total] = await query
      .orderBy('tenant.name', 'ASC')
      .addOrderBy('tenant.id', 'ASC')
      .take(page.limit)
      .skip(page.offset)
      .getManyAndCount();
    return { items, total };
  }
}

/** A tenant belongs to an umbrella through its buildings: a lease, a band assessment or a group allocation there. */
const TIED_TO_UMBRELLA = `EXISTS (
  SELECT 1 FROM building_register b
   WHERE b.umbrella_id = :umbrellaId
     AND (EXISTS (SELECT 1 FROM lease_terms l WHERE l.tenant_id = tenant.id AND l.building_id = b.building_id)
          OR EXISTS (SELECT 1 FROM assessed_tenant a WHERE a.tenant_id = tenant.id AND a.building_id = b.building_id)
          OR EXISTS (SELECT 1 FROM allocated_tenant g WHERE g.tenant_id = tenant.id AND g.building_id = b.building_id)))`;
