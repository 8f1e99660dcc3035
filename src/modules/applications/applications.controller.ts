import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCorrection, ApiDeletion } from '../../common/errors/api-corrections.decorator.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';
import { mapPage, type Page } from '../../common/pagination/page.js';
import { PageQueryDto } from '../../common/pagination/page.js';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { IdParam } from '../../common/validation/id-param.js';
import { FLOORS_ERRORS } from '../floors/floors.errors.js';
import type { Application } from './application.entity.js';
import { type Allocation, AllocationsService } from './allocations.service.js';
import { ApplicationsService } from './applications.service.js';
import {
  AllocateDto,
  AllocationResponseDto,
  ApplicationResponseDto,
  ApplicationSummaryDto,
  ListApplicationsQueryDto,
  ListOffersQueryDto,
  ListRoundApplicationsQueryDto,
  toApplicationSummary,
  CreateApplicationDto,
  CreateRoundDto,
  OfferResponseDto,
  RankingItemDto,
  ReviewDto,
  RoundResponseDto,
  toApplicationResponse,
  toOfferResponse,
  toRoundResponse,
  UpdateApplicationDto,
} from './dto/application.dto.js';
import { APPLICATIONS_ERRORS } from './applications.errors.js';
import { BUILDINGS_ERRORS } from '../buildings/buildings.errors.js';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('api')
export class ApplicationRoundsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly allocations: AllocationsService,
  ) {}

  @Post('buildings/:id/application-rounds')
  @Can('applications.review')
  @ApiCreatedResponse({ type: RoundResponseDto })
  async createRound(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) buildingId: string,
    @Body() body: CreateRoundDto,
  ): Promise<RoundResponseDto> {
    const { round, floorIds } = await this.applications.createRound(buildingId, body, principal);
    return toRoundResponse(round, floorIds);
  }

  @Get('buildings/:id/application-rounds')
  @ApiOperation({
    summary: 'Application rounds of a building',
    description: 'Newest first, each with its floors; for whoever may see the building.',
  })
  @ApiPage(RoundResponseDto)
  async listRounds(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) buildingId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<RoundResponseDto>> {
    return mapPage(await this.applications.listRounds(buildingId, principal, query), ({ round, floorIds }) =>
      toRoundResponse(round, floorIds),
    );
  }

  @Get('application-rounds/:id/applications')
  @Can('applications.review')
  @ApiOperation({
    summary: 'Applications of a round',
    description: 'Every application of the round, newest first, optionally of one status (admins).',
  })
  @ApiPage(ApplicationSummaryDto)
  async listOfRound(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.application_round_not_found)) roundId: string,
    @Query() query: ListRoundApplicationsQueryDto,
  ): Promise<Page<ApplicationSummaryDto>> {
    return mapPage(await this.applications.listOfRound(roundId, { status: query.status }, principal, query), toApplicationSummary);
  }

  @Get('applications')
  @ApiOperation({
    summary: 'Applications',
    description: 'The applications you are the contact or a member of (`mine=true`); admins see all without `mine`.',
  })
  @ApiPage(ApplicationSummaryDto)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListApplicationsQueryDto): Promise<Page<ApplicationSummaryDto>> {
    return mapPage(
      await this.applications.list({ mine: query.mine === 'true', status: query.status }, principal, query),
      toApplicationSummary,
    );
  }

  @Get('application-rounds/:id')
  @ApiOkResponse({ type: RoundResponseDto })
  async getRound(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.application_round_not_found)) id: string,
  ): Promise<RoundResponseDto> {
    const { round, floorIds } = await this.applications.getRound(id, principal);
    return toRoundResponse(round, floorIds);
  }

  /** Any signed-in user may apply for a group and becomes its contact. */
  @Post('application-rounds/:id/applications')
  @ApiCreatedResponse({ type: ApplicationResponseDto })
  async apply(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.application_round_not_found)) roundId: string,
    @Body() body: CreateApplicationDto,
  ): Promise<ApplicationResponseDto> {
    const application = await this.applications.apply(roundId, body, principal);
    return toApplicationResponse(application, await this.applications.details(application));
  }

  @Get('application-rounds/:id/ranking')
  @Can('applications.review')
  @ApiOkResponse({ type: [RankingItemDto] })
  async ranking(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.application_round_not_found)) roundId: string,
  ): Promise<{ items: RankingItemDto[]; total: number }> {
    const items = (await this.applications.ranking(roundId, principal)).map(({ applicationId, groupName, status, meanScore, reviews }) => ({
      applicationId,
      groupName,
      status,
      meanScore,
      reviews,
    }));
    return { items, total: items.length };
  }

  /** Offers every free floor of the round to the best waitlisted group that wants it. */
  @Post('application-rounds/:id/offers')
  @Can('applications.review')
  @ApiCreatedResponse({ type: [OfferResponseDto] })
  async offerFreeFloors(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.application_round_not_found)) roundId: string,
  ): Promise<{ items: OfferResponseDto[]; total: number }> {
    const items = (await this.allocations.offerFreeFloors(roundId, principal)).map(toOfferResponse);
    return { items, total: items.length };
  }
}

@ApiTags('applications')
@ApiBearerAuth()
@Controller('api/applications/:id')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly allocations: AllocationsService,
  ) {}

  @Get()
  @ApiOkResponse({ type: ApplicationResponseDto })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.application_not_found)) id: string,
  ): Promise<ApplicationResponseDto> {
    return this.respond(await this.applications.getVisible(id, principal));
  }

  @Post('submit')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationResponseDto })
  async submit(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.application_not_found)) id: string,
  ): Promise<ApplicationResponseDto> {
    return this.respond(await this.applications.submit(id, principal));
  }

  @Post('withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationResponseDto })
  async withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.application_not_found)) id: string,
  ): Promise<ApplicationResponseDto> {
    return this.respond(await this.applications.withdraw(id, principal));
  }

  @Post('reviews')
  @Can('applications.review')
  @ApiCreatedResponse({ type: ApplicationResponseDto })
  async review(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.application_not_found)) id: string,
    @Body() body: ReviewDto,
  ): Promise<ApplicationResponseDto> {
    await this.applications.review(id, body, principal);
    return this.respond(await this.applications.getVisible(id, principal));
  }

  @Post('allocate')
  @Can('applications.review')
  @ApiCreatedResponse({ type: AllocationResponseDto })
  allocate(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.application_not_found)) id: string,
    @Body() body: AllocateDto,
  ): Promise<Allocation> {
    return this.allocations.allocate(id, body.floorId, principal);
  }

  @Post('waitlist')
  @Can('applications.review')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationResponseDto })
  async waitlist(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.application_not_found)) id: string,
  ): Promise<ApplicationResponseDto> {
    return this.respond(await this.applications.waitlist(id, principal));
  }

  @Post('reject')
  @Can('applications.review')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationResponseDto })
  async reject(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.application_not_found)) id: string,
  ): Promise<ApplicationResponseDto> {
    return this.respond(await this.applications.reject(id, principal));
  }

  @Patch()
  @ApiCorrection(
    'Correct a draft application',
    'By its contact (or an admin), while it is a draft: any subset of the create fields; preferredFloorIds and members, when given, replace the old lists whole. Each change is in the audit log with its value before and after.',
    ApplicationResponseDto,
    { notFound: 'application_not_found', rule: ['application_not_draft'] },
  )
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.application_not_found)) id: string,
    @Body() body: UpdateApplicationDto,
  ): Promise<ApplicationResponseDto> {
    return this.respond(await this.applications.update(id, body, principal));
  }

  @Delete()
  @ApiDeletion(
    'Delete a draft application',
    'By its contact (or an admin), while it is a draft; a submitted one is withdrawn instead. The audit log keeps what it said.',
    { notFound: 'application_not_found', rule: ['application_not_draft'] },
  )
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.application_not_found)) id: string,
  ): Promise<void> {
    await this.applications.remove(id, principal);
  }

  private async respond(application: Application): Promise<ApplicationResponseDto> {
    return toApplicationResponse(application, await this.applications.details(application));
  }
}

@ApiTags('applications')
@ApiBearerAuth()
@Controller('api')
export class OffersController {
  constructor(
    private readonly allocations: AllocationsService,
    private readonly applications: ApplicationsService,
  ) {}

  @Get('offers')
  @ApiOperation({
    summary: 'Offers of floors',
    description: 'Offers to the groups you are the contact or a member of (`mine=true`); admins see all without `mine`.',
  })
  @ApiPage(OfferResponseDto)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListOffersQueryDto): Promise<Page<OfferResponseDto>> {
    const { mine, status, floorId } = query;
    return mapPage(await this.applications.listOffers({ mine: mine === 'true', status, floorId }, principal, query), toOfferResponse);
  }

  @Post('offers/:id/accept')
  @ApiCreatedResponse({ type: AllocationResponseDto })
  accept(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.offer_not_found)) id: string,
  ): Promise<Allocation> {
    return this.allocations.accept(id, principal);
  }

  @Post('offers/:id/decline')
  @HttpCode(200)
  @ApiOkResponse({ type: OfferResponseDto, description: 'The next offer of the floor, if a group wants it' })
  async decline(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.offer_not_found)) id: string,
  ): Promise<{ nextOffer: OfferResponseDto | null }> {
    const next = await this.allocations.decline(id, principal);
    return { nextOffer: next ? toOfferResponse(next) : null };
  }

  /** Ends the floor's group allocation; the floor can be offered again (the best waitlisted group gets an offer). */
  @Post('floors/:id/release')
  @Can('applications.review')
  @HttpCode(200)
  async release(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(FLOORS_ERRORS.floor_not_found)) floorId: string,
  ): Promise<{ floorId: string; offer: OfferResponseDto | null }> {
    const offer = await this.allocations.release(floorId, principal);
    return { floorId, offer: offer ? toOfferResponse(offer) : null };
  }
}
