import { Body, Controller, Get, Post, Query, Delete, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiCorrection, ApiDeletion } from '../../common/errors/api-corrections.decorator.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';
import { mapPage, type Page, PageQueryDto } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { CreateOrganisationDto } from './dto/create-organisation.dto.js';
import { OrganisationResponseDto, toOrganisationResponse } from './dto/organisation.response.dto.js';
import { UpdateOrganisationDto } from './dto/update-organisation.dto.js';
import { ORGANISATIONS_ERRORS } from './organisations.errors.js';
import { OrganisationsService } from './organisations.service.js';
import { ApiErrors } from '../../common/openapi/api-docs.decorators.js';

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

  @Patch(':id')
  @Can('organisations.write')
  @ApiCorrection(
    'Correct an organisation',
    'Any subset of the create fields; null empties an optional one. The kind cannot change. Each change is in the audit log with its value before and after. Invoices already issued keep the details they were issued with.',
    OrganisationResponseDto,
    {
      notFound: ORGANISATIONS_ERRORS.organisation_not_found,
      rule: [ORGANISATIONS_ERRORS.organisation_kind_fixed, ORGANISATIONS_ERRORS.municipality_needs_city],
    },
  )
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(ORGANISATIONS_ERRORS.organisation_not_found)) id: string,
    @Body() body: UpdateOrganisationDto,
  ): Promise<OrganisationResponseDto> {
    return toOrganisationResponse(await this.organisations.update(id, body, principal));
  }

  @Delete(':id')
  @Can('organisations.write')
  @ApiDeletion(
    'Delete an organisation',
    'Only while no building, user, handover or investment refers to it; the audit log keeps what it held.',
    {
      notFound: ORGANISATIONS_ERRORS.organisation_not_found,
      conflict: [
        ORGANISATIONS_ERRORS.organisation_has_buildings,
        ORGANISATIONS_ERRORS.organisation_has_users,
        ORGANISATIONS_ERRORS.organisation_has_handovers,
        ORGANISATIONS_ERRORS.organisation_has_investments,
      ],
    },
  )
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(ORGANISATIONS_ERRORS.organisation_not_found)) id: string,
  ): Promise<void> {
    await this.organisations.remove(id, principal);
  }
}
