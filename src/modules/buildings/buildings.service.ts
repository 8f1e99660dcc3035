import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../common/auth/principal.js';
import { buildingRecordScopeOf, buildingScopeOf, requireCapability } from '../../common/auth/access-policy.js';
import { translateConstraintViolations } from '../../common/database/pg-errors.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import type { Page } from '../../common/pagination/page.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import type { Building } from './building.entity.js';
import type { BuildingOwnership } from './building-ownership.entity.js';
import { BUILDINGS_ERRORS, InvoicePrefixTakenError, UsePeriodError } from './buildings.errors.js';
import { BuildingsRepository } from './buildings.repository.js';
import type { CreateBuildingDto } from './dto/create-building.dto.js';

@Injectable()
export class BuildingsService {
  constructor(
    private readonly buildings: BuildingsRepository,
    private readonly organisations: OrganisationsService,
  ) {}

  async create(input: CreateBuildingDto, principal: Principal): Promise<Building> {
    requireCapability(principal, 'buildings.write');
    const useEnd = input.useEnd ?? null;
    if (useEnd !== null && useEnd <= input.useStart) throw new UsePeriodError();
    await this.organisations.requireOfKind(input.ownerId, 'owner', 'ownerId');
    await this.organisations.requireOfKind(input.umbrellaId, 'umbrella', 'umbrellaId');
    return translateConstraintViolations(
      () =>
        this.buildings.insert({
          name: input.name.trim(),
          address: input.address.trim(),
          city: input.city.trim(),
          ownerId: input.ownerId,
          umbrellaId: input.umbrellaId,
          kind: input.kind,
          useStart: input.useStart,
          useEnd,
          invoicePrefix: input.invoicePrefix,
          ownerSince: null,
        }),
      { uq_building_invoice_prefix: () => new InvoicePrefixTakenError(input.invoicePrefix) },
    );
  }

  /** The building if this principal may see it; an invisible building answers as an unknown one. */
  async getVisible(id: string, principal: Principal): Promise<Building> {
    requireCapability(principal, 'buildings.read');
    const building = await this.buildings.findVisible(id, buildingScopeOf(principal));
    if (!building) throw new NotFoundError(BUILDINGS_ERRORS.building_not_found, { id });
    return building;
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
