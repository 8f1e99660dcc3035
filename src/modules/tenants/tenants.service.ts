import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { mayReadTenantRecord, ownTenantOf, requireCapability, staffUmbrellaOf } from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import { translateConstraintViolations } from '../../common/database/pg-errors.js';
import { ForbiddenError, NotFoundError } from '../../common/errors/domain-error.js';
import type { Page } from '../../common/pagination/page.js';
import { requireCorrection } from '../../common/validation/correction.js';
import { actorOf, DomainEvents } from '../../events/domain-events.js';
import { changesBetween, changesOfDeletion } from '../../events/record-changes.js';
import type { CreateTenantDto } from './dto/create-tenant.dto.js';
import type { UpdateOwnContactDto, UpdateTenantDto } from './dto/update-tenant.dto.js';
import type { Tenant } from './tenant.entity.js';
import { TENANT_REFERENCES, TenantEmailTakenError, TENANTS_ERRORS, UnknownTenantError } from './tenants.errors.js';
import { TenantsRepository } from './tenants.repository.js';

/** The fields a correction may change and the audit log reports. */
const AUDITED_FIELDS = ['name', 'email', 'discipline', 'postcode', 'kvkNumber', 'vatNumber', 'address', 'peppolId'] as const;

function trimmedOrNull(value: string | null): string | null {
  return value === null ? null : value.trim();
}

@Injectable()
export class TenantsService {
  constructor(
    private readonly tenants: TenantsRepository,
    private readonly events: DomainEvents,
  ) {}

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
            peppolId: input.peppolId ?? null,
          },
          manager,
        ),
      { uq_tenant_email: () => new TenantEmailTakenError(email) },
    );
  }

  /**
   * A correction; each change is audited with what it held before. Invoices copy the tenant's name and
   * address when they are issued, so a new address is on the next invoice and never on an issued one.
   */
  async update(id: string, input: UpdateTenantDto, principal: Principal): Promise<Tenant> {
    requireCapability(principal, 'tenants.write');
    requireCorrection(input, ['discipline', 'postcode', 'kvkNumber', 'vatNumber', 'address', 'peppolId']);
    await this.getVisible(id, principal);
    return this.correct(id, input, principal);
  }

  /**
   * A tenant's own contact details, changed by the tenant itself: where its mail goes (e-mail), its
   * postcode and address. Audited like the umbrella's correction; the rest of the record stays the umbrella's.
   */
  async updateOwnContact(input: UpdateOwnContactDto, principal: Principal): Promise<Tenant> {
    const id = ownTenantOf(principal);
    if (id === null) throw new ForbiddenError();
    requireCorrection(input, ['postcode', 'address']);
    return this.correct(id, input, principal);
  }

  private correct(id: string, input: UpdateTenantDto, principal: Principal): Promise<Tenant> {
    const email = input.email?.trim().toLowerCase();
    return translateConstraintViolations(
      () =>
        this.tenants.transaction(async (manager) => {
          const before = await this.tenants.lock(manager, id);
          if (!before) throw new NotFoundError(TENANTS_ERRORS.tenant_not_found, { id });
          const change: Partial<Tenant> = {
            ...(input.name !== undefined && { name: input.name.trim() }),
            ...(email !== undefined && { email }),
            ...(input.discipline !== undefined && { discipline: trimmedOrNull(input.discipline) }),
            ...(input.postcode !== undefined && { postcode: input.postcode === null ? null : normalisePostcode(input.postcode) }),
            ...(input.kvkNumber !== undefined && { kvkNumber: input.kvkNumber }),
            ...(input.vatNumber !== undefined && { vatNumber: input.vatNumber }),
            ...(input.address !== undefined && { address: trimmedOrNull(input.address) }),
            ...(input.peppolId !== undefined && { peppolId: input.peppolId }),
          };
          const after = { ...before, ...change };
          const changes = changesBetween(before, after, AUDITED_FIELDS);
          if (changes.length > 0) {
            await this.tenants.update(manager, id, change);
            await this.events.record(manager, {
              type: 'tenant.updated',
              entityId: id,
              payload: { changes },
              actorUserId: actorOf(principal),
            });
          }
          return after;
        }),
      { uq_tenant_email: () => new TenantEmailTakenError(email ?? '') },
    );
  }

  /** Only while nothing refers to it (409 naming what does); the audit log keeps what it held. */
  async remove(id: string, principal: Principal): Promise<void> {
    requireCapability(principal, 'tenants.write');
    await this.getVisible(id, principal);
    await translateConstraintViolations(
      () =>
        this.tenants.transaction(async (manager) => {
          const tenant = await this.tenants.lock(manager, id);
          if (!tenant) throw new NotFoundError(TENANTS_ERRORS.tenant_not_found, { id });
          await this.tenants.delete(manager, id);
          await this.events.record(manager, {
            type: 'tenant.deleted',
            entityId: id,
            payload: { changes: changesOfDeletion(tenant, AUDITED_FIELDS) },
            actorUserId: actorOf(principal),
          });
        }),
      TENANT_REFERENCES,
    );
  }

  /** A tenant user reads only its own record; staff read any. Another's answers as unknown. */
  async getVisible(id: string, principal: Principal): Promise<Tenant> {
    requireCapability(principal, 'tenants.read');
    const tenant = await this.tenants.findById(id);
    if (!tenant || !(await this.mayRead(id, principal))) throw new NotFoundError(TENANTS_ERRORS.tenant_not_found, { id });
    return tenant;
  }

  /** Whether the principal may read this tenant's records: the policy, told whether the tenant lies within the caller's umbrella. */
  async mayRead(tenantId: string | null, principal: Principal): Promise<boolean> {
    const umbrellaId = staffUmbrellaOf(principal);
    const withinUmbrella = umbrellaId !== null && tenantId !== null && (await this.tenants.isTiedToUmbrella(tenantId, umbrellaId));
    return mayReadTenantRecord(principal, tenantId, withinUmbrella);
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
    return this.tenants.findPage({ ...filter, umbrellaId: staffUmbrellaOf(principal) ?? undefined }, page);
  }
}

/** 1091gr, 1091 GR and 1091GR are one postcode: 1091 GR. */
function normalisePostcode(postcode: string): string {
  return postcode
    .replace(/ /g, '')
    .toUpperCase()
    .replace(/^(\d{4})/, '$1 ');
}
