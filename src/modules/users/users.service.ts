import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { requireCapability } from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import { translateConstraintViolations } from '../../common/database/pg-errors.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import type { Page } from '../../common/pagination/page.js';
import type { OrganisationKind } from '../organisations/organisation.entity.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { TenantsService } from '../tenants/tenants.service.js';
import type { CreateUserDto } from './dto/create-user.dto.js';
import type { UpdateUserDto } from './dto/update-user.dto.js';
import { hashPassword } from './password.js';
import type { User } from './user.entity.js';
import { EmailTakenError, RoleNeedsOrganisationError, USERS_ERRORS } from './users.errors.js';
import { UsersRepository } from './users.repository.js';

/** Owner and municipality users see data through their organisation, so they must have one of that kind. */
const ORGANISATION_KIND_OF_ROLE: Partial<Record<User['role'], OrganisationKind>> = {
  owner: 'owner',
  municipality: 'municipality',
};

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger('UsersService');

  constructor(
    private readonly users: UsersRepository,
    private readonly organisations: OrganisationsService,
    private readonly tenants: TenantsService,
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
    if (input.organisationId) await this.organisations.requireOfKind(input.organisationId, requiredKind, 'organisationId');
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

  /** A correction; changing the role, organisation or tenant ends the user's tokens at once. */
  async update(id: string, input: UpdateUserDto, principal: Principal): Promise<User> {
    requireCapability(principal, 'users.write');
    const user = await this.get(id);
    const role = input.role ?? user.role;
    const organisationId = input.organisationId !== undefined ? input.organisationId : user.organisationId;
    const requiredKind = ORGANISATION_KIND_OF_ROLE[role] ?? null;
    if (requiredKind && !organisationId) throw new RoleNeedsOrganisationError(role, requiredKind);
    if (input.role !== undefined || input.organisationId !== undefined) {
      if (organisationId) await this.organisations.requireOfKind(organisationId, requiredKind, 'organisationId');
    }
    if (input.tenantId) await this.tenants.require(input.tenantId);
    const change = {
      ...(input.email !== undefined && { email: input.email.trim().toLowerCase() }),
      ...(input.name !== undefined && { name: input.name.trim() }),
      ...(input.role !== undefined && { role: input.role }),
      ...(input.organisationId !== undefined && { organisationId: input.organisationId }),
      ...(input.tenantId !== undefined && { tenantId: input.tenantId }),
    };
    const endTokens =
      (change.role !== undefined && change.role !== user.role) ||
      (change.organisationId !== undefined && change.organisationId !== user.organisationId) ||
      (change.tenantId !== undefined && change.tenantId !== user.tenantId);
    await translateConstraintViolations(() => this.users.update(id, change, endTokens), {
      uq_app_user_email: () => new EmailTakenError(change.email ?? user.email),
    });
    return this.get(id);
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findByEmail(email);
  }

  async list(page: { limit: number; offset: number }, principal: Principal): Promise<Page<User>> {
    requireCapability(principal, 'users.read');
    return this.users.findPage(page);
  }
}
