import { Injectable } from '@nestjs/common';
import { requireCapability } from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import { translateConstraintViolations } from '../../common/database/pg-errors.js';
import { ConflictError, ForbiddenError, RuleError } from '../../common/errors/domain-error.js';
import { actorOf, DomainEvents } from '../../events/domain-events.js';
import { ConvertToBroedplaatsService } from './convert-to-broedplaats.service.js';
import type { AwardDto } from './dto/tender.dto.js';
import { TENDERS_ERRORS } from './tenders.errors.js';
import { TendersRepository } from './tenders.repository.js';
import { type ResultLine, TendersService } from './tenders.service.js';

export interface AwardOutcome {
  tenderId: string;
  proposalId: string;
  buildingId: string;
  lines: ResultLine[];
}

/**
 * The award: the proposal with the highest weighted mean wins, every other one is rejected with its
 * motivation, and the property is converted into a building, all in one transaction. The award row's
 * primary key (the tender) settles two simultaneous awards: one is stored, the other gets 409.
 */
@Injectable()
export class AwardTenderService {
  constructor(
    private readonly tenders: TendersService,
    private readonly repository: TendersRepository,
    private readonly conversion: ConvertToBroedplaatsService,
    private readonly events: DomainEvents,
  ) {}

  async award(tenderId: string, input: AwardDto, principal: Principal): Promise<AwardOutcome> {
    requireCapability(principal, 'tenders.run');
    const tender = await this.tenders.getVisible(tenderId, principal);
    if (!this.tenders.mayRun(tender.tender, principal)) throw new ForbiddenError();
    if (tender.state === 'awarded') throw new ConflictError(TENDERS_ERRORS.tender_awarded);
    if (tender.state === 'open') throw new ConflictError(TENDERS_ERRORS.tender_still_open, { closesOn: tender.tender.closesOn });
    const lines = await this.tenders.rankedLines(tender);
    if (lines.length === 0) throw new RuleError(TENDERS_ERRORS.no_proposals);
    const unreviewed = lines.filter((line) => line.weightedTotal === null).length;
    if (unreviewed > 0) throw new RuleError(TENDERS_ERRORS.reviews_missing, { count: unreviewed });
    const [winner, ...rest] = lines as [ResultLine, ...ResultLine[]];
    const motivations = new Map(input.motivations.map((entry) => [entry.proposalId, entry.motivation.trim()]));
    const problems = [
      ...rest
        .map((line, index) => ({ line, index }))
        .filter(({ line }) => !motivations.get(line.proposalId))
        .map(({ line }) => ({ field: 'motivations', message: `proposal ${line.proposalId} needs a motivation` })),
      ...[...motivations.keys()]
        .filter((id) => !rest.some((line) => line.proposalId === id))
        .map((id) => ({ field: 'motivations', message: `proposal ${id} is not one to reject` })),
    ];
    if (problems.length > 0) throw new RuleError(TENDERS_ERRORS.motivation_missing, {}, problems);
    const proposal = (await this.repository.findProposal(winner.proposalId))!;
    const plan = await this.conversion.plan(tender.tender, proposal, input);
    const buildingId = await translateConstraintViolations(
      () =>
        this.repository.transaction(async (manager) => {
          await this.repository.insertAward(manager, { tenderId, proposalId: winner.proposalId, awardedBy: actorOf(principal) });
          const building = await this.conversion.execute(manager, plan);
          await this.repository.setAwardBuilding(manager, tenderId, building.id);
          const rejected = rest.map((line) => ({ proposalId: line.proposalId, motivation: motivations.get(line.proposalId)! }));
          await this.repository.settleProposals(manager, winner.proposalId, rejected);
          await this.events.record(manager, {
            type: 'tender.awarded',
            entityId: tenderId,
            payload: {
              proposalId: winner.proposalId,
              umbrellaId: winner.umbrellaId,
              propertyId: tender.tender.propertyId,
              buildingId: building.id,
              weightedTotal: winner.weightedTotal!,
              totals: lines.map((line) => ({ proposalId: line.proposalId, weightedTotal: line.weightedTotal })),
            },
            actorUserId: actorOf(principal),
          });
          for (const line of rest) {
            await this.events.record(manager, {
              type: 'tender.proposal_rejected',
              entityId: tenderId,
              payload: {
                proposalId: line.proposalId,
                umbrellaId: line.umbrellaId,
                motivation: motivations.get(line.proposalId)!,
                weightedTotal: line.weightedTotal,
              },
              actorUserId: actorOf(principal),
            });
          }
          return building.id;
        }),
      { pk_tender_award: () => new ConflictError(TENDERS_ERRORS.tender_awarded) },
    );
    return { tenderId, proposalId: winner.proposalId, buildingId, lines: await this.tenders.rankedLines(tender) };
  }
}
