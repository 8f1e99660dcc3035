import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';
import type { Page } from '../../common/pagination/page.js';
import { DateQueryDto } from '../../common/validation/date-query.js';
import { IdParam } from '../../common/validation/id-param.js';
import { BUILDINGS_ERRORS } from '../buildings/buildings.errors.js';
import { sendDocument } from '../../documents/send-document.js';
import { BuildingLeasesService } from './building-leases.service.js';
import { CreateLeaseDto } from './dto/create-lease.dto.js';
import { BandRevisionDto, CreateIndexationDto, ListLeasesQueryDto, TerminateLeaseDto } from './dto/lease-actions.dto.js';
import { LeaseResponseDto, toLeaseResponse } from './dto/lease.response.dto.js';
import { IndexationResponseDto, OccupancyResponseDto } from './dto/occupancy.response.dto.js';
import { LeaseNoticesService } from './lease-notices.service.js';
import { type LeaseView, LeasesService } from './leases.service.js';
import { LEASES_ERRORS } from './leases.errors.js';
import { ApiErrors, ApiFile, FILE_TYPES } from '../../common/openapi/api-docs.decorators.js';
import { FLOORS_ERRORS } from '../floors/floors.errors.js';
import { RENT_BANDS_ERRORS } from '../rent-bands/rent-bands.errors.js';
import { SPACES_ERRORS } from '../spaces/spaces.errors.js';
import { TENANTS_ERRORS } from '../tenants/tenants.errors.js';

/** Individual leases: admins and the tenant itself; owners and the city never see one. */
@ApiTags('leases')
@ApiBearerAuth()
@Can('leases.read')
@Controller('api/leases')
export class LeasesController {
  constructor(
    private readonly leases: LeasesService,
    private readonly notices: LeaseNoticesService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Let a space to a tenant',
    description:
      "A lease from `startDate` (and optionally to `endDate`) at the rate of the band of the tenant's valid assessment for the building. " +
      'Refused when the tenant has no valid assessment, the space is let in that period (409), the lease runs past the head lease of a temporary building, ' +
      'or `vatRegime: "standard"` is asked without its conditions (422).',
  })
  @ApiErrors(
    TENANTS_ERRORS.unknown_tenant,
    SPACES_ERRORS.unknown_space,
    LEASES_ERRORS.lease_overlap,
    LEASES_ERRORS.lease_ends_before_start,
    LEASES_ERRORS.lease_before_head_lease,
    LEASES_ERRORS.lease_outlives_head_lease,
    FLOORS_ERRORS.floor_left_broedplaats,
    LEASES_ERRORS.notice_period_out_of_range,
    LEASES_ERRORS.vat_standard_not_allowed,
    RENT_BANDS_ERRORS.no_valid_band_assessment,
    RENT_BANDS_ERRORS.band_not_in_scheme,
  )
  @Can('leases.write')
  @ApiCreatedResponse({ type: LeaseResponseDto })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateLeaseDto): Promise<LeaseResponseDto> {
    return this.respond(await this.leases.create(body, principal));
  }

  @Get()
  @ApiOperation({
    summary: 'Leases',
    description: 'Filter by building, tenant or status. Admins see all, a tenant its own; owners and municipalities get 403.',
  })
  @ApiPage(LeaseResponseDto)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListLeasesQueryDto): Promise<Page<LeaseResponseDto>> {
    const page = await this.leases.list(query, principal);
    return { items: page.items.map((view) => this.respond(view)), total: page.total };
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One lease',
    description: 'The lease with its current rate, band and monthly rent and the dated revisions of its rate; a tenant sees only its own.',
  })
  @ApiOkResponse({ type: LeaseResponseDto })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(LEASES_ERRORS.lease_not_found)) id: string,
  ): Promise<LeaseResponseDto> {
    return this.respond(await this.leases.getVisible(id, principal));
  }

  @Post(':id/terminate')
  @ApiOperation({
    summary: 'Terminate a lease',
    description:
      'Ends the lease on `endDate` with a `reason`; the end must respect the notice period counted from `noticeDate` (default today), else 422.',
  })
  @ApiErrors(
    LEASES_ERRORS.notice_in_future,
    LEASES_ERRORS.lease_already_ended,
    LEASES_ERRORS.lease_ends_before_start,
    LEASES_ERRORS.termination_extends_lease,
    LEASES_ERRORS.inside_notice_period,
  )
  @Can('leases.write')
  @HttpCode(200)
  @ApiOkResponse({ type: LeaseResponseDto })
  async terminate(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(LEASES_ERRORS.lease_not_found)) id: string,
    @Body() body: TerminateLeaseDto,
  ): Promise<LeaseResponseDto> {
    return this.respond(await this.leases.terminate(id, body, principal));
  }

  @Post(':id/band-revisions')
  @ApiOperation({
    summary: 'Revise the band of a lease',
    description:
      "From `effectiveDate` the lease pays the rate of the band of the tenant's assessment valid on that date; one revision per day.",
  })
  @ApiErrors(
    LEASES_ERRORS.revision_outside_lease,
    LEASES_ERRORS.revision_exists,
    RENT_BANDS_ERRORS.no_valid_band_assessment,
    RENT_BANDS_ERRORS.band_not_in_scheme,
  )
  @Can('leases.write')
  @ApiCreatedResponse({ type: LeaseResponseDto })
  async reviseBand(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(LEASES_ERRORS.lease_not_found)) id: string,
    @Body() body: BandRevisionDto,
  ): Promise<LeaseResponseDto> {
    return this.respond(await this.leases.reviseBand(id, body, principal));
  }

  /** The notice to vacate a handover gave the lease, once its letter is made. */
  @Get(':id/notice')
  @ApiOperation({
    summary: 'The notice to vacate of a lease',
    description: 'The letter a handover gave the lease, as a PDF, once it is made (admins and the tenant).',
  })
  @ApiErrors(LEASES_ERRORS.notice_not_found, LEASES_ERRORS.notice_not_ready)
  @Can('leases.read')
  @ApiFile('The notice to vacate', FILE_TYPES.pdf)
  async notice(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(LEASES_ERRORS.lease_not_found)) leaseId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendDocument(reply, await this.notices.letter(leaseId, principal));
  }

  private respond(view: LeaseView): LeaseResponseDto {
    return toLeaseResponse(view.lease, view.revisions, { today: this.leases.today(), publicCounter: view.publicCounter });
  }
}

@ApiTags('leases')
@ApiBearerAuth()
@Controller('api/buildings/:id')
export class BuildingLeasesController {
  constructor(private readonly buildingLeases: BuildingLeasesService) {}

  @Get('occupancy')
  @ApiOperation({
    summary: 'Occupancy of a building',
    description:
      'On `date` (default today): lettable, let and vacant m² and the occupancy rate (0–1), per floor too. Let means covered by an active lease.',
  })
  @ApiOkResponse({ type: OccupancyResponseDto })
  occupancy(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) buildingId: string,
    @Query() query: DateQueryDto,
  ): Promise<OccupancyResponseDto> {
    return this.buildingLeases.occupancy(buildingId, principal, query.date);
  }

  @Post('indexations')
  @ApiOperation({
    summary: 'Index the rents of a building',
    description: 'From `effectiveDate` every lease active on that date pays `percent` more (or less); one indexation per day.',
  })
  @ApiErrors(LEASES_ERRORS.indexation_exists)
  @Can('leases.write')
  @ApiCreatedResponse({ type: IndexationResponseDto })
  index(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) buildingId: string,
    @Body() body: CreateIndexationDto,
  ): Promise<IndexationResponseDto> {
    return this.buildingLeases.index(buildingId, body, principal);
  }
}
