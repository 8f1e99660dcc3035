import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';
import { mapPage, type Page, PageQueryDto } from '../../common/pagination/page.js';
import { CreateOrganisationDto } from './dto/create-organisation.dto.js';
import { OrganisationResponseDto, toOrganisationResponse } from './dto/organisation.response.dto.js';
import { OrganisationsService } from './organisations.service.js';
import { ApiErrors } from '../../common/openapi/api-docs.decorators.js';
import { ORGANISATIONS_ERRORS } from './organisations.errors.js';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('api/organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post()
  @ApiOperation({
    summary: 'Add an organisation',
    description: 'An umbrella organisation, an owner or a municipality (which needs its `city`). A bad IBAN, KvK or VAT number is 400.',
  })
  @ApiErrors(ORGANISATIONS_ERRORS.municipality_needs_city)
  @Can('organisations.write')
  @ApiCreatedResponse({ type: OrganisationResponseDto })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateOrganisationDto): Promise<OrganisationResponseDto> {
    return toOrganisationResponse(await this.organisations.create(body, principal));
  }

  @Get()
  @ApiOperation({
    summary: 'Organisations',
    description: 'By name: admins see every organisation, anyone else only its own.',
  })
  @ApiPage(OrganisationResponseDto)
  async list(@CurrentPrincipal() principal: Principal, @Query() page: PageQueryDto): Promise<Page<OrganisationResponseDto>> {
    return mapPage(await this.organisations.list(principal, page), toOrganisationResponse);
  }
}
