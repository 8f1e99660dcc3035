import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import { MAX_PAGE_LIMIT } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { CreatePropertyDto } from '../../modules/properties/dto/property.dto.js';
import { FileReportDto } from '../../modules/properties/dto/vacancy-file.dto.js';
import { OpenVacancyDto } from '../../modules/properties/dto/vacancy-period.dto.js';
import { USE_CATEGORIES } from '../../modules/properties/property.entity.js';
import { PROPERTIES_ERRORS } from '../../modules/properties/properties.errors.js';
import { PropertiesService, totalM2Of, vacantM2Of } from '../../modules/properties/properties.service.js';
import { VACANCY_REASONS } from '../../modules/properties/vacancy-period.entity.js';
import { VacancyFilesService } from '../../modules/properties/vacancy-files.service.js';
import { checkedForm, decimal, refusalOf, text } from '../forms.js';
import { type FieldError, renderPage } from '../render.js';
import { WebPages } from '../session/web-page.decorator.js';
import { languageOf } from '../session/web-session.js';

type Form = Record<string, unknown>;

/**
 * The owner's properties: each with its floors' vacant m² and its vacancy file's state and deadline;
 * a form to register a property (and since when it stands empty), and per open vacancy the report.
 */
@Controller('owner/properties')
@WebPages()
@Can('portal.owner')
export class OwnerPropertyPagesController {
  constructor(
    private readonly properties: PropertiesService,
    private readonly files: VacancyFilesService,
  ) {}

  @Get()
  page(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return this.render(request, reply, { values: { city: 'Amsterdam', useCategory: 'office' }, errors: null });
  }

  @Post()
  @HttpCode(200)
  async register(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() form: Form,
  ): Promise<string | void> {
    const totalM2 = decimal(form.totalM2);
    const vacantM2 = decimal(form.vacantM2);
    const checked = await checkedForm(languageOf(request), CreatePropertyDto, {
      name: text(form.address),
      address: text(form.address),
      postcode: text(form.postcode),
      city: text(form.city),
      district: text(form.district),
      useCategory: text(form.useCategory),
      floors: [{ level: 0, totalM2, vacantM2 }],
    });
    const vacancy = text(form.vacantSince)
      ? await checkedForm(languageOf(request), OpenVacancyDto, { vacantSince: text(form.vacantSince), reason: text(form.reason) })
      : null;
    let errors: FieldError[] | null = checked.errors ?? vacancy?.errors ?? null;
    if (!errors) {
      try {
        const { property } = await this.properties.create(checked.value!, request.principal!);
        if (vacancy) await this.properties.openVacancy(property.id, vacancy.value!, request.principal!);
        void reply.redirect('/owner/properties', 303);
        return;
      } catch (error) {
        errors = refusalOf(error, languageOf(request));
      }
    }
    void reply.status(422);
    return this.render(request, reply, { values: form, errors });
  }

  @Post(':periodId/report')
  @HttpCode(200)
  async report(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('periodId', new IdParam(PROPERTIES_ERRORS.vacancy_period_not_found)) periodId: string,
    @Body() form: Form,
  ): Promise<string | void> {
    const file = await this.files.file(periodId, request.principal!);
    const checked = await checkedForm(languageOf(request), FileReportDto, {
      vacantSince: file.period.vacantSince,
      reason: text(form.reason),
      prospects: text(form.prospects),
      floors: file.record.floors.map((floor) => ({ level: floor.level, vacantM2: floor.vacantM2 })),
    });
    let errors = checked.errors;
    if (!errors) {
      try {
        await this.files.fileReport(periodId, checked.value!, request.principal!);
        void reply.redirect('/owner/properties', 303);
        return;
      } catch (error) {
        errors = refusalOf(error, languageOf(request));
      }
    }
    void reply.status(422);
    return this.render(request, reply, { values: { city: 'Amsterdam', useCategory: 'office' }, errors: null }, { periodId, errors });
  }

  private async render(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    form: { values: Form; errors: FieldError[] | null },
    reportForm: { periodId: string; errors: FieldError[] | null } | null = null,
  ): Promise<string> {
    const principal = request.principal!;
    const { items } = await this.properties.list({}, { limit: MAX_PAGE_LIMIT, offset: 0 }, principal);
    const rows = await Promise.all(
      items.map(async (record) => ({
        record,
        totalM2: totalM2Of(record.floors),
        vacantM2: vacantM2Of(record.floors),
        file: record.openVacancy ? await this.files.file(record.openVacancy.id, principal) : null,
      })),
    );
    return renderPage(request, reply, 'owner-properties', 'vacancy.owner.title', {
      rows,
      form,
      reportForm,
      useCategories: USE_CATEGORIES,
      reasons: VACANCY_REASONS,
    });
  }
}
