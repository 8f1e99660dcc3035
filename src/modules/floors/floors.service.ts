import { Injectable } from '@nestjs/common';
import { requireCapability } from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import { translateConstraintViolations } from '../../common/database/pg-errors.js';
import { NotFoundError, whenNotFound } from '../../common/errors/domain-error.js';
import type { Page } from '../../common/pagination/page.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import type { CreateFloorDto } from './dto/create-floor.dto.js';
import type { Floor } from './floor.entity.js';
import { FloorLevelTakenError, FLOORS_ERRORS } from './floors.errors.js';
import { type FloorOverview, FloorsRepository } from './floors.repository.js';

@Injectable()
export class FloorsService {
  constructor(
    private readonly floors: FloorsRepository,
    private readonly buildings: BuildingsService,
  ) {}

  async create(buildingId: string, input: CreateFloorDto, principal: Principal): Promise<Floor> {
    requireCapability(principal, 'buildings.write');
    await this.buildings.getVisible(buildingId, principal);
    return translateConstraintViolations(
      () => this.floors.insert({ buildingId, level: input.level, name: input.name?.trim() ?? null, theme: input.theme?.trim() ?? null }),
      { uq_floor_building_level: () => new FloorLevelTakenError(input.level) },
    );
  }

  async listOverview(buildingId: string, principal: Principal, page: { limit: number; offset: number }): Promise<Page<FloorOverview>> {
    await this.buildings.getVisible(buildingId, principal);
    return this.floors.findOverviewPage(buildingId, page);
  }

  /** The floor if its building is visible to this principal. */
  async getVisible(id: string, principal: Principal): Promise<Floor> {
    const floor = await this.floors.findById(id);
    if (!floor) throw new NotFoundError(FLOORS_ERRORS.floor_not_found, { id });
    await this.buildings
      .getVisible(floor.buildingId, principal)
      .catch(whenNotFound(() => new NotFoundError(FLOORS_ERRORS.floor_not_found, { id })));
    return floor;
  }
}
