import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { requireCapability } from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import { translateConstraintViolations } from '../../common/database/pg-errors.js';
import { NotFoundError, RuleError } from '../../common/errors/domain-error.js';
import type { Page } from '../../common/pagination/page.js';
import { requireCorrection } from '../../common/validation/correction.js';
import { actorOf, DomainEvents } from '../../events/domain-events.js';
import { changesBetween, changesOfDeletion } from '../../events/record-changes.js';
import type { OrganisationKind } from '../organisations/organisation.entity.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { TenantsService } from '../tenants/tenants.service.js';
import type { CreateUserDto } from './dto/create-user.dto.js';
import type { UpdateUserDto } from './dto/update-user.dto.js';
import { hashPassword, NO_PASSWORD } from './password.js';
import type { User } from './user.entity.js';
import { EmailTakenError, RoleNeedsOrganisationError, USER_REFERENCES, USERS_ERRORS } from './users.errors.js';
import { UsersRepository } from './users.repository.js';

/** The fields a correction may change and the audit log reports; never the password (hash). */
const AUDITED_FIELDS = ['email', 'name', 'role', 'organisationId', 'tenantId'] as const;

/** Owner and municipality users see data through their organisation, so they must have one of that kind. */
const ORGANISATION_KIND_OF_ROLE: Partial<Record<User['role'], OrganisationKind>> = {
  owner: 'owner',
  municipality: 'municipality',
};

/** An admin with an organisation is an umbrella's staff (see the access policy), so its organisation is an umbrella. */
function organisationKindOf(role: User['role']): OrganisationKind | null {
  return role === 'admin' ? 'umbrella' : (ORGANISATION_KIND_OF_ROLE[role] ?? null);
}

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger('UsersService');

  constructor(
    private readonly users: UsersRepository,
    private readonly organisations: OrganisationsService,
    private readonly tenants: TenantsService,
    private readonly events: DomainEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.ensureFirstAdmin();
  }

  /** The first admin, from ADMIN_EMAIL / ADMIN_PASSWORD, when nobody can sign in yet. Safe to call again. */
  async ensureFirstAdmin(): Promise<void> {
    const { adminEmail, adminPassword } = this.config.auth;
    const created = await this.users.insertIfNoUsers({
      email: adminEmail,
      passwordHash: await hashPassword(adminPassword),
      name: 'Administrator',
      role: 'admin',
      organisationId: null,
      tenantId: null,
    });
    if (created) this.logger.log({ message: 'created the first admin', email: adminEmail });
  }

  async create(input: CreateUserDto, principal: Principal, manager?: EntityManager): Promise<User> {
    requireCapability(principal, 'users.write');
    const requiredKind = ORGANISATION_KIND_OF_ROLE[input.role] ?? null;
    if (requiredKind && !input.organisationId) throw new RoleNeedsOrganisationError(input.role, requiredKind);
    if (input.organisationId)
      await this.organisations.requireOfKind(input.organisationId, organisationKindOf(input.role), 'organisationId');
    if (input.tenantId) await this.tenants.require(input.tenantId);
    const email = input.email.trim().toLowerCase();
    const passwordHash = await hashPassword(input.password);
    return translateConstraintViolations(
      () =>
        this.users.insert(
          {
            email,
            passwordHash,
            name: input.name.trim(),
            role: input.role,
            organisationId: input.organisationId ?? null,
            tenantId: input.tenantId ?? null,
          },
          manager,
        ),
      { uq_app_user_email: () => new EmailTakenError(email) },
    );
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError(USERS_ERRORS.user_not_found, { id });
    return user;
  }

  /** The user's own choice of language for the pages (remembered across browsers and sign-ins). */
  async setOwnLanguage(principal: Principal, language: 'nl' | 'en'): Promise<void> {
    await this.users.setLanguage(principal.userId, language);
  }

  /** What decides whether a token of this user still holds; null for a user that no longer exists. */
  tokenStateOf(id: string): Promise<{ tokenVersion: number; disabled: boolean } | null> {
    return this.users.tokenStateOf(id);
  }

  /** Ends every token of the user at once and keeps it from signing in again; disabling twice is the same. */
  async disable(id: string, principal: Principal): Promise<User> {
    requireCapability(principal, 'users.write');
    const user = await this.users.disable(id);
    if (!user) throw new NotFoundError(USERS_ERRORS.user_not_found, { id });
    return user;
  }

  /** A correction, audited; changing the role, organisation or tenant ends the user's tokens at once. */
  async update(id: string, input: UpdateUserDto, principal: Principal): Promise<User> {
    requireCapability(principal, 'users.write');
    requireCorrection(input, ['organisationId', 'tenantId']);
    const user = await this.get(id);
    const role = input.role ?? user.role;
    const organisationId = input.organisationId !== undefined ? input.organisationId : user.organisationId;
    const requiredKind = ORGANISATION_KIND_OF_ROLE[role] ?? null;
    if (requiredKind && !organisationId) throw new RoleNeedsOrganisationError(role, requiredKind);
    if (input.role !== undefined || input.organisationId !== undefined) {
      if (organisationId) await this.organisations.requireOfKind(organisationId, organisationKindOf(role), 'organisationId');
    }
    if (input.tenantId) await this.tenants.require(input.tenantId);
    const change = {
      ...(input.email !== undefined && { email: input.email.trim().toLowerCase() }),
      ...(input.name !== undefined && { name: input.name.trim() }),
      ...(input.role !== undefined && { role: input.role }),
      ...(input.organisationId !== undefined && { organisationId: input.organisationId }),
      ...(input.tenantId !== undefined && { tenantId: input.tenantId }),
    };
    return translateConstraintViolations(
      () =>
        this.users.transaction(async (manager) => {
          const before = await this.users.lock(manager, id);
          if (!before) throw new NotFoundError(USERS_ERRORS.user_not_found, { id });
          const after = { ...before, ...change };
          const endTokens =
            after.role !== before.role || after.organisationId !== before.organisationId || after.tenantId !== before.tenantId;
          const changes = changesBetween(before, after, AUDITED_FIELDS);
          if (changes.length > 0) {
            await this.users.update(manager, id, change, endTokens);
            await this.events.record(manager, {
              type: 'user.updated',
              entityId: id,
              payload: { changes },
              actorUserId: actorOf(principal),
            });
          }
          return after;
        }),
      { uq_app_user_email: () => new EmailTakenError(change.email ?? user.email) },
    );
  }

  /**
   * Deletes a user nothing refers to (409 naming what does; disable one that has history). Its tokens
   * end at once, as each request looks its user up; the audit log keeps who it was.
   */
  async remove(id: string, principal: Principal): Promise<void> {
    requireCapability(principal, 'users.write');
    if (id === principal.userId) throw new RuleError(USERS_ERRORS.user_deletes_itself);
    await translateConstraintViolations(
      () =>
        this.users.transaction(async (manager) => {
          const user = await this.users.lock(manager, id);
          if (!user) throw new NotFoundError(USERS_ERRORS.user_not_found, { id });
          await this.users.delete(manager, id);
          await this.events.record(manager, {
            type: 'user.deleted',
            entityId: id,
            payload: { changes: changesOfDeletion(user, AUDITED_FIELDS) },
            actorUserId: actorOf(principal),
          });
        }),
      USER_REFERENCES,
    );
  }

  /**
   * Sets a new password, checked by the caller against the old one, and ends every token of the user,
   * the one of this request too: each device signs in again with the new password. The audit log names
   * the change, never a value.
   */
  async changePassword(id: string, newPassword: string, principal: Principal): Promise<void> {
    const passwordHash = await hashPassword(newPassword);
    await this.users.transaction(async (manager) => {
      const user = await this.users.lock(manager, id);
      if (!user) throw new NotFoundError(USERS_ERRORS.user_not_found, { id });
      await this.users.update(manager, id, { passwordHash }, true);
      await this.events.record(manager, {
        type: 'user.password_changed',
        entityId: id,
        payload: { changes: [{ field: 'password', before: null, after: null }] },
        actorUserId: actorOf(principal),
      });
    });
  }

  /**
   * The user of a tenant made at allocation: role tenant, no password (no password hash matches
   * `NO_PASSWORD`, so nobody signs in until the welcome mail's link sets one). Null when the tenant
   * already has a user or its address belongs to one.
   */
  createForTenant(tenant: { id: string; email: string; name: string }, manager: EntityManager): Promise<User | null> {
    return this.users.insertTenantUserIfAbsent(manager, {
      email: tenant.email.toLowerCase(),
      passwordHash: NO_PASSWORD,
      name: tenant.name,
      role: 'tenant',
      organisationId: null,
      tenantId: tenant.id,
    });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findByEmail(email);
  }

  async list(page: { limit: number; offset: number }, principal: Principal): Promise<Page<User>> {
    requireCapability(principal, 'users.read');
    return this.users.findPage(page);
  }
}
