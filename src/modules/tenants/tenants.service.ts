import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { mayReadTenantRecord, requireCapability } from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import { translateConstraintViolations } from '../../common/database/pg-errors.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import type { Page } from '../../common/pagination/page.js';
import type { CreateTenantDto } from './dto/create-tenant.dto.js';
import type { Tenant } from './tenant.entity.js';
import { TenantEmailTakenError, TENANTS_ERRORS, UnknownTenantError } from './tenants.errors.js';
import { TenantsRepository } from './tenants.repository.js';

@Injectable()
export class TenantsService {
  constructor(private readonly tenants: TenantsRepository) {}

  /**
   * Makes each maker a tenant, reusing the tenant already known by that e-mail address (one
   * tenant per e-mail), inside the caller's transaction.
   */
  findOrCreateMany(
    makers: { name: string; email: string; discipline: string | null; postcode: string | null }[],
    manager: EntityManager,
  ): Promise<string[]> {
    return this.tenants.findOrCreateMany(
      makers.map((maker) => ({
        ...maker,
        name: maker.name.trim(),
        email: maker.email.trim().toLowerCase(),
        postcode: maker.postcode ? normalisePostcode(maker.postcode) : null,
      })),
      manager,
    );
  }

  async create(input: CreateTenantDto, principal: Principal, manager?: EntityManager): Promise<Tenant> {
    requireCapability(principal, 'tenants.write');
    const email = input.email.trim().toLowerCase();
    return translateConstraintViolations(
      () =>
        this.tenants.insert(
          {
            name: input.name.trim(),
            email,
            discipline: input.discipline?.trim() ?? null,
            postcode: input.postcode ? normalisePostcode(input.postcode) : null,
            kvkNumber: input.kvkNumber ?? null,
            vatNumber: input.vatNumber ?? null,
            address: input.address?.trim() ?? null,
          },
          manager,
        ),
      { uq_tenant_email: () => new TenantEmailTakenError(email) },
    );
  }

  /** A tenant user reads only its own record; staff read any. Another's answers as unknown. */
  async getVisible(id: string, principal: Principal): Promise<Tenant> {
    requireCapability(principal, 'tenants.read');
    const tenant = await this.tenants.findById(id);
    if (!tenant || !mayReadTenantRecord(principal, id)) throw new NotFoundError(TENANTS_ERRORS.tenant_not_found, { id });
    return tenant;
  }

  /** The tenant a request body refers to; an unknown one breaks a rule of the request (422). */
  async require(id: string, field = 'tenantId'): Promise<Tenant> {
    const tenant = await this.tenants.findById(id);
    if (!tenant) throw new UnknownTenantError(id, field);
    return tenant;
  }

  async list(
    filter: { buildingId?: string; q?: string },
    page: { limit: number; offset: number },
    principal: Principal,
  ): Promise<Page<Tenant>> {
    requireCapability(principal, 'tenants.list');
    return this.tenants.findPage(filter, page);
  }
}

/** 1091gr, 1091 GR and 1091GR are one postcode: 1091 GR. */
function normalisePostcode(postcode: string): string {
  return postcode
    .replace(/ /g, '')
    .toUpperCase()
    .replace(/^(\d{4})/, '$1 ');
}
