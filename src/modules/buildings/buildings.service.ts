import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../common/auth/principal.js';
import { buildingRecordScopeOf, buildingScopeOf, requireCapability, staffUmbrellaOf } from '../../common/auth/access-policy.js';
import { translateConstraintViolations } from '../../common/database/pg-errors.js';
import { InputError, NotFoundError, RuleError } from '../../common/errors/domain-error.js';
import type { Page } from '../../common/pagination/page.js';
import { requireCorrection } from '../../common/validation/correction.js';
import { actorOf, DomainEvents } from '../../events/domain-events.js';
import { changesBetween, changesOfDeletion } from '../../events/record-changes.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import type { Building } from './building.entity.js';
import type { BuildingOwnership } from './building-ownership.entity.js';
import { BUILDINGS_ERRORS, InvoicePrefixTakenError, UsePeriodError, BUILDING_REFERENCES } from './buildings.errors.js';
import { BuildingsRepository } from './buildings.repository.js';
import type { CreateBuildingDto } from './dto/create-building.dto.js';
import type { UpdateBuildingDto } from './dto/update-building.dto.js';

/** The fields a correction may change and the audit log reports. */
const AUDITED_FIELDS = [
  'name',
  'address',
  'city',
  'ownerId',
  'umbrellaId',
  'kind',
  'useStart',
  'useEnd',
  'invoicePrefix',
  'propertyId',
] as const;

@Injectable()
export class BuildingsService {
  constructor(
    private readonly buildings: BuildingsRepository,
    private readonly organisations: OrganisationsService,
    private readonly events: DomainEvents,
  ) {}

  async create(input: CreateBuildingDto, principal: Principal): Promise<Building> {
    requireCapability(principal, 'buildings.write');
    const useEnd = input.useEnd ?? null;
    if (useEnd !== null && useEnd <= input.useStart) throw new UsePeriodError();
    await this.organisations.requireOfKind(input.ownerId, 'owner', 'ownerId');
    await this.organisations.requireOfKind(input.umbrellaId, 'umbrella', 'umbrellaId');
    requireOwnUmbrella(principal, input.umbrellaId);
    return this.insert(input);
  }

  /**
   * A building made inside the caller's transaction (a tender's award converts a property into one). The
   * caller vouches for the owner and the umbrella (the property's owner, the awarded proposal's umbrella).
   */
  async createIn(manager: EntityManager, input: CreateBuildingDto, principal: Principal): Promise<Building> {
    requireCapability(principal, 'buildings.write');
    if (input.useEnd !== undefined && input.useEnd !== null && input.useEnd <= input.useStart) throw new UsePeriodError();
    return this.insert(input, manager);
  }

  private insert(input: CreateBuildingDto, manager?: EntityManager): Promise<Building> {
    return translateConstraintViolations(
      () =>
        this.buildings.insert(
          {
            name: input.name.trim(),
            address: input.address.trim(),
            city: input.city.trim(),
            ownerId: input.ownerId,
            umbrellaId: input.umbrellaId,
            kind: input.kind,
            useStart: input.useStart,
            useEnd: input.useEnd ?? null,
            invoicePrefix: input.invoicePrefix,
            ownerSince: null,
            propertyId: input.propertyId ?? null,
          },
          manager,
        ),
      {
        uq_building_invoice_prefix: () => new InvoicePrefixTakenError(input.invoicePrefix),
        fk_building_property: () =>
          new RuleError(BUILDINGS_ERRORS.unknown_property, {}, [{ field: 'propertyId', message: 'names no property' }]),
      },
    );
  }

  /**
   * A correction; each change is audited with what it held before. Invoices already issued keep the
   * names and addresses they were issued with.
   */
  async update(id: string, input: UpdateBuildingDto, principal: Principal): Promise<Building> {
    requireCapability(principal, 'buildings.write');
    requireCorrection(input, ['useEnd']);
    // Before the transaction: the embedded database has one connection, which the transaction holds.
    if (input.ownerId !== undefined) await this.organisations.requireOfKind(input.ownerId, 'owner', 'ownerId');
    if (input.umbrellaId !== undefined) await this.organisations.requireOfKind(input.umbrellaId, 'umbrella', 'umbrellaId');
    if (input.umbrellaId !== undefined) requireOwnUmbrella(principal, input.umbrellaId);
    await this.getVisible(id, principal);
    return translateConstraintViolations(
      () =>
        this.buildings.transaction(async (manager) => {
          const before = await this.buildings.lock(manager, id);
          if (!before) throw new NotFoundError(BUILDINGS_ERRORS.building_not_found, { id });
          const change: Partial<Building> = {
            ...(input.name !== undefined && { name: input.name.trim() }),
            ...(input.address !== undefined && { address: input.address.trim() }),
            ...(input.city !== undefined && { city: input.city.trim() }),
            ...(input.ownerId !== undefined && { ownerId: input.ownerId }),
            ...(input.umbrellaId !== undefined && { umbrellaId: input.umbrellaId }),
            ...(input.kind !== undefined && { kind: input.kind }),
            ...(input.useStart !== undefined && { useStart: input.useStart }),
            ...(input.useEnd !== undefined && { useEnd: input.useEnd ?? null }),
            ...(input.invoicePrefix !== undefined && { invoicePrefix: input.invoicePrefix }),
            ...(input.propertyId !== undefined && { propertyId: input.propertyId }),
          };
          const after = { ...before, ...change };
          if (after.kind === 'temporary' && after.useEnd === null) {
            throw new InputError([{ field: 'useEnd', message: 'useEnd is required for a temporary building' }]);
          }
          if (after.useEnd !== null && after.useEnd <= after.useStart) throw new UsePeriodError();
          if (after.useStart !== before.useStart || after.useEnd !== before.useEnd || after.kind !== before.kind) {
            const useEnd = after.kind === 'temporary' ? after.useEnd : null;
            const cut = await this.buildings.countLeasesOutside(manager, id, after.useStart, useEnd);
            if (cut > 0) {
              throw new RuleError(BUILDINGS_ERRORS.use_period_cuts_leases, { count: cut }, [
                { field: input.useStart !== undefined ? 'useStart' : 'useEnd', message: `${cut} leases run outside it` },
              ]);
            }
          }
          if (after.ownerId !== before.ownerId && before.ownerSince !== null) {
            throw new RuleError(BUILDINGS_ERRORS.owner_changes_by_handover, {}, [{ field: 'ownerId', message: 'use a handover' }]);
          }
          const changes = changesBetween(before, after, AUDITED_FIELDS);
          if (changes.length > 0) {
            await this.buildings.update(manager, id, change);
            await this.events.record(manager, {
              type: 'building.updated',
              entityId: id,
              payload: { changes },
              actorUserId: actorOf(principal),
            });
          }
          return after;
        }),
      {
        uq_building_invoice_prefix: () => new InvoicePrefixTakenError(input.invoicePrefix ?? ''),
        fk_building_property: () =>
          new RuleError(BUILDINGS_ERRORS.unknown_property, {}, [{ field: 'propertyId', message: 'names no property' }]),
      },
    );
  }

  /** Only while nothing refers to it (409 naming what does); the audit log keeps what it held. */
  async remove(id: string, principal: Principal): Promise<void> {
    requireCapability(principal, 'buildings.write');
    await this.getVisible(id, principal);
    await translateConstraintViolations(
      () =>
        this.buildings.transaction(async (manager) => {
          const building = await this.buildings.lock(manager, id);
          if (!building) throw new NotFoundError(BUILDINGS_ERRORS.building_not_found, { id });
          await this.buildings.delete(manager, id);
          await this.events.record(manager, {
            type: 'building.deleted',
            entityId: id,
            payload: { changes: changesOfDeletion(building, AUDITED_FIELDS) },
            actorUserId: actorOf(principal),
          });
        }),
      BUILDING_REFERENCES,
    );
  }

  /** The building if this principal may see it; an invisible building answers as an unknown one. */
  async getVisible(id: string, principal: Principal): Promise<Building> {
    requireCapability(principal, 'buildings.read');
    const building = await this.buildings.findVisible(id, buildingScopeOf(principal));
    if (!building) throw new NotFoundError(BUILDINGS_ERRORS.building_not_found, { id });
    return building;
  }

  /** Whether this principal's building scope takes the building in (without a query when it takes in every one). */
  async isVisible(id: string, principal: Principal): Promise<boolean> {
    const scope = buildingScopeOf(principal);
    return scope.kind === 'all' || (await this.buildings.findVisible(id, scope)) !== null;
  }

  /**
   * The building's record for this principal, including for an owner that sold it: the seller
   * keeps reading the building and its own years. Today's business asks `getVisible`.
   */
  async getVisibleIncludingPast(id: string, principal: Principal): Promise<Building> {
    requireCapability(principal, 'buildings.read');
    const building = await this.buildings.findVisible(id, buildingRecordScopeOf(principal));
    if (!building) throw new NotFoundError(BUILDINGS_ERRORS.building_not_found, { id });
    return building;
  }

  /** Who owned the building when, oldest first; the last period is open. */
  ownerships(buildingId: string): Promise<BuildingOwnership[]> {
    return this.buildings.ownerships(buildingId);
  }

  /** Locks the building for the caller's transaction (a handover), so concurrent work on it waits. */
  async lock(manager: EntityManager, id: string): Promise<Building> {
    const building = await this.buildings.lock(manager, id);
    if (!building) throw new NotFoundError(BUILDINGS_ERRORS.building_not_found, { id });
    return building;
  }

  /** A sale: the new owner from the transfer date, and the end of use the new owner agreed to. */
  async transfer(
    manager: EntityManager,
    building: Building,
    sale: { toOwnerId: string; on: string; useEnd: string | null },
  ): Promise<void> {
    if (sale.useEnd !== null && sale.useEnd <= building.useStart) throw new UsePeriodError();
    await this.buildings.transfer(manager, building.id, { ownerId: sale.toOwnerId, ownerSince: sale.on, useEnd: sale.useEnd });
  }

  async listVisible(principal: Principal, page: { limit: number; offset: number }): Promise<Page<Building>> {
    requireCapability(principal, 'buildings.read');
    return this.buildings.findVisiblePage(buildingRecordScopeOf(principal), page);
  }

  /** The ids of every building this principal may see, for a client to offer only what works. */
  visibleIds(principal: Principal): Promise<string[]> {
    return this.buildings.findVisibleIds(buildingScopeOf(principal));
  }
}

/** An umbrella's staff let buildings to their own umbrella only; the installation's admins to any. */
function requireOwnUmbrella(principal: Principal, umbrellaId: string): void {
  const own = staffUmbrellaOf(principal);
  if (own !== null && own !== umbrellaId) {
    throw new RuleError(BUILDINGS_ERRORS.umbrella_not_yours, {}, [{ field: 'umbrellaId', message: 'must be your own umbrella' }]);
  }
}
