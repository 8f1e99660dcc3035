import { Injectable } from '@nestjs/common';
import { requireCapability } from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { ratio, sumAreas } from '../../common/measures.js';
import { translateConstraintViolations } from '../../common/database/pg-errors.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import type { CreateIndexationDto } from './dto/lease-actions.dto.js';
import type { IndexationResponseDto, OccupancyResponseDto } from './dto/occupancy.response.dto.js';
import { IndexationExistsError } from './leases.errors.js';
import { type FloorOccupancyOnDay, LeasesRepository } from './leases.repository.js';

/** What concerns all leases of a building at once: occupancy on a day and yearly indexation. */
@Injectable()
export class BuildingLeasesService {
  constructor(
    private readonly leases: LeasesRepository,
    private readonly buildings: BuildingsService,
    private readonly clock: Clock,
  ) {}

  async occupancy(buildingId: string, principal: Principal, date = this.clock.today()): Promise<OccupancyResponseDto> {
    await this.buildings.getVisible(buildingId, principal);
    const floors = await this.leases.occupancyPerFloor(buildingId, date);
    const lettableAreaM2 = sumAreas(floors.map((floor) => floor.lettableAreaM2));
    const letAreaM2 = sumAreas(floors.map((floor) => floor.letAreaM2));
    return {
      date,
      lettableAreaM2,
      letAreaM2,
      vacantAreaM2: sumAreas([lettableAreaM2, -letAreaM2]),
      occupancyRate: ratio(letAreaM2, lettableAreaM2),
      floors,
    };
  }

  /** Lettable and let m² per floor on each of the days (the months of a chart), for whoever may see the building today. */
  async occupancyPerFloorOnDays(buildingId: string, principal: Principal, days: string[]): Promise<FloorOccupancyOnDay[]> {
    await this.buildings.getVisible(buildingId, principal);
    return this.leases.occupancyPerFloorOnDays(buildingId, days);
  }

  async index(buildingId: string, input: CreateIndexationDto, principal: Principal): Promise<IndexationResponseDto> {
    requireCapability(principal, 'leases.write');
    await this.buildings.getVisible(buildingId, principal);
    const { indexationId, leasesRevised } = await translateConstraintViolations(
      () => this.leases.indexBuilding(buildingId, input.effectiveDate, input.percent),
      { uq_building_indexation_date: () => new IndexationExistsError(input.effectiveDate) },
    );
    return { id: indexationId, buildingId, effectiveDate: input.effectiveDate, percent: input.percent, leasesRevised };
  }

  /** Per building, how many leases end from today through `to` (the dashboard's "ending soon"). */
  endingSoon(buildingIds: string[], to: string, principal: Principal): Promise<Map<string, number>> {
    requireCapability(principal, 'leases.write');
    return this.leases.countEndingWithin(buildingIds, this.clock.today(), to);
  }
}
