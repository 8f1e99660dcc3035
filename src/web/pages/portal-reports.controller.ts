import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/validation/id-param.js';
import { BuildingsService } from '../../modules/buildings/buildings.service.js';
import { REPORTS_ERRORS } from '../../modules/reports/reports.errors.js';
import { ReportsService } from '../../modules/reports/reports.service.js';
import { WebPages } from '../session/web-page.decorator.js';
import { ReportPages } from './report-pages.js';

type Form = Record<string, unknown>;

/**
 * The reports page of the owners' portal (/owner/reports: occupancy of its buildings) and of the
 * city's (/city/reports: the monitor of its own city): the umbrella's reports page, each role with
 * the kinds its capabilities allow and only its own requests.
 */
@Controller()
@WebPages()
export class PortalReportPagesController {
  private readonly owner: ReportPages;
  private readonly city: ReportPages;

  constructor(reports: ReportsService, buildings: BuildingsService) {
    this.owner = new ReportPages(reports, buildings, '/owner/reports', false);
    this.city = new ReportPages(reports, buildings, '/city/reports', false);
  }

  @Get('owner/reports')
  @Can('portal.owner')
  ownerPage(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return this.owner.page(request, reply);
  }

  @Post('owner/reports')
  @Can('portal.owner')
  @HttpCode(200)
  ownerRequest(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() form: Form,
  ): Promise<string | void> {
    return this.owner.request(request, reply, form);
  }

  @Get('owner/reports/:id/row')
  @Can('portal.owner')
  ownerRow(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(REPORTS_ERRORS.report_not_found)) id: string,
  ): Promise<string> {
    return this.owner.row(request, reply, id);
  }

  @Get('owner/reports/:id/file')
  @Can('portal.owner')
  ownerFile(
    @Req() request: AuthenticatedRequest,
    @Param('id', new IdParam(REPORTS_ERRORS.report_not_found)) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.owner.file(request, reply, id);
  }

  @Get('city/reports')
  @Can('portal.city')
  cityPage(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return this.city.page(request, reply);
  }

  @Post('city/reports')
  @Can('portal.city')
  @HttpCode(200)
  cityRequest(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() form: Form,
  ): Promise<string | void> {
    return this.city.request(request, reply, form);
  }

  @Get('city/reports/:id/row')
  @Can('portal.city')
  cityRow(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(REPORTS_ERRORS.report_not_found)) id: string,
  ): Promise<string> {
    return this.city.row(request, reply, id);
  }

  @Get('city/reports/:id/file')
  @Can('portal.city')
  cityFile(
    @Req() request: AuthenticatedRequest,
    @Param('id', new IdParam(REPORTS_ERRORS.report_not_found)) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.city.file(request, reply, id);
  }
}
