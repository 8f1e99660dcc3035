import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';
import { mapPage, type Page } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { CreateTenantDto } from './dto/create-tenant.dto.js';
import { ListTenantsQueryDto } from './dto/list-tenants.query.js';
import { TenantResponseDto, toTenantResponse } from './dto/tenant.response.dto.js';
import { TenantsService } from './tenants.service.js';
import { TENANTS_ERRORS } from './tenants.errors.js';
import { ApiErrors } from '../../common/openapi/api-docs.decorators.js';

@ApiTags('tenants')
@ApiBearerAuth()
@Controller('api/tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Post()
  @ApiOperation({
    summary: 'Add a tenant',
    description:
      'A maker who can rent a space: name and e-mail (unique) with optional discipline, postcode, KvK and VAT number and address (admins).',
  })
  @ApiErrors(TENANTS_ERRORS.tenant_email_taken)
  @Can('tenants.write')
  @ApiCreatedResponse({ type: TenantResponseDto })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateTenantDto): Promise<TenantResponseDto> {
    return toTenantResponse(await this.tenants.create(body, principal));
  }

  @Get()
  @ApiOperation({
    summary: 'Tenants',
    description: 'With `buildingId`: the tenants with a lease, a band assessment or a group allocation in that building (admins).',
  })
  @Can('tenants.list')
  @ApiPage(TenantResponseDto)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListTenantsQueryDto): Promise<Page<TenantResponseDto>> {
    const { buildingId, q, ...page } = query;
    return mapPage(await this.tenants.list({ buildingId, q }, page, principal), toTenantResponse);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One tenant',
    description: 'The tenant record; a tenant user sees only its own.',
  })
  @Can('tenants.read')
  @ApiOkResponse({ type: TenantResponseDto })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(TENANTS_ERRORS.tenant_not_found)) id: string,
  ): Promise<TenantResponseDto> {
    return toTenantResponse(await this.tenants.getVisible(id, principal));
  }
}
