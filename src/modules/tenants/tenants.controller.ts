import { Body, Controller, Get, Param, Post, Query, Delete, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiCorrection, ApiDeletion } from '../../common/errors/api-corrections.decorator.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';
import { mapPage, type Page } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { CreateTenantDto } from './dto/create-tenant.dto.js';
import { ListTenantsQueryDto } from './dto/list-tenants.query.js';
import { TenantResponseDto, toTenantResponse } from './dto/tenant.response.dto.js';
import { UpdateOwnContactDto, UpdateTenantDto } from './dto/update-tenant.dto.js';
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

  @Patch(':id')
  @Can('tenants.write')
  @ApiCorrection(
    'Correct a tenant',
    'Any subset of the create fields; null empties an optional one. A new address is on invoices not issued yet; issued invoices never change. Each change is in the audit log with its value before and after.',
    TenantResponseDto,
    { notFound: TENANTS_ERRORS.tenant_not_found, conflict: [TENANTS_ERRORS.tenant_email_taken] },
  )
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(TENANTS_ERRORS.tenant_not_found)) id: string,
    @Body() body: UpdateTenantDto,
  ): Promise<TenantResponseDto> {
    return toTenantResponse(await this.tenants.update(id, body, principal));
  }

  @Delete(':id')
  @Can('tenants.write')
  @ApiDeletion(
    'Delete a tenant',
    'Only while nothing refers to it: no user, lease, band assessment, invoice or group allocation; the audit log keeps what it held.',
    {
      notFound: TENANTS_ERRORS.tenant_not_found,
      conflict: [
        TENANTS_ERRORS.tenant_has_users,
        TENANTS_ERRORS.tenant_has_leases,
        TENANTS_ERRORS.tenant_has_band_assessments,
        TENANTS_ERRORS.tenant_has_invoices,
        TENANTS_ERRORS.tenant_in_allocations,
      ],
    },
  )
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(TENANTS_ERRORS.tenant_not_found)) id: string,
  ): Promise<void> {
    await this.tenants.remove(id, principal);
  }
}

@ApiTags('tenants')
@ApiBearerAuth()
@Controller('api/me')
export class OwnTenantController {
  constructor(private readonly tenants: TenantsService) {}

  @Patch('tenant')
  @Can('tenants.read')
  @ApiOperation({
    summary: 'Change your own contact details',
    description:
      'A tenant user changes its own tenant record’s contact e-mail (where its mail goes), postcode and address: any subset; ' +
      'null empties the postcode or address. The next invoice carries the new address; issued invoices never change. ' +
      'Audited as `tenant.updated` with each value before and after. Users who are not a tenant get 403.',
  })
  @ApiOkResponse({ type: TenantResponseDto })
  @ApiErrors(TENANTS_ERRORS.tenant_not_found, TENANTS_ERRORS.tenant_email_taken)
  async updateOwn(@CurrentPrincipal() principal: Principal, @Body() body: UpdateOwnContactDto): Promise<TenantResponseDto> {
    return toTenantResponse(await this.tenants.updateOwnContact(body, principal));
  }
}
