import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { organisationScopeOf, requireCapability } from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import { translateConstraintViolations } from '../../common/database/pg-errors.js';
import { NotFoundError, RuleError } from '../../common/errors/domain-error.js';
import type { Page } from '../../common/pagination/page.js';
import { requireCorrection } from '../../common/validation/correction.js';
import { normaliseIban } from '../../common/validation/validators.js';
import { actorOf, DomainEvents } from '../../events/domain-events.js';
import { changesBetween, changesOfDeletion } from '../../events/record-changes.js';
import type { CreateOrganisationDto } from './dto/create-organisation.dto.js';
import type { UpdateOrganisationDto } from './dto/update-organisation.dto.js';
import type { Organisation, OrganisationKind } from './organisation.entity.js';
import { OrganisationsRepository } from './organisations.repository.js';
import { ORGANISATION_REFERENCES, ORGANISATIONS_ERRORS, UnknownOrganisationError } from './organisations.errors.js';

/** The fields a correction may change and the audit log reports. */
const AUDITED_FIELDS = [
  'name',
  'kind',
  'city',
  'address',
  'kvkNumber',
  'vatNumber',
  'iban',
  'bic',
  'creditorIdentifier',
  'sepaPainVersion',
  'sepaSequence',
] as const;

function trimmedOrNull(value: string | null): string | null {
  return value === null ? null : value.trim();
}

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly events: DomainEvents,
  ) {}

  async create(input: CreateOrganisationDto, principal: Principal, manager?: EntityManager): Promise<Organisation> {
    requireCapability(principal, 'organisations.write');
    if (input.kind === 'municipality' && !input.city) throw municipalityNeedsCity();
    return this.organisations.insert(
      {
        name: input.name.trim(),
        kind: input.kind,
        city: input.city?.trim() ?? null,
        address: input.address?.trim() ?? null,
        kvkNumber: input.kvkNumber ?? null,
        vatNumber: input.vatNumber ?? null,
        iban: input.iban ? normaliseIban(input.iban) : null,
        bic: input.bic ?? null,
        creditorIdentifier: input.creditorIdentifier ?? null,
        sepaPainVersion: input.sepaPainVersion ?? '08',
        sepaSequence: input.sepaSequence ?? 'rcur-only',
      },
      manager,
    );
  }

  /** A correction of any fields but the kind; a change is audited with what each field held before. */
  async update(id: string, input: UpdateOrganisationDto, principal: Principal): Promise<Organisation> {
    requireCapability(principal, 'organisations.write');
    requireCorrection(input, ['city', 'address', 'kvkNumber', 'vatNumber', 'iban', 'bic', 'creditorIdentifier']);
    return this.organisations.transaction(async (manager) => {
      const before = await this.organisations.lock(manager, id);
      if (!before) throw new NotFoundError(ORGANISATIONS_ERRORS.organisation_not_found, { id });
      // Buildings, users and handovers rely on the kind they were checked against.
      if (input.kind !== undefined && input.kind !== before.kind) {
        throw new RuleError(ORGANISATIONS_ERRORS.organisation_kind_fixed, { kind: before.kind }, [
          { field: 'kind', message: `stays ${before.kind}` },
        ]);
      }
      const change: Partial<Organisation> = {
        ...(input.name !== undefined && { name: input.name.trim() }),
        ...(input.city !== undefined && { city: trimmedOrNull(input.city) }),
        ...(input.address !== undefined && { address: trimmedOrNull(input.address) }),
        ...(input.kvkNumber !== undefined && { kvkNumber: input.kvkNumber }),
        ...(input.vatNumber !== undefined && { vatNumber: input.vatNumber }),
        ...(input.iban !== undefined && { iban: input.iban === null ? null : normaliseIban(input.iban) }),
        ...(input.bic !== undefined && { bic: input.bic }),
        ...(input.creditorIdentifier !== undefined && { creditorIdentifier: input.creditorIdentifier }),
        ...(input.sepaPainVersion !== undefined && { sepaPainVersion: input.sepaPainVersion }),
        ...(input.sepaSequence !== undefined && { sepaSequence: input.sepaSequence }),
      };
      const after = { ...before, ...change };
      if (after.kind === 'municipality' && !after.city) throw municipalityNeedsCity();
      const changes = changesBetween(before, after, AUDITED_FIELDS);
      if (changes.length > 0) {
        await this.organisations.update(manager, id, change);
        await this.events.record(manager, {
          type: 'organisation.updated',
          entityId: id,
          payload: { changes },
          actorUserId: actorOf(principal),
        });
      }
      return after;
    });
  }

  /** Only while nothing refers to it (409 naming what does); the audit log keeps what it held. */
  async remove(id: string, principal: Principal): Promise<void> {
    requireCapability(principal, 'organisations.write');
    await translateConstraintViolations(
      () =>
        this.organisations.transaction(async (manager) => {
          const organisation = await this.organisations.lock(manager, id);
          if (!organisation) throw new NotFoundError(ORGANISATIONS_ERRORS.organisation_not_found, { id });
          await this.organisations.delete(manager, id);
          await this.events.record(manager, {
            type: 'organisation.deleted',
            entityId: id,
            payload: { changes: changesOfDeletion(organisation, AUDITED_FIELDS) },
            actorUserId: actorOf(principal),
          });
        }),
      ORGANISATION_REFERENCES,
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

function municipalityNeedsCity(): RuleError {
  return new RuleError(ORGANISATIONS_ERRORS.municipality_needs_city, {}, [
    { field: 'city', message: 'city is required for a municipality' },
  ]);
}
