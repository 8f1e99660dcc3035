import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { organisationScopeOf, requireCapability } from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import { NotFoundError, RuleError } from '../../common/errors/domain-error.js';
import type { Page } from '../../common/pagination/page.js';
import { normaliseIban } from '../../common/validation/validators.js';
import type { CreateOrganisationDto } from './dto/create-organisation.dto.js';
import type { Organisation, OrganisationKind } from './organisation.entity.js';
import { OrganisationsRepository } from './organisations.repository.js';
import { ORGANISATIONS_ERRORS, UnknownOrganisationError } from './organisations.errors.js';

@Injectable()
export class OrganisationsService {
  constructor(private readonly organisations: OrganisationsRepository) {}

  async create(input: CreateOrganisationDto, principal: Principal, manager?: EntityManager): Promise<Organisation> {
    requireCapability(principal, 'organisations.write');
    if (input.kind === 'municipality' && !input.city) {
      throw new RuleError(ORGANISATIONS_ERRORS.municipality_needs_city, {}, [
        { field: 'city', message: 'city is required for a municipality' },
      ]);
    }
    return this.organisations.insert(
      {
        name: input.name.trim(),
        kind: input.kind,
        city: input.city?.trim() ?? null,
        address: input.address?.trim() ?? null,
        kvkNumber: input.kvkNumber ?? null,
        vatNumber: input.vatNumber ?? null,
        iban: input.iban ? normaliseIban(input.iban) : null,
      },
      manager,
    );
  }

  /** Staff see every organisation; anyone else only the one they belong to. */
  async list(principal: Principal, page: { limit: number; offset: number }): Promise<Page<Organisation>> {
    requireCapability(principal, 'organisations.read');
    const scope = organisationScopeOf(principal);
    if (scope.kind === 'all') return this.organisations.findPage(page);
    if (!scope.organisationId) return { items: [], total: 0 };
    return this.organisations.findPage({ ...page, onlyId: scope.organisationId });
  }

  /**
   * The organisation a request refers to, which must exist (and be of the kind, when given):
   * a reference in a body that names nothing breaks a rule of the request (422), unlike an unknown path id.
   */
  async requireOfKind(id: string, kind: OrganisationKind | null, field: string): Promise<Organisation> {
    const organisation = await this.organisations.findById(id);
    if (!organisation || (kind !== null && organisation.kind !== kind)) throw new UnknownOrganisationError(id, kind, field);
    return organisation;
  }

  async get(id: string): Promise<Organisation> {
    const organisation = await this.organisations.findById(id);
    if (!organisation) throw new NotFoundError(ORGANISATIONS_ERRORS.organisation_not_found, { id });
    return organisation;
  }
}
