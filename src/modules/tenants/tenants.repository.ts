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

  /**
   * Tenants, optionally only those tied to a building by a lease, a band assessment or a group
   * allocation (read from what leases, rent-bands and applications publish, so that tenants
   * import nothing of theirs), and only those whose name or e-mail contains `q` (any case).
   */
  async findPage(filter: { buildingId?: string; q?: string }, page: { limit: number; offset: number }): Promise<Page<Tenant>> {
    const query = this.tenants.createQueryBuilder('tenant').where('TRUE');
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
