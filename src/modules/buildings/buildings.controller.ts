import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiCorrection, ApiDeletion } from '../../common/errors/api-corrections.decorator.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';
import { mapPage, type Page, PageQueryDto } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { BuildingsService } from './buildings.service.js';
import { BuildingResponseDto, toBuildingResponse } from './dto/building.response.dto.js';
import { CreateBuildingDto } from './dto/create-building.dto.js';
import { UpdateBuildingDto } from './dto/update-building.dto.js';
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
    return toBuildingResponse(await this.buildings.getVisible(id, principal));
  }

  @Patch(':id')
  @Can('buildings.write')
  @ApiCorrection(
    'Correct a building',
    'Any subset of the create fields; null empties useEnd (a permanent building). A new use period must hold every lease of the building. The owner changes here only before any handover. Each change is in the audit log with its value before and after; invoices already issued never change.',
    BuildingResponseDto,
    {
      notFound: 'building_not_found',
      conflict: ['invoice_prefix_taken'],
      rule: ['use_period_invalid', 'use_period_cuts_leases', 'owner_changes_by_handover', 'unknown_owner', 'unknown_umbrella'],
    },
  )
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) id: string,
    @Body() body: UpdateBuildingDto,
  ): Promise<BuildingResponseDto> {
    return toBuildingResponse(await this.buildings.update(id, body, principal));
  }

  @Delete(':id')
  @Can('buildings.write')
  @ApiDeletion(
    'Delete a building',
    'Only while nothing refers to it: no floors, leases, rent bands, invoices, rounds, handovers or finance; the audit log keeps what it held.',
    {
      notFound: 'building_not_found',
      conflict: [
        'building_has_floors',
        'building_has_leases',
        'building_has_rent_bands',
        'building_has_invoices',
        'building_has_application_rounds',
        'building_has_handovers',
        'building_has_finance',
      ],
    },
  )
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) id: string,
  ): Promise<void> {
    await this.buildings.remove(id, principal);
  }
}
