import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ErrorResponseDto } from '../../common/errors/error-response.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';
import { mapPage, type Page } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { sendDocument } from '../../documents/send-document.js';
import { ListReportsQueryDto, ReportResponseDto, RequestReportDto, toReportResponse } from './dto/report.dto.js';
import { ReportsService } from './reports.service.js';
import { REPORTS_ERRORS } from './reports.errors.js';

@ApiTags('reports')
@ApiBearerAuth()
@Can('reports.read')
@Controller('api/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @Can('reports.request')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ReportResponseDto })
  async request(@CurrentPrincipal() principal: Principal, @Body() body: RequestReportDto): Promise<ReportResponseDto> {
    return toReportResponse(await this.reports.request(body, principal));
  }

  @Get()
  @ApiOperation({
    summary: 'Reports',
    description: 'The reports you requested, newest first, optionally of one kind or status; admins see everyone’s.',
  })
  @ApiPage(ReportResponseDto)
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'A bad kind, status, limit or offset' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Tenants have no reports' })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListReportsQueryDto): Promise<Page<ReportResponseDto>> {
    const { kind, status, ...page } = query;
    return mapPage(await this.reports.list({ kind, status }, principal, page), toReportResponse);
  }

  @Get(':id')
  @ApiOkResponse({ type: ReportResponseDto })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(REPORTS_ERRORS.report_not_found)) id: string,
  ): Promise<ReportResponseDto> {
    return toReportResponse(await this.reports.getVisible(id, principal));
  }

  @Get(':id/file')
  @ApiProduces('application/json', 'text/csv', 'application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async file(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(REPORTS_ERRORS.report_not_found)) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendDocument(reply, await this.reports.file(id, principal));
  }
}
