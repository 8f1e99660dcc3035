import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';
import { mapPage, type Page } from '../../common/pagination/page.js';
import { AuditEntryResponseDto, ListAuditQueryDto, toAuditEntryResponse } from './dto/audit.dto.js';
import { AuditLogService } from './audit-log.service.js';

@ApiTags('audit')
@ApiBearerAuth()
@Can('audit.read')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditLogService) {}

  @Get()
  @ApiOperation({
    summary: 'Audit trail',
    description:
      'Every recorded change in the order it happened: who, when, which action and which fields changed from what to what. ' +
      'Filter by `entity` (e.g. `building`) and `id` (admins).',
  })
  @ApiPage(AuditEntryResponseDto)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListAuditQueryDto): Promise<Page<AuditEntryResponseDto>> {
    const { entity, id, limit, offset } = query;
    return mapPage(await this.audit.list({ entity, entityId: id }, { limit, offset }, principal), toAuditEntryResponse);
  }
}
