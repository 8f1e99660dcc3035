import { ApiProperty } from '@nestjs/swagger';
import type { TenderProposal } from '../tender.entity.js';
import type { AwardOutcome } from '../award-tender.service.js';
import type { ResultLine, TenderView } from '../tenders.service.js';

export class CriterionResponseDto {
  @ApiProperty() position!: number;
  @ApiProperty() name!: string;
  @ApiProperty() weight!: number;
}

export class TenderPropertyDto {
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
  @ApiProperty() city!: string;
  @ApiProperty({ nullable: true, type: String }) district!: string | null;
}

export class TenderResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) propertyId!: string;
  @ApiProperty({ type: TenderPropertyDto }) property!: TenderPropertyDto;
  @ApiProperty({ format: 'uuid', description: 'The organisation running it: the city or the owner' }) runById!: string;
  @ApiProperty() title!: string;
  @ApiProperty() closesOn!: string;
  @ApiProperty({ enum: ['open', 'closed', 'awarded'] }) state!: string;
  @ApiProperty() zoningDeviation!: boolean;
  @ApiProperty({ nullable: true, type: String }) permitEndsOn!: string | null;
  @ApiProperty({ type: [CriterionResponseDto] }) criteria!: CriterionResponseDto[];
  @ApiProperty({ type: [String] }) reviewerIds!: string[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) awardedProposalId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) buildingId!: string | null;
}

export function toTenderResponse(view: TenderView): TenderResponseDto {
  const { tender, criteria, reviewerIds, award, state, property } = view;
  return {
    id: tender.id,
    propertyId: tender.propertyId,
    property,
    runById: tender.runById,
    title: tender.title,
    closesOn: tender.closesOn,
    state,
    zoningDeviation: tender.zoningDeviation,
    permitEndsOn: tender.permitEndsOn,
    criteria: criteria.map(({ position, name, weight }) => ({ position, name, weight })),
    reviewerIds,
    awardedProposalId: award?.proposalId ?? null,
    buildingId: award?.buildingId ?? null,
  };
}

export class ProposalResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty({ format: 'uuid' }) umbrellaId!: string;
  @ApiProperty() vision!: string;
  @ApiProperty() rentToOwnerYearCents!: number;
  @ApiProperty({ type: [Number] }) makerRentsPerM2YearCents!: number[];
  @ApiProperty() termYears!: number;
  @ApiProperty() ownInvestmentCents!: number;
  @ApiProperty() programme!: string;
  @ApiProperty({ enum: ['submitted', 'awarded', 'rejected'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) motivation!: string | null;
  @ApiProperty() submittedAt!: string;
}

export function toProposalResponse(proposal: TenderProposal): ProposalResponseDto {
  return {
    id: proposal.id,
    tenderId: proposal.tenderId,
    umbrellaId: proposal.umbrellaId,
    vision: proposal.vision,
    rentToOwnerYearCents: proposal.rentToOwnerYearCents,
    makerRentsPerM2YearCents: proposal.makerRentsPerM2YearCents,
    termYears: proposal.termYears,
    ownInvestmentCents: proposal.ownInvestmentCents,
    programme: proposal.programme,
    status: proposal.status,
    motivation: proposal.motivation,
    submittedAt: proposal.submittedAt.toISOString(),
  };
}

export class ResultLineDto {
  @ApiProperty() rank!: number;
  @ApiProperty({ format: 'uuid' }) proposalId!: string;
  @ApiProperty({ format: 'uuid' }) umbrellaId!: string;
  @ApiProperty() umbrellaName!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean of the reviewers’ weighted scores (1–10), two decimals' })
  weightedTotal!: number | null;
  @ApiProperty() reviewerCount!: number;
  @ApiProperty({ enum: ['submitted', 'awarded', 'rejected'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) motivation!: string | null;
}

export function toResultLine(line: ResultLine): ResultLineDto {
  return {
    rank: line.rank,
    proposalId: line.proposalId,
    umbrellaId: line.umbrellaId,
    umbrellaName: line.umbrellaName,
    weightedTotal: line.weightedTotal === null ? null : Math.round(line.weightedTotal * 100) / 100,
    reviewerCount: line.reviewerCount,
    status: line.status,
    motivation: line.motivation,
  };
}

export class ResultResponseDto {
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty({ enum: ['closed', 'awarded'] }) state!: string;
  @ApiProperty({ type: [ResultLineDto] }) proposals!: ResultLineDto[];
}

export class AwardResponseDto {
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty({ format: 'uuid' }) proposalId!: string;
  @ApiProperty({ format: 'uuid', description: 'The building the conversion made' }) buildingId!: string;
  @ApiProperty({ type: [ResultLineDto] }) proposals!: ResultLineDto[];
}

export function toAwardResponse(outcome: AwardOutcome): AwardResponseDto {
  return {
    tenderId: outcome.tenderId,
    proposalId: outcome.proposalId,
    buildingId: outcome.buildingId,
    proposals: outcome.lines.map(toResultLine),
  };
}
