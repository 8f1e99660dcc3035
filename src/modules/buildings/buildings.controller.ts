import { Body, Controller, Get, Param, Post, Query, Delete, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { ApiErrors } from '../../common/openapi/api-docs.decorators.js';
import { ORGANISATIONS_ERRORS } from '../organisations/organisations.errors.js';

@ApiTags('buildings')
@ApiBearerAuth()
@Controller('api/buildings')
export class BuildingsController {
  constructor(private readonly buildings: BuildingsService) {}

  @Post()
  @ApiOperation({
    summary: 'Add a building',
    description:
      'A building made available by its owner (an organisation of kind owner) to an umbrella organisation, temporarily (then `useEnd` is required) or permanently. ' +
      '`invoicePrefix` (2–8 capitals or digits, unique) starts the numbers of its invoices. It starts with the default rent bands.',
  })
  @ApiErrors(
    ORGANISATIONS_ERRORS.unknown_owner,
    ORGANISATIONS_ERRORS.unknown_umbrella,
    BUILDINGS_ERRORS.invoice_prefix_taken,
    BUILDINGS_ERRORS.use_period_invalid,
    BUILDINGS_ERRORS.unknown_property,
    BUILDINGS_ERRORS.umbrella_not_yours,
  )
  @Can('buildings.write')
  @ApiCreatedResponse({ type: BuildingResponseDto })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateBuildingDto): Promise<BuildingResponseDto> {
    return toBuildingResponse(await this.buildings.create(body, principal));
  }

  @Get()
  @ApiOperation({
    summary: 'Buildings',
    description:
      'The buildings you may see, by name: admins and tenants all (the public register), an owner those it owns, a municipality those in its city.',
  })
  @ApiPage(BuildingResponseDto)
  async list(@CurrentPrincipal() principal: Principal, @Query() page: PageQueryDto): Promise<Page<BuildingResponseDto>> {
    return mapPage(await this.buildings.listVisible(principal, page), toBuildingResponse);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One building',
    description: 'Its address, owner, umbrella, kind, period of use and invoice prefix; 404 when you may not see it.',
  })
  @ApiOkResponse({ type: BuildingResponseDto })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) id: string,
  ): Promise<BuildingResponseDto> {
    return toBuildingResponse(await this.buildings.getVisibleIncludingPast(id, principal));
  }

  @Patch(':id')
  @Can('buildings.write')
  @ApiCorrection(
    'Correct a building',
    'Any subset of the create fields; null empties useEnd (a permanent building). A new use period must hold every lease of the building. The owner changes here only before any handover. Each change is in the audit log with its value before and after; invoices already issued never change.',
    BuildingResponseDto,
    {
      notFound: BUILDINGS_ERRORS.building_not_found,
      conflict: [BUILDINGS_ERRORS.invoice_prefix_taken],
      rule: [
        BUILDINGS_ERRORS.use_period_invalid,
        BUILDINGS_ERRORS.use_period_cuts_leases,
        BUILDINGS_ERRORS.owner_changes_by_handover,
        BUILDINGS_ERRORS.unknown_property,
        ORGANISATIONS_ERRORS.unknown_owner,
        ORGANISATIONS_ERRORS.unknown_umbrella,
      ],
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
      notFound: BUILDINGS_ERRORS.building_not_found,
      conflict: [
        BUILDINGS_ERRORS.building_has_floors,
        BUILDINGS_ERRORS.building_has_leases,
        BUILDINGS_ERRORS.building_has_rent_bands,
        BUILDINGS_ERRORS.building_has_invoices,
        BUILDINGS_ERRORS.building_has_application_rounds,
        BUILDINGS_ERRORS.building_has_handovers,
        BUILDINGS_ERRORS.building_has_finance,
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
