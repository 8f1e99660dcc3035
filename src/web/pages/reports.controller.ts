import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/validation/id-param.js';
import { BuildingsService } from '../../modules/buildings/buildings.service.js';
import { REPORTS_ERRORS } from '../../modules/reports/reports.errors.js';
import { ReportsService } from '../../modules/reports/reports.service.js';
import { WebPages } from '../session/web-page.decorator.js';
import { ReportPages } from './report-pages.js';

/** Reports in the browser: request one, watch its status (htmx refreshes it), download the file. */
@Controller('reports')
@WebPages()
@Can('umbrella.workspace')
export class ReportPagesController {
  private readonly pages: ReportPages;

  constructor(reports: ReportsService, buildings: BuildingsService) {
    this.pages = new ReportPages(reports, buildings, '/reports', true);
  }

  @Get()
  page(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return this.pages.page(request, reply);
  }

  @Post()
  @HttpCode(200)
  request(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() form: Record<string, unknown>,
  ): Promise<string | void> {
    return this.pages.request(request, reply, form);
  }

  @Get(':id/row')
  row(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(REPORTS_ERRORS.report_not_found)) id: string,
  ): Promise<string> {
    return this.pages.row(request, reply, id);
  }

  @Get(':id/file')
  file(
    @Req() request: AuthenticatedRequest,
    @Param('id', new IdParam(REPORTS_ERRORS.report_not_found)) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.file(request, reply, id);
  }
}
