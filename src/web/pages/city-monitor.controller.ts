import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { IsOptional } from 'class-validator';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import { Clock } from '../../common/clock/clock.js';
import { IdParam } from '../../common/validation/id-param.js';
import { IsPeriod } from '../../common/validation/validators.js';
import { sendDocument } from '../../documents/send-document.js';
import { RequestReportDto } from '../../modules/reports/dto/report.dto.js';
import { REPORTS_ERRORS } from '../../modules/reports/reports.errors.js';
import { ReportsService } from '../../modules/reports/reports.service.js';
import { checkedForm, refusalOf, text } from '../forms.js';
import { translate } from '../i18n/i18n.js';
import { type FieldError, renderPage } from '../render.js';
import { WebPages } from '../session/web-page.decorator.js';
import { languageOf } from '../session/web-session.js';
import { cityMonitorCharts } from './city-monitor-charts.js';

/** The month the monitor shows: the picker sends it; a month only (a year is for the report files). */
class MonitorPeriodQuery {
  @IsOptional() @IsPeriod(false) period?: string;
}

/** The formats the page offers to download; JSON stays with the API. */
const DOWNLOAD_FORMATS = ['pdf', 'csv', 'xlsx'] as const;

/**
 * The city's monitor (role municipality): its own city's broedplaatsen as the monitor report shows them, masked by
 * the reports module, never a person; requests the report's files, and offers the schedule's monthly monitor.
 */
@Controller('city')
@WebPages()
@Can('portal.city')
export class CityMonitorController {
  constructor(
    private readonly reports: ReportsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async page(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('period') period?: unknown,
  ): Promise<string> {
    const checked = await checkedForm(languageOf(request), MonitorPeriodQuery, { period: text(period) });
    if (checked.errors) void reply.status(400);
    return this.render(request, reply, checked.value?.period ?? text(period) ?? this.currentMonth(), checked.errors);
  }

  /** Requests the monitor of the picked month as a file; the list of requested reports shows it being made. */
  @Post('monitor/downloads')
  @HttpCode(200)
  async download(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() form: Record<string, unknown>,
  ): Promise<string | void> {
    const checked = await checkedForm(languageOf(request), RequestReportDto, {
      kind: 'municipality-monitor',
      period: text(form.period),
      format: text(form.format),
    });
    let errors = checked.errors;
    if (!errors) {
      try {
        await this.reports.request(checked.value!, request.principal!);
        void reply.redirect('/city/reports', 303);
        return;
      } catch (error) {
        errors = refusalOf(error, languageOf(request));
      }
    }
    void reply.status(422);
    return this.render(request, reply, text(form.period) ?? this.currentMonth(), errors);
  }

  /** A file of the schedule's monthly monitor (the city's own requests are downloaded from its list of reports). */
  @Get('monitor/reports/:id/file')
  async scheduledFile(
    @Req() request: AuthenticatedRequest,
    @Param('id', new IdParam(REPORTS_ERRORS.report_not_found)) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendDocument(reply, await this.reports.file(id, request.principal!));
  }

  private currentMonth(): string {
    return this.clock.today().slice(0, 7);
  }

  /** The page for a month; a month the picker refused shows the current month's figures, the refusal beside the picker. */
  private async render(request: AuthenticatedRequest, reply: FastifyReply, period: string, errors: FieldError[] | null): Promise<string> {
    const principal = request.principal!;
    const shown = errors?.some((error) => error.field === 'period') ? this.currentMonth() : period;
    const [monitor, scheduled] = await Promise.all([
      this.reports.monitor({ period: shown }, principal),
      this.reports.latestScheduledMonitors(principal),
    ]);
    const language = languageOf(request);
    return renderPage(request, reply, 'city-monitor', 'city.monitor.title', {
      monitor,
      charts: cityMonitorCharts(monitor, (key, parameters) => translate(language, key, parameters)),
      scheduled,
      formats: DOWNLOAD_FORMATS,
      picked: period,
      errors,
    });
  }
}
