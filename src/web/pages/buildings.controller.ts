import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { IdParam } from '../../common/validation/id-param.js';
import { BUILDINGS_ERRORS } from '../../modules/buildings/buildings.errors.js';
import { BuildingsService } from '../../modules/buildings/buildings.service.js';
import { FloorsService } from '../../modules/floors/floors.service.js';
import { HandoversService } from '../../modules/handovers/handovers.service.js';
import { BuildingLeasesService } from '../../modules/leases/building-leases.service.js';
import { type LeaseView, LeasesService } from '../../modules/leases/leases.service.js';
import { MAX_PAGE_LIMIT } from '../../common/pagination/page.js';
import { renderPage } from '../render.js';
import { WebPages } from '../session/web-page.decorator.js';
import { MAP_WIDTH, type MapFloor, tilesOf } from './floor-map.js';

/** A building's page: its floors as a map of its spaces today, each tile leading to its lease. */
@Controller('buildings')
@WebPages()
@Can('umbrella.workspace')
export class BuildingPagesController {
  constructor(
    private readonly buildings: BuildingsService,
    private readonly floors: FloorsService,
    private readonly leases: LeasesService,
    private readonly buildingLeases: BuildingLeasesService,
    private readonly handovers: HandoversService,
  ) {}

  @Get(':id')
  async page(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) id: string,
  ): Promise<string> {
    const principal = request.principal!;
    const building = await this.buildings.getVisible(id, principal);
    const [floors, occupancy] = await Promise.all([this.mapFloors(id, principal), this.buildingLeases.occupancy(id, principal)]);
    return renderPage(request, reply, 'building', 'building.title', {
      building,
      occupancy,
      floors: floors.map((floor) => ({ ...floor, tiles: tilesOf(floor, occupancy.date) })),
      mapWidth: MAP_WIDTH,
      saved: (request.query as Record<string, string | undefined>).saved,
    });
  }

  private async mapFloors(buildingId: string, principal: Principal): Promise<MapFloor[]> {
    const [{ items: floors }, running, departures] = await Promise.all([
      this.floors.listOverview(buildingId, principal, { limit: MAX_PAGE_LIMIT, offset: 0 }),
      this.activeLeases(buildingId, principal),
      this.handovers.departures(buildingId, principal),
    ]);
    const leaseOfSpace = new Map(running.map(({ lease }) => [lease.spaceId, lease]));
    return floors.map((floor) => ({
      id: floor.id,
      level: floor.level,
      name: floor.name,
      groupName: floor.groupName,
      leftOn: departures.get(floor.id) ?? null,
      lettableAreaM2: floor.lettableAreaM2,
      spaces: floor.spaces.map((space) => {
        const lease = leaseOfSpace.get(space.id);
        return { id: space.id, code: space.code, areaM2: space.areaM2, leaseId: lease?.id ?? null, bandCode: lease?.bandCode ?? null };
      }),
    }));
  }

  private async activeLeases(buildingId: string, principal: Principal): Promise<LeaseView[]> {
    const all: LeaseView[] = [];
    for (let offset = 0; ; offset += MAX_PAGE_LIMIT) {
      const page = await this.leases.list({ buildingId, status: 'active', limit: MAX_PAGE_LIMIT, offset }, principal);
      all.push(...page.items);
      if (all.length >= page.total || page.items.length === 0) return all;
    }
  }
}
