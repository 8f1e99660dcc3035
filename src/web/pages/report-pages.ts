import type { FastifyReply } from 'fastify';
import { can } from '../../common/auth/access-policy.js';
import type { AuthenticatedRequest } from '../../common/auth/decorators.js';
import { MAX_PAGE_LIMIT } from '../../common/pagination/page.js';
import { sendDocument } from '../../documents/send-document.js';
import type { BuildingsService } from '../../modules/buildings/buildings.service.js';
import { RequestReportDto } from '../../modules/reports/dto/report.dto.js';
import { REPORT_FORMATS, REPORT_KINDS } from '../../modules/reports/report.entity.js';
import type { ReportsService } from '../../modules/reports/reports.service.js';
import { checkedForm, refusalOf, text } from '../forms.js';
import { type FieldError, renderPage } from '../render.js';
import { languageOf } from '../session/web-session.js';

type Form = Record<string, unknown>;

/**
 * The reports page of one place (the umbrella's /reports, the owner's /owner/reports, the city's
 * /city/reports): the signed-in user's own requests with their status and files, and a form for the
 * kinds the policy lets its role request. The service decides which reports and buildings each sees.
 */
export class ReportPages {
  constructor(
    private readonly reports: ReportsService,
    private readonly buildings: BuildingsService,
    /** Where the page lives; its rows and files are under it. */
    private readonly path: string,
    /** The staff name any city; the city's own portal reports on its own city only. */
    private readonly askCity: boolean,
  ) {}

  page(request: AuthenticatedRequest, reply: FastifyReply): Promise<string> {
    return this.render(request, reply, { values: { kind: this.kindsOf(request)[0], format: 'pdf' }, errors: null });
  }

  async request(request: AuthenticatedRequest, reply: FastifyReply, form: Form): Promise<string | void> {
    const kind = text(form.kind);
    const checked = await checkedForm(languageOf(request), RequestReportDto, {
      kind,
      buildingId: kind === 'owner-occupancy' || kind === 'arrears' ? text(form.buildingId) : undefined,
      city: (kind === 'municipality-monitor' || kind === 'vacancy-pipeline') && this.askCity ? text(form.city) : undefined,
      period: text(form.period),
      format: text(form.format),
    });
    let errors = checked.errors;
    if (!errors) {
      try {
        await this.reports.request(checked.value!, request.principal!);
        void reply.redirect(this.path, 303);
        return;
      } catch (error) {
        errors = refusalOf(error, languageOf(request));
      }
    }
    void reply.status(422);
    return this.render(request, reply, { values: form, errors });
  }

  /** One report's row, for htmx to refresh until it is done. */
  async row(request: AuthenticatedRequest, reply: FastifyReply, id: string): Promise<string> {
    const report = await this.reports.getVisible(id, request.principal!);
    return renderPage(request, reply, '_report-row', 'reports.title', { report, reportsPath: this.path });
  }

  async file(request: AuthenticatedRequest, reply: FastifyReply, id: string): Promise<void> {
    await sendDocument(reply, await this.reports.file(id, request.principal!));
  }

  private kindsOf(request: AuthenticatedRequest) {
    return REPORT_KINDS.filter((kind) => can(request.principal!, `reports.${kind}`));
  }

  private async render(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    form: { values: Form; errors: FieldError[] | null },
  ): Promise<string> {
    const principal = request.principal!;
    const kinds = this.kindsOf(request);
    const [reports, buildings] = await Promise.all([
      this.reports.list({}, principal, { limit: 50, offset: 0 }),
      kinds.includes('owner-occupancy') || kinds.includes('arrears')
        ? this.buildings.listVisible(principal, { limit: MAX_PAGE_LIMIT, offset: 0 }).then((page) => page.items)
        : Promise.resolve(null),
    ]);
    return renderPage(request, reply, 'reports', 'reports.title', {
      reports: reports.items,
      buildings,
      askCity: this.askCity && kinds.includes('municipality-monitor'),
      reportsPath: this.path,
      kinds,
      formats: REPORT_FORMATS,
      form,
    });
  }
}
