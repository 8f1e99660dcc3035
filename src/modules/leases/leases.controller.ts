import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
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
  @Can('leases.write')
  @ApiCreatedResponse({ type: LeaseResponseDto })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateLeaseDto): Promise<LeaseResponseDto> {
    return this.respond(await this.leases.create(body, principal));
  }

  @Get()
  @ApiPage(LeaseResponseDto)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListLeasesQueryDto): Promise<Page<LeaseResponseDto>> {
    const page = await this.leases.list(query, principal);
    return { items: page.items.map((view) => this.respond(view)), total: page.total };
  }

  @Get(':id')
  @ApiOkResponse({ type: LeaseResponseDto })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(LEASES_ERRORS.lease_not_found)) id: string,
  ): Promise<LeaseResponseDto> {
    return this.respond(await this.leases.getVisible(id, principal));
  }

  @Post(':id/terminate')
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
  @Can('leases.read')
  @ApiProduces('application/pdf')
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
  @ApiOkResponse({ type: OccupancyResponseDto })
  occupancy(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) buildingId: string,
    @Query() query: DateQueryDto,
  ): Promise<OccupancyResponseDto> {
    return this.buildingLeases.occupancy(buildingId, principal, query.date);
  }

  @Post('indexations')
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
