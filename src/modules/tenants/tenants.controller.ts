import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiCorrection, ApiDeletion } from '../../common/errors/api-corrections.decorator.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';
import { mapPage, type Page } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { CreateTenantDto } from './dto/create-tenant.dto.js';
import { ListTenantsQueryDto } from './dto/list-tenants.query.js';
import { TenantResponseDto, toTenantResponse } from './dto/tenant.response.dto.js';
import { UpdateTenantDto } from './dto/update-tenant.dto.js';
import { TenantsService } from './tenants.service.js';
import { TENANTS_ERRORS } from './tenants.errors.js';

@ApiTags('tenants')
@ApiBearerAuth()
@Controller('api/tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Post()
  @Can('tenants.write')
  @ApiCreatedResponse({ type: TenantResponseDto })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateTenantDto): Promise<TenantResponseDto> {
    return toTenantResponse(await this.tenants.create(body, principal));
  }

  @Get()
  @Can('tenants.list')
  @ApiPage(TenantResponseDto)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListTenantsQueryDto): Promise<Page<TenantResponseDto>> {
    const { buildingId, ...page } = query;
    return mapPage(await this.tenants.list({ buildingId }, page, principal), toTenantResponse);
  }

  @Get(':id')
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
    { notFound: 'tenant_not_found', conflict: ['tenant_email_taken'] },
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
      notFound: 'tenant_not_found',
      conflict: ['tenant_has_users', 'tenant_has_leases', 'tenant_has_band_assessments', 'tenant_has_invoices', 'tenant_in_allocations'],
    },
  )
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(TENANTS_ERRORS.tenant_not_found)) id: string,
  ): Promise<void> {
    await this.tenants.remove(id, principal);
  }
}
