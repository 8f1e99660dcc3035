import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import { MAX_PAGE_LIMIT } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { sendDocument } from '../../documents/send-document.js';
import { BuildingsService } from '../../modules/buildings/buildings.service.js';
import { RequestReportDto } from '../../modules/reports/dto/report.dto.js';
import { REPORT_FORMATS, REPORT_KINDS } from '../../modules/reports/report.entity.js';
import { REPORTS_ERRORS } from '../../modules/reports/reports.errors.js';
import { ReportsService } from '../../modules/reports/reports.service.js';
import { checkedForm, refusalOf, text } from '../forms.js';
import { type FieldError, renderPage } from '../render.js';
import { WebPages } from '../session/web-page.decorator.js';
import { languageOf } from '../session/web-session.js';

type Form = Record<string, unknown>;

/** Reports in the browser: request one, watch its status (htmx refreshes it), download the file. */
@Controller('reports')
@WebPages()
@Can('umbrella.workspace')
export class ReportPagesController {
  constructor(
    private readonly reports: ReportsService,
    private readonly buildings: BuildingsService,
  ) {}

  @Get()
  page(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return this.render(request, reply, { values: { kind: 'owner-occupancy', format: 'pdf' }, errors: null });
  }

  @Post()
  @HttpCode(200)
  async request(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() form: Form,
  ): Promise<string | void> {
    const kind = text(form.kind);
    const checked = await checkedForm(RequestReportDto, {
      kind,
      buildingId: kind === 'owner-occupancy' || kind === 'arrears' ? text(form.buildingId) : undefined,
      city: kind === 'municipality-monitor' ? text(form.city) : undefined,
      period: text(form.period),
      format: text(form.format),
    });
    let errors = checked.errors;
    if (!errors) {
      try {
        await this.reports.request(checked.value!, request.principal!);
        void reply.redirect('/reports', 303);
        return;
      } catch (error) {
        errors = refusalOf(error, languageOf(request));
      }
    }
    void reply.status(422);
    return this.render(request, reply, { values: form, errors });
  }

  /** One report's row, for htmx to refresh until it is done. */
  @Get(':id/row')
  async row(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(REPORTS_ERRORS.report_not_found)) id: string,
  ): Promise<string> {
    const report = await this.reports.getVisible(id, request.principal!);
    return renderPage(request, reply, '_report-row', 'reports.title', { report });
  }

  @Get(':id/file')
  async file(
    @Req() request: AuthenticatedRequest,
    @Param('id', new IdParam(REPORTS_ERRORS.report_not_found)) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendDocument(reply, await this.reports.file(id, request.principal!));
  }

  private async render(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    form: { values: Form; errors: FieldError[] | null },
  ): Promise<string> {
    const principal = request.principal!;
    const [reports, buildings] = await Promise.all([
      this.reports.list({}, principal, { limit: 50, offset: 0 }),
      this.buildings.listVisible(principal, { limit: MAX_PAGE_LIMIT, offset: 0 }),
    ]);
    return renderPage(request, reply, 'reports', 'reports.title', {
      reports: reports.items,
      buildings: buildings.items,
      kinds: REPORT_KINDS,
      formats: REPORT_FORMATS,
      form,
    });
  }
}
