import { Injectable } from '@nestjs/common';
import { actingUmbrellaOf, mayReadProposal, mayRunTender, requireCapability, staffUmbrellaOf } from '../../common/auth/access-policy.js';
import { type Principal, SYSTEM_PRINCIPAL } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { translateConstraintViolations } from '../../common/database/pg-errors.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../../common/errors/domain-error.js';
import { actorOf, DomainEvents } from '../../events/domain-events.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { PropertiesService } from '../properties/properties.service.js';
import type { CreateTenderDto, ReviewDto, SubmitProposalDto } from './dto/tender.dto.js';
import type { Tender, TenderProposal } from './tender.entity.js';
import { rankProposals, type RankedProposal, weightSum } from './tender-scoring.js';
import { TENDERS_ERRORS } from './tenders.errors.js';
import { type TenderDetails, TendersRepository } from './tenders.repository.js';

export type TenderState = 'open' | 'closed' | 'awarded';

export interface TenderView extends TenderDetails {
  state: TenderState;
  property: { name: string; address: string; city: string; district: string | null };
}

export interface ResultLine extends RankedProposal {
  umbrellaId: string;
  umbrellaName: string;
  status: TenderProposal['status'];
  motivation: string | null;
}

/**
 * Tenders for a property (uitvraag): the city runs them for properties in its city, an owner for its
 * own. Umbrellas submit one proposal each, sealed until the closing day has passed; the named
 * reviewers score each criterion; the weighted mean decides (the award is `AwardTenderService`).
 */
@Injectable()
export class TendersService {
  constructor(
    private readonly tenders: TendersRepository,
    private readonly properties: PropertiesService,
    private readonly organisations: OrganisationsService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async create(input: CreateTenderDto, principal: Principal): Promise<TenderView> {
    requireCapability(principal, 'tenders.run');
    if (staffUmbrellaOf(principal) !== null) throw new ForbiddenError();
    const { property } = await this.properties.get(input.propertyId, principal);
    const runById = principal.role === 'admin' ? property.ownerId : principal.organisationId;
    if (runById === null)
      throw new RuleError(TENDERS_ERRORS.not_tender_runner, {}, [{ field: 'propertyId', message: 'not yours to tender' }]);
    const sum = weightSum(input.criteria);
    if (sum !== 100)
      throw new RuleError(TENDERS_ERRORS.weights_not_100, { sum }, [{ field: 'criteria', message: `weights sum to ${sum}` }]);
    if (input.closesOn < this.clock.today()) {
      throw new RuleError(TENDERS_ERRORS.closing_in_past, {}, [{ field: 'closesOn', message: 'must be today or later' }]);
    }
    const reviewerIds = [...new Set(input.reviewerIds)];
    const users = new Map((await this.tenders.usersOf(reviewerIds)).map((user) => [user.userId, user]));
    const unfit = reviewerIds.findIndex((id) => {
      const user = users.get(id);
      return !user || user.role === 'tenant' || (user.role === 'admin' && user.organisationId !== null);
    });
    if (unfit >= 0) {
      throw new RuleError(TENDERS_ERRORS.unknown_reviewer, {}, [{ field: `reviewerIds.${unfit}`, message: 'not a possible reviewer' }]);
    }
    const tender = await this.tenders.transaction(async (manager) => {
      const created = await this.tenders.insertTender(
        manager,
        {
          propertyId: property.id,
          runById,
          title: input.title.trim(),
          closesOn: input.closesOn,
          zoningDeviation: input.zoningDeviation ?? false,
          permitEndsOn: input.permitEndsOn ?? null,
          createdBy: actorOf(principal),
        },
        input.criteria.map((criterion) => ({ name: criterion.name.trim(), weight: criterion.weight })),
        reviewerIds,
      );
      await this.events.record(manager, {
        type: 'tender.opened',
        entityId: created.id,
        payload: { propertyId: property.id, runById, closesOn: input.closesOn, criteria: input.criteria, reviewerIds },
        actorUserId: actorOf(principal),
      });
      await this.properties.markOfferedIn(manager, property.id, 'tender', principal);
      return created;
    });
    return this.getVisible(tender.id, principal);
  }

  /**
   * A tender is an open call: every umbrella's staff and the installation's admins see it; otherwise
   * whoever runs it and its reviewers. Anyone else gets 404.
   */
  async getVisible(id: string, principal: Principal): Promise<TenderView> {
    requireCapability(principal, 'tenders.read');
    const details = await this.tenders.findDetails(id);
    if (!details || !this.maySee(details, principal)) throw new NotFoundError(TENDERS_ERRORS.tender_not_found, { id });
    return this.view(details);
  }

  async list(principal: Principal): Promise<TenderView[]> {
    requireCapability(principal, 'tenders.read');
    const found =
      principal.role === 'admin'
        ? await this.tenders.findTenders({})
        : [
            ...(principal.organisationId ? await this.tenders.findTenders({ runById: principal.organisationId }) : []),
            ...(await this.tenders.findTenders({ reviewerId: principal.userId })),
          ];
    const unique = [...new Map(found.map((tender) => [tender.id, tender])).values()];
    const views: TenderView[] = [];
    for (const tender of unique) {
      const details = await this.tenders.findDetails(tender.id);
      if (details) views.push(await this.view(details));
    }
    return views;
  }

  /** One proposal per umbrella, while the tender is open; its content stays sealed until closing. */
  async submit(tenderId: string, input: SubmitProposalDto, principal: Principal): Promise<TenderProposal> {
    requireCapability(principal, 'tenders.propose');
    const umbrellaId = actingUmbrellaOf(principal, input.umbrellaId);
    if (umbrellaId === null) {
      throw new RuleError(TENDERS_ERRORS.umbrella_required_for_proposal, {}, [{ field: 'umbrellaId', message: 'required' }]);
    }
    await this.organisations.requireOfKind(umbrellaId, 'umbrella', 'umbrellaId');
    const tender = await this.getVisible(tenderId, principal);
    if (tender.state !== 'open') throw new ConflictError(TENDERS_ERRORS.tender_closed, { closesOn: tender.tender.closesOn });
    return translateConstraintViolations(
      () =>
        this.tenders.transaction(async (manager) => {
          const proposal = await this.tenders.insertProposal(
            {
              tenderId,
              umbrellaId,
              vision: input.vision.trim(),
              rentToOwnerYearCents: input.rentToOwnerYearCents,
              makerRentsPerM2YearCents: [...input.makerRentsPerM2YearCents].sort((a, b) => a - b),
              termYears: input.termYears,
              ownInvestmentCents: input.ownInvestmentCents,
              programme: input.programme.trim(),
              submittedBy: actorOf(principal),
            },
            manager,
          );
          // Sealed: the event names who submitted, not what.
          await this.events.record(manager, {
            type: 'tender.proposal_submitted',
            entityId: tenderId,
            payload: { proposalId: proposal.id, umbrellaId },
            actorUserId: actorOf(principal),
          });
          return proposal;
        }),
      { uq_tender_proposal_umbrella: () => new ConflictError(TENDERS_ERRORS.proposal_exists) },
    );
  }

  /** The proposals this principal may read: an umbrella's staff their own; the runner and reviewers all, once closed. */
  async proposals(tenderId: string, principal: Principal): Promise<TenderProposal[]> {
    const tender = await this.getVisible(tenderId, principal);
    const umbrellaId = staffUmbrellaOf(principal);
    if (umbrellaId !== null) return this.tenders.findProposals(tenderId, umbrellaId);
    if (tender.state === 'open') throw new ConflictError(TENDERS_ERRORS.tender_still_open, { closesOn: tender.tender.closesOn });
    return this.tenders.findProposals(tenderId);
  }

  /** Another umbrella's proposal, or any before closing to anyone but its umbrella, answers as unknown. */
  async getProposal(id: string, principal: Principal): Promise<{ proposal: TenderProposal; tender: TenderView }> {
    requireCapability(principal, 'tenders.read');
    const proposal = await this.tenders.findProposal(id);
    const details = proposal ? await this.tenders.findDetails(proposal.tenderId) : null;
    if (!proposal || !details || !this.maySee(details, principal)) throw new NotFoundError(TENDERS_ERRORS.proposal_not_found, { id });
    const tender = await this.view(details);
    const access = { runById: details.tender.runById, closed: tender.state !== 'open', reviewerIds: details.reviewerIds };
    if (!mayReadProposal(principal, proposal, access)) throw new NotFoundError(TENDERS_ERRORS.proposal_not_found, { id });
    return { proposal, tender };
  }

  /** A reviewer scores every criterion of a proposal (1–10) after closing; scoring again replaces the review. */
  async review(proposalId: string, input: ReviewDto, principal: Principal): Promise<void> {
    requireCapability(principal, 'tenders.review');
    const { tender } = await this.getProposal(proposalId, principal);
    if (!tender.reviewerIds.includes(principal.userId)) throw new ForbiddenError(TENDERS_ERRORS.not_a_reviewer);
    if (tender.state === 'awarded') throw new ConflictError(TENDERS_ERRORS.tender_awarded);
    const positions = input.scores.map((score) => score.criterion).sort((a, b) => a - b);
    const expected = tender.criteria.map((criterion) => criterion.position);
    if (JSON.stringify(positions) !== JSON.stringify(expected)) {
      throw new RuleError(TENDERS_ERRORS.scores_incomplete, {}, [
        { field: 'scores', message: `score criteria ${expected.join(', ')} once each` },
      ]);
    }
    await this.tenders.transaction(async (manager) => {
      await this.tenders.replaceScores(manager, proposalId, principal.userId, input.scores);
      await this.events.record(manager, {
        type: 'tender.reviewed',
        entityId: tender.tender.id,
        payload: { proposalId, reviewerId: principal.userId, scores: input.scores },
        actorUserId: actorOf(principal),
      });
    });
  }

  /** Every proposal's weighted total and rank, for whoever runs the tender, its reviewers and the installation's admins. */
  async result(tenderId: string, principal: Principal): Promise<{ tender: TenderView; lines: ResultLine[] }> {
    const tender = await this.getVisible(tenderId, principal);
    if (staffUmbrellaOf(principal) !== null) throw new NotFoundError(TENDERS_ERRORS.tender_not_found, { id: tenderId });
    if (tender.state === 'open') throw new ConflictError(TENDERS_ERRORS.tender_still_open, { closesOn: tender.tender.closesOn });
    return { tender, lines: await this.rankedLines(tender) };
  }

  /** The ranking without the access checks, for the award (which checked them). */
  async rankedLines(tender: TenderDetails): Promise<ResultLine[]> {
    const [proposals, scores] = await Promise.all([this.tenders.findProposals(tender.tender.id), this.tenders.scoresOf(tender.tender.id)]);
    const names = await this.tenders.umbrellaNames(proposals.map((proposal) => proposal.umbrellaId));
    const byId = new Map(proposals.map((proposal) => [proposal.id, proposal]));
    return rankProposals(tender.criteria, proposals, scores).map((line) => {
      const proposal = byId.get(line.proposalId)!;
      return {
        ...line,
        umbrellaId: proposal.umbrellaId,
        umbrellaName: names.get(proposal.umbrellaId) ?? '',
        status: proposal.status,
        motivation: proposal.motivation,
      };
    });
  }

  mayRun(tender: Tender, principal: Principal): boolean {
    return mayRunTender(principal, tender);
  }

  private maySee(details: TenderDetails, principal: Principal): boolean {
    return principal.role === 'admin' || mayRunTender(principal, details.tender) || details.reviewerIds.includes(principal.userId);
  }

  private async view(details: TenderDetails): Promise<TenderView> {
    const { property } = await this.properties.get(details.tender.propertyId, SYSTEM_PRINCIPAL);
    const state: TenderState = details.award ? 'awarded' : this.clock.today() > details.tender.closesOn ? 'closed' : 'open';
    return {
      ...details,
      state,
      property: { name: property.name, address: property.address, city: property.city, district: property.district },
    };
  }
}
