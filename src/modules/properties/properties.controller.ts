import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Can, CurrentPrincipal, Public } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { COMMON_ERRORS } from '../../common/errors/common.errors.js';
import { ApiErrors, ApiFile, FILE_TYPES } from '../../common/openapi/api-docs.decorators.js';
import { Clock } from '../../common/clock/clock.js';
import { propertiesCsv, propertiesGeoJson, propertiesXlsx, type GeoJsonFeatureCollection } from './property-exports.js';
import { totalM2Of, vacantM2Of } from './properties.service.js';
import type { VacancyPipeline } from './pipeline.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';
import { mapPage, type Page } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { ORGANISATIONS_ERRORS } from '../organisations/organisations.errors.js';
import {
  CreatePropertyDto,
  PipelineQueryDto,
  PropertyExportQueryDto,
  PropertyListQueryDto,
  PublishPropertyDto,
} from './dto/property.dto.js';
import {
  CandidatePropertyResponseDto,
  PropertyResponseDto,
  PublicPropertyResponseDto,
  toPropertyResponse,
  toPublicPropertyResponse,
  toVacancyPeriodResponse,
  toVisiblePropertyResponse,
  VacancyPeriodResponseDto,
} from './dto/property.response.dto.js';
import { OpenVacancyDto } from './dto/vacancy-period.dto.js';
import { SignalDto } from './dto/vacancy-file.dto.js';
import {
  InterimUseResponseDto,
  NoticeWarningResponseDto,
  NoticeWarningsQueryDto,
  RecordInterimUseDto,
  toInterimUseResponse,
  toNoticeWarningResponse,
} from './dto/interim-use.dto.js';
import { PROPERTIES_ERRORS } from './properties.errors.js';
import { PropertiesService } from './properties.service.js';

@ApiTags('properties')
@ApiBearerAuth()
@Controller('api/properties')
export class PropertiesController {
  constructor(
    private readonly properties: PropertiesService,
    private readonly clock: Clock,
  ) {}

  @Get('export')
  @Can('properties.read')
  @ApiOperation({
    summary: 'The register as CSV or XLSX',
    description: 'The properties you may see, with the same filters as the list; one row each with its open vacancy.',
  })
  @ApiErrors(COMMON_ERRORS.validation_failed)
  @ApiFile('The register', FILE_TYPES.csv, FILE_TYPES.xlsx)
  async export(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PropertyExportQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { format, ...filter } = query;
    const records = await this.properties.listAll(filter, principal);
    const today = this.clock.today();
    const bytes = format === 'csv' ? propertiesCsv(records, today) : await propertiesXlsx(records, today);
    await reply
      .header('content-type', FILE_TYPES[format])
      .header('content-disposition', `attachment; filename="properties-${today}.${format}"`)
      .send(bytes);
  }

  @Get('geojson')
  @Can('properties.read')
  @ApiOperation({
    summary: 'The register as a map layer',
    description:
      'GeoJSON points (longitude, latitude) of the properties you may see that have coordinates, with their state and vacant m².',
  })
  @ApiOkResponse({ schema: { type: 'object' } })
  async geojson(@CurrentPrincipal() principal: Principal): Promise<GeoJsonFeatureCollection> {
    return propertiesGeoJson(await this.properties.listAll({}, principal), ({ property, floors, openVacancy }) => ({
      id: property.id,
      name: property.name,
      address: property.address,
      district: property.district,
      status: openVacancy?.status ?? 'let',
      vacantSince: openVacancy?.vacantSince ?? null,
      totalM2: totalM2Of(floors),
      vacantM2: vacantM2Of(floors),
    }));
  }

  @Get('pipeline')
  @Can('properties.read')
  @ApiOperation({
    summary: "The city's vacancy pipeline",
    description:
      'Per district: properties and vacant m² by state and by vacancy age (0–6, 6–12, 12–24, 24+ months); per year offered and converted; the median days from vacancy to head lease; m² whose head lease ends within 18 months. The municipality of the city and admins. As CSV, XLSX or PDF through POST /api/reports (kind vacancy-pipeline).',
  })
  @ApiErrors(COMMON_ERRORS.validation_failed)
  @ApiOkResponse({ schema: { type: 'object' } })
  async pipeline(@CurrentPrincipal() principal: Principal, @Query() query: PipelineQueryDto): Promise<VacancyPipeline> {
    return this.properties.pipeline(query.city ?? (await this.properties.ownCityOf(principal)) ?? '', query.period, principal);
  }

  @Post()
  @Can('properties.write')
  @ApiOperation({
    summary: 'Register a property',
    description:
      'A building as real estate, with its floors (total and vacant m²). An owner registers its own; the municipality one in its city for any owner; admins any. ' +
      "Vacant m² over a floor's total is 422 with the floor named.",
  })
  @ApiErrors(
    ORGANISATIONS_ERRORS.unknown_owner,
    PROPERTIES_ERRORS.owner_required,
    PROPERTIES_ERRORS.outside_city,
    PROPERTIES_ERRORS.vacant_over_total,
    PROPERTIES_ERRORS.duplicate_floor,
    PROPERTIES_ERRORS.coordinates_incomplete,
    PROPERTIES_ERRORS.bag_id_taken,
  )
  @ApiCreatedResponse({ type: PropertyResponseDto })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreatePropertyDto): Promise<PropertyResponseDto> {
    return toPropertyResponse(await this.properties.create(body, principal));
  }

  @Get()
  @Can('properties.read')
  @ApiOperation({
    summary: 'The property register',
    description:
      'The properties you may see in full, by name: admins all, an owner its own, the municipality those in its city. ' +
      "An umbrella's staff get the candidate view instead: the public properties and those published for matching that one of their umbrella's search profiles fits on every hard condition, " +
      'with only the address, m², availability, building type and district (never the owner, the reason or the file). ' +
      'Filters: district, status of the open vacancy file (`let`: none open), whole months vacant, vacant m² ' +
      "(an umbrella's staff filter by district and m² only: the file's filters are 422 for them).",
  })
  @ApiErrors(COMMON_ERRORS.validation_failed, PROPERTIES_ERRORS.filter_not_for_candidates)
  @ApiPage(PropertyResponseDto)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PropertyListQueryDto,
  ): Promise<Page<PropertyResponseDto | CandidatePropertyResponseDto>> {
    const { limit, offset, ...filter } = query;
    return mapPage(await this.properties.browse(filter, { limit, offset }, principal), toVisiblePropertyResponse);
  }

  @Get(':id')
  @Can('properties.read')
  @ApiOperation({
    summary: 'One property',
    description:
      "With its floors and open vacancy period; for an umbrella's staff the candidate view of a public property or one published for matching that their profile fits. 404 when you may not see it.",
  })
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: getSchemaPath(PropertyResponseDto) }, { $ref: getSchemaPath(CandidatePropertyResponseDto) }] },
  })
  @ApiExtraModels(PropertyResponseDto, CandidatePropertyResponseDto)
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(PROPERTIES_ERRORS.property_not_found)) id: string,
  ): Promise<PropertyResponseDto | CandidatePropertyResponseDto> {
    return toVisiblePropertyResponse(await this.properties.read(id, principal));
  }

  @Put(':id/publication')
  @Can('properties.write')
  @ApiOperation({
    summary: 'Publish a property',
    description:
      '`internal` (the owner and the city), `matching` (also the umbrellas whose search profile fits it, which see only the address, m², availability, building type and district) or `public` (also everyone, the same fields). ' +
      'Published as `matching` or `public` for the first time, it counts as offered from today in the pipeline.',
  })
  @ApiErrors(COMMON_ERRORS.validation_failed)
  @ApiOkResponse({ type: PropertyResponseDto })
  async publish(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(PROPERTIES_ERRORS.property_not_found)) id: string,
    @Body() body: PublishPropertyDto,
  ): Promise<PropertyResponseDto> {
    return toPropertyResponse(await this.properties.publish(id, body.publication, principal));
  }

  @Get(':id/vacancies')
  @Can('properties.read')
  @ApiOperation({ summary: "A property's vacancy periods", description: 'Latest first.' })
  @ApiOkResponse({ type: [VacancyPeriodResponseDto] })
  async vacancies(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(PROPERTIES_ERRORS.property_not_found)) id: string,
  ): Promise<VacancyPeriodResponseDto[]> {
    return (await this.properties.vacancies(id, principal)).map(toVacancyPeriodResponse);
  }

  @Post(':id/vacancies')
  @Can('properties.write')
  @ApiOperation({
    summary: 'Record a vacancy',
    description:
      "Since when the property stands empty (not after today), why, the owner's prospects and when it is available for interim use (`availableUntil` after `availableFrom`). One open period per property (409).",
  })
  @ApiErrors(
    PROPERTIES_ERRORS.vacancy_in_future,
    PROPERTIES_ERRORS.availability_invalid,
    PROPERTIES_ERRORS.vacancy_already_open,
    PROPERTIES_ERRORS.vacancy_before_previous,
  )
  @ApiCreatedResponse({ type: VacancyPeriodResponseDto })
  async openVacancy(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(PROPERTIES_ERRORS.property_not_found)) id: string,
    @Body() body: OpenVacancyDto,
  ): Promise<VacancyPeriodResponseDto> {
    return toVacancyPeriodResponse(await this.properties.openVacancy(id, body, principal));
  }

  @Post(':id/signals')
  @Can('vacancy-files.decide')
  @ApiOperation({
    summary: "Record a neighbour's signal",
    description:
      'The city opens a vacancy period from a signal; who reported it is never stored. The reason stays `unknown` until the owner reports.',
  })
  @ApiErrors(PROPERTIES_ERRORS.vacancy_in_future, PROPERTIES_ERRORS.vacancy_already_open, PROPERTIES_ERRORS.vacancy_before_previous)
  @ApiCreatedResponse({ type: VacancyPeriodResponseDto })
  async signal(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(PROPERTIES_ERRORS.property_not_found)) id: string,
    @Body() body: SignalDto,
  ): Promise<VacancyPeriodResponseDto> {
    return toVacancyPeriodResponse(await this.properties.recordSignal(id, body, principal));
  }

  @Get(':id/interim-uses')
  @Can('properties.read')
  @ApiOperation({ summary: "A property's interim uses", description: 'Guardianship and temporary lettings, by start.' })
  @ApiOkResponse({ type: [InterimUseResponseDto] })
  async interimUses(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(PROPERTIES_ERRORS.property_not_found)) id: string,
  ): Promise<InterimUseResponseDto[]> {
    return (await this.properties.interimUses(id, principal)).map(toInterimUseResponse);
  }

  @Post(':id/interim-uses')
  @Can('properties.write')
  @ApiOperation({
    summary: 'Record an interim use',
    description:
      "Guardianship (a loan for use, 28 days' notice unless stated) or a temporary letting under a Leegstandwet permit (its reference and end required).",
  })
  @ApiErrors(PROPERTIES_ERRORS.interim_use_period_invalid, PROPERTIES_ERRORS.letting_needs_permit)
  @ApiCreatedResponse({ type: InterimUseResponseDto })
  async recordInterimUse(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(PROPERTIES_ERRORS.property_not_found)) id: string,
    @Body() body: RecordInterimUseDto,
  ): Promise<InterimUseResponseDto> {
    return toInterimUseResponse(await this.properties.recordInterimUse(id, body, principal));
  }

  @Get(':id/notice-warnings')
  @Can('properties.read')
  @ApiOperation({
    summary: 'Interim uses in the way of a planned start',
    description:
      "For a broedplaats planned to start on `start`: the interim uses that notice given today would not end in time (a guardianship's 28 days) or whose permit runs past it. Empty: nothing in the way.",
  })
  @ApiErrors(COMMON_ERRORS.validation_failed)
  @ApiOkResponse({ type: [NoticeWarningResponseDto] })
  async noticeWarnings(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(PROPERTIES_ERRORS.property_not_found)) id: string,
    @Query() query: NoticeWarningsQueryDto,
  ): Promise<NoticeWarningResponseDto[]> {
    return (await this.properties.noticeWarnings(id, query.start, principal)).map(toNoticeWarningResponse);
  }
}

/** Properties published as public, for anyone: address, m² and availability only. */
@ApiTags('properties')
@Controller('api/public/properties')
export class PublicPropertiesController {
  constructor(private readonly properties: PropertiesService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Available properties (public)',
    description: 'Properties their owner published: address, m² and availability. Never the owner, the reason of vacancy or the file.',
  })
  @ApiPage(PublicPropertyResponseDto)
  async list(@Query() query: PropertyListQueryDto): Promise<Page<PublicPropertyResponseDto>> {
    const { limit, offset, ...filter } = query;
    return mapPage(await this.properties.listPublic(filter, { limit, offset }), toPublicPropertyResponse);
  }

  @Get('geojson')
  @Public()
  @ApiOperation({ summary: 'Available properties as a map layer (public)', description: 'GeoJSON points with the public fields only.' })
  @ApiOkResponse({ schema: { type: 'object' } })
  async geojson(): Promise<GeoJsonFeatureCollection> {
    const records = (await this.properties.listPublic({}, { limit: 1000, offset: 0 })).items;
    return propertiesGeoJson(records, (record) => {
      const { id, name, address, district, vacantM2, totalM2, availableFrom, availableUntil } = toPublicPropertyResponse(record);
      return { id, name, address, district, vacantM2, totalM2, availableFrom, availableUntil };
    });
  }
}
