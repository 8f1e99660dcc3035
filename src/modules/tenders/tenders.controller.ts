import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiErrors } from '../../common/openapi/api-docs.decorators.js';
import { IdParam } from '../../common/validation/id-param.js';
import { AwardTenderService } from './award-tender.service.js';
import { AwardDto, CreateTenderDto, ReviewDto, SubmitProposalDto } from './dto/tender.dto.js';
import {
  AwardResponseDto,
  ProposalResponseDto,
  ResultResponseDto,
  TenderResponseDto,
  toAwardResponse,
  toProposalResponse,
  toResultLine,
  toTenderResponse,
} from './dto/tender.response.dto.js';
import { TENDERS_ERRORS } from './tenders.errors.js';
import { TendersService } from './tenders.service.js';

@ApiTags('tenders')
@ApiBearerAuth()
@Controller('api')
export class TendersController {
  constructor(
    private readonly tenders: TendersService,
    private readonly awards: AwardTenderService,
  ) {}

  @Post('tenders')
  @Can('tenders.run')
  @ApiOperation({
    summary: 'Open a tender for a property',
    description:
      'The city for a property in its city, the owner for its own: criteria with weights summing to 100, the closing day and the reviewers (users of the city or an owner, or installation admins).',
  })
  @ApiErrors(
    TENDERS_ERRORS.weights_not_100,
    TENDERS_ERRORS.closing_in_past,
    TENDERS_ERRORS.unknown_reviewer,
    TENDERS_ERRORS.not_tender_runner,
  )
  @ApiCreatedResponse({ type: TenderResponseDto })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateTenderDto): Promise<TenderResponseDto> {
    return toTenderResponse(await this.tenders.create(body, principal));
  }

  @Get('tenders')
  @Can('tenders.read')
  @ApiOperation({
    summary: 'Tenders',
    description: 'Umbrellas and installation admins: all; the city and owners: those they run or review.',
  })
  @ApiOkResponse({ type: [TenderResponseDto] })
  async list(@CurrentPrincipal() principal: Principal): Promise<TenderResponseDto[]> {
    return (await this.tenders.list(principal)).map(toTenderResponse);
  }

  @Get('tenders/:id')
  @Can('tenders.read')
  @ApiOperation({
    summary: 'A tender',
    description: 'Its property, criteria, reviewers, state (open, closed, awarded) and the building of the award.',
  })
  @ApiOkResponse({ type: TenderResponseDto })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(TENDERS_ERRORS.tender_not_found)) id: string,
  ): Promise<TenderResponseDto> {
    return toTenderResponse(await this.tenders.getVisible(id, principal));
  }

  @Post('tenders/:id/proposals')
  @Can('tenders.propose')
  @ApiOperation({
    summary: 'Submit a proposal',
    description:
      'One per umbrella while the tender is open: vision, rent to the owner, rents to makers, term, own investment and programme. Sealed until the closing day has passed.',
  })
  @ApiErrors(TENDERS_ERRORS.tender_closed, TENDERS_ERRORS.proposal_exists, TENDERS_ERRORS.umbrella_required_for_proposal)
  @ApiCreatedResponse({ type: ProposalResponseDto })
  async submit(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(TENDERS_ERRORS.tender_not_found)) id: string,
    @Body() body: SubmitProposalDto,
  ): Promise<ProposalResponseDto> {
    return toProposalResponse(await this.tenders.submit(id, body, principal));
  }

  @Get('tenders/:id/proposals')
  @Can('tenders.read')
  @ApiOperation({
    summary: 'Proposals of a tender',
    description: 'An umbrella’s staff: their own. Whoever runs it and its reviewers: all, once closed (409 before).',
  })
  @ApiErrors(TENDERS_ERRORS.tender_still_open)
  @ApiOkResponse({ type: [ProposalResponseDto] })
  async proposals(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(TENDERS_ERRORS.tender_not_found)) id: string,
  ): Promise<ProposalResponseDto[]> {
    return (await this.tenders.proposals(id, principal)).map(toProposalResponse);
  }

  @Get('proposals/:id')
  @Can('tenders.read')
  @ApiOperation({ summary: 'A proposal', description: 'Another umbrella’s, or any before closing to anyone but its umbrella: 404.' })
  @ApiOkResponse({ type: ProposalResponseDto })
  async proposal(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(TENDERS_ERRORS.proposal_not_found)) id: string,
  ): Promise<ProposalResponseDto> {
    return toProposalResponse((await this.tenders.getProposal(id, principal)).proposal);
  }

  @Put('proposals/:id/review')
  @Can('tenders.review')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Score a proposal',
    description: 'A reviewer of the tender scores every criterion 1–10, after closing; again replaces.',
  })
  @ApiErrors(TENDERS_ERRORS.scores_incomplete, TENDERS_ERRORS.not_a_reviewer, TENDERS_ERRORS.tender_awarded)
  @ApiNoContentResponse()
  async review(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(TENDERS_ERRORS.proposal_not_found)) id: string,
    @Body() body: ReviewDto,
  ): Promise<void> {
    await this.tenders.review(id, body, principal);
  }

  @Get('tenders/:id/result')
  @Can('tenders.read')
  @ApiOperation({ summary: 'The ranking', description: 'Every proposal’s weighted total, rank, status and motivation, once closed.' })
  @ApiErrors(TENDERS_ERRORS.tender_still_open)
  @ApiOkResponse({ type: ResultResponseDto })
  async result(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(TENDERS_ERRORS.tender_not_found)) id: string,
  ): Promise<ResultResponseDto> {
    const { tender, lines } = await this.tenders.result(id, principal);
    return { tenderId: tender.tender.id, state: tender.state, proposals: lines.map(toResultLine) };
  }

  @Post('tenders/:id/award')
  @Can('tenders.run')
  @ApiOperation({
    summary: 'Award the tender',
    description:
      'The highest weighted mean wins; every other proposal needs a motivation. In one transaction the property becomes a building (head lease, owner finance and investments, draft floors). A second award is 409; a use end past the latest allowed (owner’s date, zoning deviation, permit) is 422.',
  })
  @ApiErrors(
    TENDERS_ERRORS.tender_awarded,
    TENDERS_ERRORS.tender_still_open,
    TENDERS_ERRORS.reviews_missing,
    TENDERS_ERRORS.no_proposals,
    TENDERS_ERRORS.motivation_missing,
    TENDERS_ERRORS.use_end_past_latest,
    TENDERS_ERRORS.use_start_before_closing,
  )
  @ApiCreatedResponse({ type: AwardResponseDto })
  async award(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(TENDERS_ERRORS.tender_not_found)) id: string,
    @Body() body: AwardDto,
  ): Promise<AwardResponseDto> {
    return toAwardResponse(await this.awards.award(id, body, principal));
  }
}
