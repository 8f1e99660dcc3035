import { Body, Controller, Get, Param, Post, Query, Delete, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiCorrection, ApiDeletion } from '../../common/errors/api-corrections.decorator.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';
import { mapPage, type Page, PageQueryDto } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { BUILDINGS_ERRORS } from '../buildings/buildings.errors.js';
import { CreateFloorDto } from './dto/create-floor.dto.js';
import { UpdateFloorDto } from './dto/update-floor.dto.js';
import { FLOORS_ERRORS } from './floors.errors.js';
import { FloorOverviewDto, FloorResponseDto, toFloorOverview, toFloorResponse } from './dto/floor.response.dto.js';
import { FloorsService } from './floors.service.js';
import { ApiErrors } from '../../common/openapi/api-docs.decorators.js';

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

/** A floor by its own id: corrections and deletion. */
@ApiTags('floors')
@ApiBearerAuth()
@Controller('api/floors')
export class FloorCorrectionsController {
  constructor(private readonly floors: FloorsService) {}

  @Patch(':id')
  @Can('buildings.write')
  @ApiCorrection(
    'Correct a floor',
    'Any subset of the create fields; null empties the name or the theme. Each change is in the audit log with its value before and after.',
    FloorResponseDto,
    { notFound: FLOORS_ERRORS.floor_not_found, conflict: [FLOORS_ERRORS.floor_level_taken] },
  )
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(FLOORS_ERRORS.floor_not_found)) id: string,
    @Body() body: UpdateFloorDto,
  ): Promise<FloorResponseDto> {
    return toFloorResponse(await this.floors.update(id, body, principal));
  }

  @Delete(':id')
  @Can('buildings.write')
  @ApiDeletion(
    'Delete a floor',
    'Only while nothing refers to it: no spaces, rounds, allocations or offers; the audit log keeps what it held.',
    {
      notFound: FLOORS_ERRORS.floor_not_found,
      conflict: [FLOORS_ERRORS.floor_has_spaces, FLOORS_ERRORS.floor_in_rounds, FLOORS_ERRORS.floor_has_allocations],
    },
  )
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(FLOORS_ERRORS.floor_not_found)) id: string,
  ): Promise<void> {
    await this.floors.remove(id, principal);
  }
}
