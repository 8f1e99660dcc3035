import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import { Clock } from '../../common/clock/clock.js';
import { MAX_PAGE_LIMIT } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { DecideVacancyDto, RecordConsultationDto } from '../../modules/properties/dto/vacancy-file.dto.js';
import { toVacancyFileResponse } from '../../modules/properties/dto/vacancy-file.response.dto.js';
import { PROPERTIES_ERRORS } from '../../modules/properties/properties.errors.js';
import { PropertiesService, vacantM2Of } from '../../modules/properties/properties.service.js';
import { DECISION_KINDS } from '../../modules/properties/vacancy-file.entity.js';
import { VacancyFilesService } from '../../modules/properties/vacancy-files.service.js';
import { checkedForm, refusalOf, text } from '../forms.js';
import { type FieldError, renderPage } from '../render.js';
import { WebPages } from '../session/web-page.decorator.js';
import { languageOf } from '../session/web-session.js';

type Form = Record<string, unknown>;

/**
 * The city's vacancy pages: the properties of its city on the statutory clock (each file's state,
 * report and consultation deadlines, overdue marked), the pipeline of the year, and per file the
 * consultations and the decision.
 */
@Controller('city/vacancies')
@WebPages()
@Can('portal.city')
export class CityVacancyPagesController {
  constructor(
    private readonly properties: PropertiesService,
    private readonly files: VacancyFilesService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async list(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const principal = request.principal!;
    const today = this.clock.today();
    const { items } = await this.properties.list({}, { limit: MAX_PAGE_LIMIT, offset: 0 }, principal);
    const rows = await Promise.all(
      items
        .filter((record) => record.openVacancy !== null)
        .map(async (record) => ({
          record,
          vacantM2: vacantM2Of(record.floors),
          file: toVacancyFileResponse(await this.files.file(record.openVacancy!.id, principal), today),
        })),
    );
    const city = await this.properties.ownCityOf(principal);
    const pipeline = city ? await this.properties.pipeline(city, today.slice(0, 4), principal) : null;
    return renderPage(request, reply, 'city-vacancies', 'vacancy.city.title', { rows, pipeline });
  }

  @Get(':periodId')
  file(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('periodId', new IdParam(PROPERTIES_ERRORS.vacancy_period_not_found)) periodId: string,
  ): Promise<string> {
    return this.render(request, reply, periodId, null);
  }

  @Post(':periodId/consultations')
  @HttpCode(200)
  async consult(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('periodId', new IdParam(PROPERTIES_ERRORS.vacancy_period_not_found)) periodId: string,
    @Body() form: Form,
  ): Promise<string | void> {
    const checked = await checkedForm(languageOf(request), RecordConsultationDto, {
      heldOn: text(form.heldOn),
      parties: text(form.parties),
      outcome: text(form.outcome),
      nextStep: text(form.nextStep),
    });
    return this.act(request, reply, periodId, form, checked.errors, () =>
      this.files.recordConsultation(periodId, checked.value!, request.principal!),
    );
  }

  @Post(':periodId/decision')
  @HttpCode(200)
  async decide(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('periodId', new IdParam(PROPERTIES_ERRORS.vacancy_period_not_found)) periodId: string,
    @Body() form: Form,
  ): Promise<string | void> {
    const checked = await checkedForm(languageOf(request), DecideVacancyDto, { kind: text(form.kind), motivation: text(form.motivation) });
    return this.act(request, reply, periodId, form, checked.errors, () => this.files.decide(periodId, checked.value!, request.principal!));
  }

  private async act(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    periodId: string,
    form: Form,
    invalid: FieldError[] | null,
    step: () => Promise<unknown>,
  ): Promise<string | void> {
    let errors = invalid;
    if (!errors) {
      try {
        await step();
        void reply.redirect(`/city/vacancies/${periodId}`, 303);
        return;
      } catch (error) {
        errors = refusalOf(error, languageOf(request));
      }
    }
    void reply.status(422);
    return this.render(request, reply, periodId, { values: form, errors });
  }

  private async render(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    periodId: string,
    form: { values: Form; errors: FieldError[] | null } | null,
  ): Promise<string> {
    const file = toVacancyFileResponse(await this.files.file(periodId, request.principal!), this.clock.today());
    return renderPage(request, reply, 'city-vacancy', 'vacancy.file.title', {
      file,
      form: form ?? { values: { heldOn: this.clock.today() }, errors: null },
      decisionKinds: DECISION_KINDS,
    });
  }
}
