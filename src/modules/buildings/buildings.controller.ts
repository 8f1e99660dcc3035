import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';
import { mapPage, type Page, PageQueryDto } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { BuildingsService } from './buildings.service.js';
import { BuildingResponseDto, toBuildingResponse } from './dto/building.response.dto.js';
import { CreateBuildingDto } from './dto/create-building.dto.js';
import { BUILDINGS_ERRORS } from './buildings.errors.js';

@ApiTags('buildings')
@ApiBearerAuth()
@Controller('api/buildings')
export class BuildingsController {
  constructor(private readonly buildings: BuildingsService) {}

  @Post()
  @Can('buildings.write')
  @ApiCreatedResponse({ type: BuildingResponseDto })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateBuildingDto): Promise<BuildingResponseDto> {
    return toBuildingResponse(await this.buildings.create(body, principal));
  }

  @Get()
  @ApiPage(BuildingResponseDto)
  async list(@CurrentPrincipal() principal: Principal, @Query() page: PageQueryDto): Promise<Page<BuildingResponseDto>> {
    return mapPage(await this.buildings.listVisible(principal, page), toBuildingResponse);
  }

  @Get(':id')
  @ApiOkResponse({ type: BuildingResponseDto })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) id: string,
  ): Promise<BuildingResponseDto> {
    return toBuildingResponse(await this.buildings.getVisibleIncludingPast(id, principal));
  }
}
