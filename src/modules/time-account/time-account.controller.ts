import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { COMMON_ERRORS } from '../../common/errors/common.errors.js';
import { ApiErrors } from '../../common/openapi/api-docs.decorators.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';
import { mapPage, type Page } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { BUILDINGS_ERRORS } from '../buildings/buildings.errors.js';
import {
  BuildingDoubleBalanceResponseDto,
  CityDoubleBalanceResponseDto,
  CityDoubleBalanceQueryDto,
  CreateHourlyValueDto,
  CreateProgrammeEventDto,
  CreateSubsidyDto,
  CreateWorkingGroupDto,
  DecideTimeDto,
  DoubleBalanceQueryDto,
  EventsQueryDto,
  HourlyValueResponseDto,
  ProgrammeEventResponseDto,
  RecordTimeDto,
  SubsidyResponseDto,
  TimeEntryQueryDto,
  TimeEntryResponseDto,
  toHourlyValueResponse,
  toProgrammeEventResponse,
  toSubsidyResponse,
  toTimeEntryResponse,
  toWorkingGroupResponse,
  UpdateTimeDto,
  UpdateWorkingGroupDto,
  WorkingGroupResponseDto,
} from './dto/time-account.dto.js';
import { TIME_ACCOUNT_ERRORS } from './time-account.errors.js';
import { type BuildingDoubleBalance, type CityDoubleBalance, TimeAccountService } from './time-account.service.js';
import { TimeEntriesService } from './time-entries.service.js';

const buildingId = () => new IdParam(BUILDINGS_ERRORS.building_not_found);

@ApiTags('time account')
@ApiBearerAuth()
@Controller('api')
export class TimeAccountController {
  constructor(private readonly account: TimeAccountService) {}

  @Post('buildings/:id/working-groups')
  @Can('time.manage')
  @ApiOperation({
    summary: 'Start a working group',
    description: 'A group of the building’s makers with one of them (a tenant of the building) as coordinator (admins).',
  })
  @ApiErrors(TIME_ACCOUNT_ERRORS.working_group_name_taken, TIME_ACCOUNT_ERRORS.coordinator_not_a_tenant_of_building)
  @ApiCreatedResponse({ type: WorkingGroupResponseDto })
  async createGroup(@CurrentPrincipal() principal: Principal, @Param('id', buildingId()) id: string, @Body() body: CreateWorkingGroupDto) {
    return toWorkingGroupResponse(await this.account.createGroup(id, body, principal));
  }

  @Get('buildings/:id/working-groups')
  @Can('buildings.read')
  @ApiOperation({
    summary: 'The working groups of a building',
    description: 'For anyone who sees the building: makers choose one when they record hours.',
  })
  @ApiOkResponse({ type: [WorkingGroupResponseDto] })
  async groups(@CurrentPrincipal() principal: Principal, @Param('id', buildingId()) id: string) {
    return (await this.account.groups(id, principal)).map(toWorkingGroupResponse);
  }

  @Patch('working-groups/:id')
  @Can('time.manage')
  @ApiOperation({ summary: 'Change a working group', description: 'Its name or its coordinator, a tenant of the building (admins).' })
  @ApiErrors(TIME_ACCOUNT_ERRORS.working_group_name_taken, TIME_ACCOUNT_ERRORS.coordinator_not_a_tenant_of_building)
  @ApiOkResponse({ type: WorkingGroupResponseDto })
  async updateGroup(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(TIME_ACCOUNT_ERRORS.working_group_not_found)) id: string,
    @Body() body: UpdateWorkingGroupDto,
  ) {
    return toWorkingGroupResponse(await this.account.updateGroup(id, body, principal));
  }

  @Post('buildings/:id/programme-events')
  @Can('time.manage')
  @ApiOperation({
    summary: 'Add an event',
    description: 'An event of the public programme or for the neighbourhood: date, title, kind, visitors, free or paid (admins).',
  })
  @ApiCreatedResponse({ type: ProgrammeEventResponseDto })
  async createEvent(
    @CurrentPrincipal() principal: Principal,
    @Param('id', buildingId()) id: string,
    @Body() body: CreateProgrammeEventDto,
  ) {
    return toProgrammeEventResponse(await this.account.createEvent(id, body, principal));
  }

  @Get('buildings/:id/programme-events')
  @Can('buildings.read')
  @ApiOperation({
    summary: 'The public programme of a building',
    description: 'Its events in a year or a month, by date; public to anyone who sees the building.',
  })
  @ApiErrors(COMMON_ERRORS.validation_failed)
  @ApiOkResponse({ type: [ProgrammeEventResponseDto] })
  async events(@CurrentPrincipal() principal: Principal, @Param('id', buildingId()) id: string, @Query() query: EventsQueryDto) {
    return (await this.account.events(id, query.period, principal)).map(toProgrammeEventResponse);
  }

  @Delete('programme-events/:id')
  @Can('time.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an event', description: 'An event recorded by mistake (admins).' })
  @ApiNoContentResponse()
  async removeEvent(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(TIME_ACCOUNT_ERRORS.programme_event_not_found)) id: string,
  ) {
    await this.account.removeEvent(id, principal);
  }

  @Post('buildings/:id/subsidies')
  @Can('time.manage')
  @ApiOperation({
    summary: 'Record a subsidy granted to the building (admins)',
    description: 'Dated, with its source, amount and purpose.',
  })
  @ApiCreatedResponse({ type: SubsidyResponseDto })
  async createSubsidy(@CurrentPrincipal() principal: Principal, @Param('id', buildingId()) id: string, @Body() body: CreateSubsidyDto) {
    return toSubsidyResponse(await this.account.createSubsidy(id, body, principal));
  }

  @Get('buildings/:id/subsidies')
  @Can('time.manage')
  @ApiOperation({ summary: 'The subsidies of a building', description: 'Every subsidy recorded for it, by date (admins).' })
  @ApiOkResponse({ type: [SubsidyResponseDto] })
  async subsidies(@CurrentPrincipal() principal: Principal, @Param('id', buildingId()) id: string) {
    return (await this.account.subsidies(id, principal)).map(toSubsidyResponse);
  }

  @Get('hourly-values')
  @Can('buildings.read')
  @ApiOperation({
    summary: 'The dated hourly values hours are valued at',
    description: 'Each applies from its date until the next one; € 20,00 from the start.',
  })
  @ApiOkResponse({ type: [HourlyValueResponseDto] })
  async hourlyValues() {
    return (await this.account.hourlyValues()).map(toHourlyValueResponse);
  }

  @Put('hourly-values')
  @Can('time.manage')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Set the hourly value',
    description: 'The value of an hour from a date on, until the next value’s date (admins); one value per date.',
  })
  @ApiErrors(TIME_ACCOUNT_ERRORS.hourly_value_date_taken)
  @ApiCreatedResponse({ type: HourlyValueResponseDto })
  async setHourlyValue(@CurrentPrincipal() principal: Principal, @Body() body: CreateHourlyValueDto) {
    return toHourlyValueResponse(await this.account.setHourlyValue(body, principal));
  }

  @Get('buildings/:id/double-balance')
  @Can('reports.double-balance')
  @ApiOperation({
    summary: 'The double balance of a building',
    description:
      'For a year or a month: the money account per party (rent, head-lease rent and interest per owner for the days it owned the building, ' +
      'investments, subsidies) beside the time account (approved hours by kind and working group, people, events and visitors), and the hours ' +
      'valued at the dated hourly value, never added to the money. Owners and the city see `<5` where fewer than five people stand behind a number.',
  })
  @ApiErrors(COMMON_ERRORS.validation_failed, TIME_ACCOUNT_ERRORS.double_balance_period_not_found)
  @ApiOkResponse({ type: BuildingDoubleBalanceResponseDto })
  buildingBalance(
    @CurrentPrincipal() principal: Principal,
    @Param('id', buildingId()) id: string,
    @Query() query: DoubleBalanceQueryDto,
  ): Promise<BuildingDoubleBalance> {
    return this.account.buildingBalance(id, query.period, principal);
  }

  @Get('double-balance')
  @Can('reports.double-balance')
  @ApiOperation({
    summary: 'The double balance of a city',
    description: 'Per building and for the whole city; a municipality sees its own city.',
  })
  @ApiErrors(COMMON_ERRORS.validation_failed, COMMON_ERRORS.forbidden)
  @ApiOkResponse({ type: CityDoubleBalanceResponseDto })
  cityBalance(@CurrentPrincipal() principal: Principal, @Query() query: CityDoubleBalanceQueryDto): Promise<CityDoubleBalance> {
    return this.account.cityBalance(query, principal);
  }
}

@ApiTags('time account')
@ApiBearerAuth()
@Controller('api/time-entries')
export class TimeEntriesController {
  constructor(private readonly entries: TimeEntriesService) {}

  @Post()
  @Can('time.record')
  @ApiOperation({
    summary: 'Record own hours',
    description:
      'A maker records hours given on a day (not after today) in a building where a lease of it runs that day: in quarters, at most 16 hours a day over ' +
      'all the maker’s entries, with a working group of the same building.',
  })
  @ApiErrors(
    TIME_ACCOUNT_ERRORS.time_entry_in_future,
    TIME_ACCOUNT_ERRORS.not_in_quarters,
    TIME_ACCOUNT_ERRORS.day_over_sixteen_hours,
    TIME_ACCOUNT_ERRORS.working_group_of_other_building,
    TIME_ACCOUNT_ERRORS.not_a_tenant_of_building,
  )
  @ApiCreatedResponse({ type: TimeEntryResponseDto })
  async record(@CurrentPrincipal() principal: Principal, @Body() body: RecordTimeDto) {
    return toTimeEntryResponse(await this.entries.record(body, principal));
  }

  @Get()
  @ApiOperation({
    summary: 'Time entries',
    description: 'A maker’s own and, for a coordinator, those of its groups; admins all. Owners and the city: 403.',
  })
  @ApiErrors(COMMON_ERRORS.forbidden)
  @ApiPage(TimeEntryResponseDto)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: TimeEntryQueryDto): Promise<Page<TimeEntryResponseDto>> {
    return mapPage(await this.entries.list(query, principal), toTimeEntryResponse);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One time entry', description: 'Another maker’s entry is unknown (404).' })
  @ApiOkResponse({ type: TimeEntryResponseDto })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', new IdParam(TIME_ACCOUNT_ERRORS.time_entry_not_found)) id: string) {
    return toTimeEntryResponse(await this.entries.get(id, principal));
  }

  @Patch(':id')
  @Can('time.record')
  @ApiOperation({ summary: 'Change own pending hours', description: 'A decided entry is final (409).' })
  @ApiErrors(TIME_ACCOUNT_ERRORS.time_entry_decided)
  @ApiOkResponse({ type: TimeEntryResponseDto })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(TIME_ACCOUNT_ERRORS.time_entry_not_found)) id: string,
    @Body() body: UpdateTimeDto,
  ) {
    return toTimeEntryResponse(await this.entries.update(id, body, principal));
  }

  @Delete(':id')
  @Can('time.record')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw own pending hours', description: 'A decided entry is final (409).' })
  @ApiNoContentResponse()
  async remove(@CurrentPrincipal() principal: Principal, @Param('id', new IdParam(TIME_ACCOUNT_ERRORS.time_entry_not_found)) id: string) {
    await this.entries.remove(id, principal);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve or reject hours',
    description: 'The coordinator of the entry’s working group or an admin; once (409 after).',
  })
  @ApiErrors(TIME_ACCOUNT_ERRORS.time_entry_decided)
  @ApiOkResponse({ type: TimeEntryResponseDto })
  async decide(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(TIME_ACCOUNT_ERRORS.time_entry_not_found)) id: string,
    @Body() body: DecideTimeDto,
  ) {
    return toTimeEntryResponse(await this.entries.decide(id, body, principal));
  }
}
