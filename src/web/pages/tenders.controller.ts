import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { can, staffUmbrellaOf } from '../../common/auth/access-policy.js';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { IdParam } from '../../common/validation/id-param.js';
import { PutSearchProfileDto } from '../../modules/search-profiles/dto/search-profile.dto.js';
import { toCandidatePropertyResponse } from '../../modules/properties/dto/property.response.dto.js';
import { PropertiesService } from '../../modules/properties/properties.service.js';
import { SearchProfilesService } from '../../modules/search-profiles/search-profiles.service.js';
import { AwardTenderService } from '../../modules/tenders/award-tender.service.js';
import { AwardDto, ReviewDto, SubmitProposalDto } from '../../modules/tenders/dto/tender.dto.js';
import type { TenderProposal } from '../../modules/tenders/tender.entity.js';
import { TENDERS_ERRORS } from '../../modules/tenders/tenders.errors.js';
import { type ResultLine, TendersService } from '../../modules/tenders/tenders.service.js';
import { checkedForm, checkedValues, euroCents, integer, isoDate, refusalOf, text } from '../forms.js';
import { type FieldError, renderPage } from '../render.js';
import { WebPages } from '../session/web-page.decorator.js';
import { languageOf } from '../session/web-session.js';

type Form = Record<string, unknown>;
type FormState = { values: Form; errors: FieldError[] | null; action: string | null };

const NO_FORM: FormState = { values: {}, errors: null, action: null };

/** A list of euro amounts typed with commas or spaces between them ("60, 80, 110"), as cents. */
function euroList(value: unknown): number[] {
  return (text(value) ?? '')
    .split(/[\s;]+|,(?=\s)/)
    .filter((part) => part !== '')
    .map((part) => euroCents(part) ?? Number.NaN);
}

/**
 * Tenders in the browser, for everyone who takes part: an umbrella's staff see the open calls and submit
 * their one proposal (and keep their search profiles); the city or the owner running a tender read the
 * proposals once closed, reviewers score them, and the runner awards. The same services and policy as the API.
 */
@Controller()
@WebPages()
@Can('tenders.read')
export class TenderPagesController {
  constructor(
    private readonly tenders: TendersService,
    private readonly awards: AwardTenderService,
    private readonly profiles: SearchProfilesService,
    private readonly properties: PropertiesService,
  ) {}

  @Get('tenders')
  async list(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const principal = request.principal!;
    return renderPage(request, reply, 'tenders', 'tenders.title', {
      tenders: await this.tenders.list(principal),
      mayKeepProfiles: staffUmbrellaOf(principal) !== null,
    });
  }

  @Get('tenders/:id')
  async tender(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(TENDERS_ERRORS.tender_not_found)) id: string,
    @Query('done') done?: string,
  ): Promise<string> {
    return this.renderTender(request, reply, id, NO_FORM, done);
  }

  @Post('tenders/:id/proposals')
  @HttpCode(200)
  async submit(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(TENDERS_ERRORS.tender_not_found)) id: string,
    @Body() form: Form,
  ): Promise<string | void> {
    const checked = await checkedForm(SubmitProposalDto, {
      vision: text(form.vision),
      rentToOwnerYearCents: euroCents(form.rentToOwner),
      makerRentsPerM2YearCents: euroList(form.makerRents),
      termYears: integer(form.termYears),
      ownInvestmentCents: euroCents(form.ownInvestment) ?? 0,
      programme: text(form.programme),
    });
    return this.act(
      request,
      reply,
      id,
      form,
      'submit',
      checked,
      (value) => this.tenders.submit(id, value, request.principal!),
      'submitted',
    );
  }

  @Post('proposals/:id/review')
  @HttpCode(200)
  async review(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(TENDERS_ERRORS.proposal_not_found)) proposalId: string,
    @Body() form: Form,
  ): Promise<string | void> {
    const { tender } = await this.tenders.getProposal(proposalId, request.principal!);
    const checked = await checkedForm(ReviewDto, {
      scores: tender.criteria.map((criterion) => ({ criterion: criterion.position, score: integer(form[`score_${criterion.position}`]) })),
    });
    return this.act(
      request,
      reply,
      tender.tender.id,
      form,
      `review-${proposalId}`,
      checked,
      (value) => this.tenders.review(proposalId, value, request.principal!),
      'reviewed',
    );
  }

  @Post('tenders/:id/award')
  @HttpCode(200)
  async award(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(TENDERS_ERRORS.tender_not_found)) id: string,
    @Body() form: Form,
  ): Promise<string | void> {
    const motivations = Object.entries(form)
      .filter(([key, value]) => key.startsWith('motivation_') && text(value) !== undefined)
      .map(([key, value]) => ({ proposalId: key.slice('motivation_'.length), motivation: text(value)! }));
    const checked = await checkedForm(AwardDto, {
      motivations,
      buildingName: text(form.buildingName),
      invoicePrefix: text(form.invoicePrefix)?.toUpperCase(),
      useStart: isoDate(form.useStart),
    });
    return this.act(request, reply, id, form, 'award', checked, (value) => this.awards.award(id, value, request.principal!), 'awarded');
  }

  @Get('profiles')
  @Can('search-profiles.read')
  async profilesPage(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return this.renderProfiles(request, reply, { values: {}, errors: null });
  }

  @Post('profiles')
  @Can('search-profiles.write')
  @HttpCode(200)
  async addProfile(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() form: Form,
  ): Promise<string | void> {
    const checked = await checkedForm(PutSearchProfileDto, {
      name: text(form.name),
      minimumYears: integer(form.minimumYears),
      minM2: integer(form.minM2),
      maxM2: integer(form.maxM2),
      districts: (text(form.districts) ?? '')
        .split(',')
        .map((district) => district.trim())
        .filter((district) => district !== ''),
      buildingTypes: checkedValues(form.buildingTypes),
      maxRentPerM2YearCents: euroCents(form.maxRent),
      ownInvestmentCents: euroCents(form.ownInvestment) ?? 0,
    });
    let errors = checked.errors;
    if (!errors) {
      try {
        await this.profiles.create(checked.value!, request.principal!);
        void reply.redirect('/profiles', 303);
        return;
      } catch (error) {
        errors = refusalOf(error, languageOf(request));
      }
    }
    void reply.status(422);
    return this.renderProfiles(request, reply, { values: form, errors });
  }

  private async act<T extends object>(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    tenderId: string,
    form: Form,
    action: string,
    checked: { value: T; errors: null } | { value: null; errors: FieldError[] },
    work: (value: T) => Promise<unknown>,
    done: string,
  ): Promise<string | void> {
    let errors = checked.errors;
    if (!errors) {
      try {
        await work(checked.value!);
        void reply.redirect(`/tenders/${tenderId}?done=${done}`, 303);
        return;
      } catch (error) {
        if (error instanceof DomainError && error.kind === 'not_found') throw error;
        errors = refusalOf(error, languageOf(request));
      }
    }
    void reply.status(422);
    return this.renderTender(request, reply, tenderId, { values: form, errors, action });
  }

  private async renderTender(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    id: string,
    form: FormState,
    done?: string,
  ): Promise<string> {
    const principal = request.principal!;
    const tender = await this.tenders.getVisible(id, principal);
    const umbrellaStaff = staffUmbrellaOf(principal) !== null;
    const proposals: TenderProposal[] = umbrellaStaff || tender.state !== 'open' ? await this.tenders.proposals(id, principal) : [];
    const isRunner = this.tenders.mayRun(tender.tender, principal);
    const isReviewer = tender.reviewerIds.includes(principal.userId);
    const lines: ResultLine[] = !umbrellaStaff && tender.state !== 'open' ? (await this.tenders.result(id, principal)).lines : [];
    return renderPage(request, reply, 'tender', 'tenders.title', {
      tender,
      proposals,
      lines,
      umbrellaStaff,
      mayPropose: umbrellaStaff && can(principal, 'tenders.propose') && tender.state === 'open' && proposals.length === 0,
      mayReview: isReviewer && tender.state === 'closed',
      mayAward: isRunner && tender.state === 'closed',
      form,
      done: done && ['submitted', 'reviewed', 'awarded'].includes(done) ? done : null,
    });
  }

  private async renderProfiles(request: AuthenticatedRequest, reply: FastifyReply, form: { values: Form; errors: FieldError[] | null }) {
    const principal = request.principal!;
    const visible =
      staffUmbrellaOf(principal) === null ? [] : (await this.properties.browse({}, { limit: 100, offset: 0 }, principal)).items;
    return renderPage(request, reply, 'profiles', 'profiles.title', {
      profiles: await this.profiles.list({}, principal),
      candidates: visible.filter((item) => item.detail === 'candidate').map((item) => toCandidatePropertyResponse(item.record)),
      mayWrite: can(principal, 'search-profiles.write') && staffUmbrellaOf(principal) !== null,
      buildingTypes: ['office', 'retail', 'industrial', 'education', 'healthcare', 'religious', 'residential', 'other'],
      form,
    });
  }
}
