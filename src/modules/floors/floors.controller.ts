import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';
import { mapPage, type Page, PageQueryDto } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { BUILDINGS_ERRORS } from '../buildings/buildings.errors.js';
import { CreateFloorDto } from './dto/create-floor.dto.js';
import { FloorOverviewDto, FloorResponseDto, toFloorOverview, toFloorResponse } from './dto/floor.response.dto.js';
import { FloorsService } from './floors.service.js';

@ApiTags('floors')
@ApiBearerAuth()
@Controller('api/buildings/:buildingId/floors')
export class FloorsController {
  constructor(private readonly floors: FloorsService) {}

  @Post()
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
  @ApiPage(FloorOverviewDto)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('buildingId', new IdParam(BUILDINGS_ERRORS.building_not_found)) buildingId: string,
    @Query() page: PageQueryDto,
  ): Promise<Page<FloorOverviewDto>> {
    return mapPage(await this.floors.listOverview(buildingId, principal, page), toFloorOverview);
  }
}
