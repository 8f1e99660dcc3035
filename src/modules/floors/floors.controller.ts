import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';
import { mapPage, type Page, PageQueryDto } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { BUILDINGS_ERRORS } from '../buildings/buildings.errors.js';
import { CreateFloorDto } from './dto/create-floor.dto.js';
import { FloorOverviewDto, FloorResponseDto, toFloorOverview, toFloorResponse } from './dto/floor.response.dto.js';
import { FloorsService } from './floors.service.js';
import { ApiErrors } from '../../common/openapi/api-docs.decorators.js';
import { FLOORS_ERRORS } from './floors.errors.js';

@ApiTags('floors')
@ApiBearerAuth()
@Controller('api/buildings/:buildingId/floors')
export class FloorsController {
  constructor(private readonly floors: FloorsService) {}

  @Post()
  @ApiOperation({
    summary: 'Add a floor',
    description:
      'A floor at `level` (0 the ground floor, negative a basement) with an optional name and theme; a level used twice in the building is 409.',
  })
  @ApiErrors(FLOORS_ERRORS.floor_level_taken)
  @Can('buildings.write')
  @ApiCreatedResponse({ type: FloorResponseDto })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param('buildingId', new IdParam(BUILDINGS_ERRORS.building_not_found)) buildingId: string,
    @Body() body: CreateFloorDto,
  ): Promise<FloorResponseDto> {
    return toFloorResponse(await this.floors.create(buildingId, body, principal));
  }

  @Get()
  @ApiOperation({
    summary: 'Floors of a building',
    description: 'Each floor with its lettable area, the group allocated to it (if any) and its spaces, lowest level first.',
  })
  @ApiPage(FloorOverviewDto)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('buildingId', new IdParam(BUILDINGS_ERRORS.building_not_found)) buildingId: string,
    @Query() page: PageQueryDto,
  ): Promise<Page<FloorOverviewDto>> {
    return mapPage(await this.floors.listOverview(buildingId, principal, page), toFloorOverview);
  }
}
