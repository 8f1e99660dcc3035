import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
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
} from './dto/application.dto.js';
import { APPLICATIONS_ERRORS } from './applications.errors.js';
import { BUILDINGS_ERRORS } from '../buildings/buildings.errors.js';
import { ApiErrors } from '../../common/openapi/api-docs.decorators.js';
import { COMMON_ERRORS } from '../../common/errors/common.errors.js';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('api')
export class ApplicationRoundsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly allocations: AllocationsService,
  ) {}

  @Post('buildings/:id/application-rounds')
  @ApiOperation({
    summary: 'Open an application round',
    description:
      'Groups of makers can apply for the given floors of the building between `opensOn` and `closesOn`. Each floor must be of this building and ' +
      'still part of the broedplaats.',
  })
  @ApiErrors(APPLICATIONS_ERRORS.round_closes_before_it_opens, FLOORS_ERRORS.floor_not_in_building, FLOORS_ERRORS.floor_left_broedplaats)
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
  @ApiOperation({
    summary: 'One application round',
    description: 'Its name, dates and floors; any signed-in user who may see the building can read it to apply.',
  })
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
  @ApiOperation({
    summary: 'Apply for a round as a group',
    description:
      'Any signed-in user may apply for a group and becomes its contact. The application starts as `draft`; ' +
      'submit it with `POST /api/applications/{id}/submit` while the round is open.',
  })
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
  @ApiOperation({
    summary: 'Ranking of a round',
    description: 'The applications of the round by mean review score, best first, then by submission time (admins).',
  })
  @Can('applications.review')
  @ApiPage(RankingItemDto, { description: 'Every application of the round, best mean score first' })
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
  @ApiOperation({
    summary: 'Offer the free floors of a round',
    description:
      'Each floor of the round that is neither allocated nor already offered goes to the best waitlisted group that wants it; ' +
      'the group has until `replyBy` to accept or decline.',
  })
  @Can('applications.review')
  @ApiPage(OfferResponseDto, { status: 201, description: 'The offers made now (none when no waitlisted group wants a free floor)' })
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
  @ApiOperation({
    summary: 'One application',
    description: 'The group, its members, plan, reviews and offers; for admins and the members of the group.',
  })
  @ApiOkResponse({ type: ApplicationResponseDto })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.application_not_found)) id: string,
  ): Promise<ApplicationResponseDto> {
    return this.respond(await this.applications.getVisible(id, principal));
  }

  @Post('submit')
  @ApiOperation({
    summary: 'Submit an application',
    description: 'By its contact (or an admin), while the round is open; a draft becomes `submitted` and can be reviewed.',
  })
  @ApiErrors(
    COMMON_ERRORS.forbidden,
    APPLICATIONS_ERRORS.round_not_open,
    APPLICATIONS_ERRORS.group_too_large,
    APPLICATIONS_ERRORS.transition_refused,
  )
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationResponseDto })
  async submit(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.application_not_found)) id: string,
  ): Promise<ApplicationResponseDto> {
    return this.respond(await this.applications.submit(id, principal));
  }

  @Post('withdraw')
  @ApiOperation({
    summary: 'Withdraw an application',
    description: 'By its contact (or an admin); a withdrawn application is not reviewed, offered or allocated.',
  })
  @ApiErrors(COMMON_ERRORS.forbidden, APPLICATIONS_ERRORS.transition_refused)
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationResponseDto })
  async withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.application_not_found)) id: string,
  ): Promise<ApplicationResponseDto> {
    return this.respond(await this.applications.withdraw(id, principal));
  }

  @Post('reviews')
  @ApiOperation({
    summary: 'Review an application',
    description: 'A score from 1 to 10 with optional notes (admins); the ranking uses the mean of the scores.',
  })
  @ApiErrors(APPLICATIONS_ERRORS.not_reviewable)
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
  @ApiOperation({
    summary: 'Allocate a floor to an application',
    description:
      "The group gets the floor (one of its round's) and each member becomes a tenant. A floor already allocated is 409; " +
      'an application that is not submitted or waitlisted is 422. Open offers of the floor are withdrawn.',
  })
  @ApiErrors(APPLICATIONS_ERRORS.floor_not_in_round, APPLICATIONS_ERRORS.transition_refused, APPLICATIONS_ERRORS.floor_already_allocated)
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
  @ApiOperation({
    summary: 'Put an application on the waiting list',
    description: 'A waitlisted group can be offered a floor that comes free (admins).',
  })
  @ApiErrors(APPLICATIONS_ERRORS.transition_refused)
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
  @ApiOperation({
    summary: 'Reject an application',
    description: 'The application is final and gets no offers (admins).',
  })
  @ApiErrors(APPLICATIONS_ERRORS.transition_refused)
  @Can('applications.review')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationResponseDto })
  async reject(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.application_not_found)) id: string,
  ): Promise<ApplicationResponseDto> {
    return this.respond(await this.applications.reject(id, principal));
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
  @ApiOperation({
    summary: 'Accept an offer',
    description:
      "By the group's contact (or an admin) before `replyBy`: the floor is allocated to the group as with allocate, and the group's other open offers expire.",
  })
  @ApiErrors(
    COMMON_ERRORS.forbidden,
    APPLICATIONS_ERRORS.offer_closed,
    APPLICATIONS_ERRORS.offer_expired,
    APPLICATIONS_ERRORS.transition_refused,
    APPLICATIONS_ERRORS.floor_already_allocated,
  )
  @ApiCreatedResponse({ type: AllocationResponseDto })
  accept(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.offer_not_found)) id: string,
  ): Promise<Allocation> {
    return this.allocations.accept(id, principal);
  }

  @Post('offers/:id/decline')
  @ApiOperation({
    summary: 'Decline an offer',
    description:
      "By the group's contact (or an admin) before `replyBy`; the floor is offered to the next waitlisted group that wants it, if any.",
  })
  @ApiErrors(COMMON_ERRORS.forbidden, APPLICATIONS_ERRORS.offer_closed, APPLICATIONS_ERRORS.offer_expired)
  @HttpCode(200)
  @ApiExtraModels(OfferResponseDto)
  @ApiOkResponse({
    description: 'The next offer of the floor, if a waitlisted group wants it',
    schema: {
      type: 'object',
      required: ['nextOffer'],
      properties: { nextOffer: { nullable: true, allOf: [{ $ref: getSchemaPath(OfferResponseDto) }] } },
    },
  })
  async decline(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.offer_not_found)) id: string,
  ): Promise<{ nextOffer: OfferResponseDto | null }> {
    const next = await this.allocations.decline(id, principal);
    return { nextOffer: next ? toOfferResponse(next) : null };
  }

  /** Ends the floor's group allocation; the floor can be offered again (the best waitlisted group gets an offer). */
  @Post('floors/:id/release')
  @ApiOperation({
    summary: "End a floor's group allocation",
    description:
      "The group's application becomes `released` and the floor's open offers are withdrawn; the best waitlisted group that wants the floor gets an offer (answered as `offer`).",
  })
  @ApiOkResponse({
    description: 'The released floor and the offer made for it, if any',
    schema: {
      type: 'object',
      required: ['floorId', 'offer'],
      properties: {
        floorId: { type: 'string', format: 'uuid' },
        offer: { nullable: true, allOf: [{ $ref: getSchemaPath(OfferResponseDto) }] },
      },
    },
  })
  @ApiErrors(APPLICATIONS_ERRORS.floor_not_allocated)
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
