import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
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
import { ApiErrors, ApiFile, FILE_TYPES } from '../../common/openapi/api-docs.decorators.js';
import { COMMON_ERRORS } from '../../common/errors/common.errors.js';

@ApiTags('reports')
@ApiBearerAuth()
@Can('reports.read')
@Controller('api/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @ApiOperation({
    summary: 'Request a report',
    description:
      'Queues an `owner-occupancy` report of a building or a `municipality-monitor` of a city for `period` (a year or a month) in pdf, csv, xlsx or json. ' +
      'Poll `GET /api/reports/{id}`, then fetch `/file`. Owners may ask for their buildings, municipalities for their city.',
  })
  @ApiErrors(COMMON_ERRORS.forbidden)
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
  @ApiOperation({
    summary: 'Progress of a report',
    description: 'Its status (queued, running, completed, failed), progress 0–100 and, if it failed, why.',
  })
  @ApiOkResponse({ type: ReportResponseDto })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(REPORTS_ERRORS.report_not_found)) id: string,
  ): Promise<ReportResponseDto> {
    return toReportResponse(await this.reports.getVisible(id, principal));
  }

  @Get(':id/file')
  @ApiOperation({
    summary: 'The file of a report',
    description:
      'The finished report in its format: `application/pdf`, `text/csv` (RFC 4180), XLSX or `application/json`. 409 while it is not made yet.',
  })
  @ApiErrors(REPORTS_ERRORS.report_not_ready)
  @ApiFile('The report in the format asked for', FILE_TYPES.json, FILE_TYPES.csv, FILE_TYPES.pdf, FILE_TYPES.xlsx)
  async file(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(REPORTS_ERRORS.report_not_found)) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendDocument(reply, await this.reports.file(id, principal));
  }
}
