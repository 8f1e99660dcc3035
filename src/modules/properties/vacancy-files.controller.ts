import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { ApiErrors } from '../../common/openapi/api-docs.decorators.js';
import { IdParam } from '../../common/validation/id-param.js';
import { DecideVacancyDto, FileReportDto, RecordConsultationDto } from './dto/vacancy-file.dto.js';
import {
  toVacancyFileResponse,
  toVacancyRuleSetResponse,
  VacancyFileResponseDto,
  VacancyRuleSetResponseDto,
} from './dto/vacancy-file.response.dto.js';
import { PROPERTIES_ERRORS } from './properties.errors.js';
import { VacancyFilesService } from './vacancy-files.service.js';

@ApiTags('vacancy files')
@ApiBearerAuth()
@Controller('api')
export class VacancyFilesController {
  constructor(
    private readonly files: VacancyFilesService,
    private readonly clock: Clock,
  ) {}

  @Get('vacancy-rule-sets')
  @Can('properties.read')
  @ApiOperation({
    summary: 'The vacancy bylaws',
    description:
      "Each version of a municipality's leegstandverordening, from the day it came into force, with its source, months and fines.",
  })
  @ApiQuery({ name: 'city', required: false })
  @ApiOkResponse({ type: [VacancyRuleSetResponseDto] })
  async ruleSets(@Query('city') city?: string): Promise<VacancyRuleSetResponseDto[]> {
    return (await this.files.ruleSets(typeof city === 'string' && city.length > 0 ? city : undefined)).map(toVacancyRuleSetResponse);
  }

  @Get('vacancies/:id')
  @Can('properties.read')
  @ApiOperation({
    summary: 'A vacancy file',
    description:
      "The period, the property, the owner's report, the consultations, the decision and the deadlines by the bylaw in force on each relevant day; 404 when you may not see the property.",
  })
  @ApiOkResponse({ type: VacancyFileResponseDto })
  async file(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(PROPERTIES_ERRORS.vacancy_period_not_found)) id: string,
  ): Promise<VacancyFileResponseDto> {
    return toVacancyFileResponse(await this.files.file(id, principal), this.clock.today());
  }

  @Post('vacancies/:id/report')
  @HttpCode(201)
  @Can('properties.write')
  @ApiOperation({
    summary: "File the owner's report",
    description:
      "The owner's leegstandsmelding: since when, why, its prospects and the vacant m² per floor. Filed once; it never changes. Only the owner's users (and admins).",
  })
  @ApiErrors(
    PROPERTIES_ERRORS.not_the_owner,
    PROPERTIES_ERRORS.transition_not_allowed,
    PROPERTIES_ERRORS.report_floor_unknown,
    PROPERTIES_ERRORS.date_in_future,
    PROPERTIES_ERRORS.report_already_filed,
  )
  @ApiOkResponse({ type: VacancyFileResponseDto })
  async report(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(PROPERTIES_ERRORS.vacancy_period_not_found)) id: string,
    @Body() body: FileReportDto,
  ): Promise<VacancyFileResponseDto> {
    return toVacancyFileResponse(await this.files.fileReport(id, body, principal), this.clock.today());
  }

  @Post('vacancies/:id/consultations')
  @HttpCode(201)
  @Can('vacancy-files.decide')
  @ApiOperation({ summary: 'Record a consultation', description: 'The city, after the report: date, parties, outcome and next step.' })
  @ApiErrors(PROPERTIES_ERRORS.transition_not_allowed, PROPERTIES_ERRORS.date_in_future, PROPERTIES_ERRORS.consultation_before_report)
  @ApiOkResponse({ type: VacancyFileResponseDto })
  async consult(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(PROPERTIES_ERRORS.vacancy_period_not_found)) id: string,
    @Body() body: RecordConsultationDto,
  ): Promise<VacancyFileResponseDto> {
    return toVacancyFileResponse(await this.files.recordConsultation(id, body, principal), this.clock.today());
  }

  @Post('vacancies/:id/decision')
  @HttpCode(201)
  @Can('vacancy-files.decide')
  @ApiOperation({ summary: 'Decide on a vacancy', description: 'The city, after a consultation; once.' })
  @ApiErrors(PROPERTIES_ERRORS.transition_not_allowed)
  @ApiOkResponse({ type: VacancyFileResponseDto })
  async decide(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(PROPERTIES_ERRORS.vacancy_period_not_found)) id: string,
    @Body() body: DecideVacancyDto,
  ): Promise<VacancyFileResponseDto> {
    return toVacancyFileResponse(await this.files.decide(id, body, principal), this.clock.today());
  }
}
