import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/decorators.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';
import { mapPage, type Page } from '../../common/pagination/page.js';
import { AuditEntryResponseDto, ListAuditQueryDto, toAuditEntryResponse } from './dto/audit.dto.js';
import { AuditLogService } from './audit-log.service.js';

@ApiTags('audit')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditLogService) {}

  @Get()
  @ApiPage(AuditEntryResponseDto)
  async list(@Query() query: ListAuditQueryDto): Promise<Page<AuditEntryResponseDto>> {
    const { entity, id, limit, offset } = query;
    return mapPage(await this.audit.list({ entity, entityId: id }, { limit, offset }), toAuditEntryResponse);
  }
}
