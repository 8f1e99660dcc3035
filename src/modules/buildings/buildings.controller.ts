import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';
import { mapPage, type Page, PageQueryDto } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { BuildingsService } from './buildings.service.js';
import { BuildingResponseDto, toBuildingResponse } from './dto/building.response.dto.js';
import { CreateBuildingDto } from './dto/create-building.dto.js';
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
    return toBuildingResponse(await this.buildings.getVisible(id, principal));
  }
}
