import { ApiProperty } from '@nestjs/swagger';
import type { VacancyFile } from '../vacancy-files.service.js';
import type { VacancyRuleSet } from '../vacancy-rule-set.entity.js';
import { PropertyResponseDto, toPropertyResponse, toVacancyPeriodResponse, VacancyPeriodResponseDto } from './property.response.dto.js';

export class VacancyReportResponseDto {
  @ApiProperty() filedOn!: string;
  @ApiProperty() vacantSince!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() prospects!: string;
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { level: { type: 'number' }, vacantM2: { type: 'number' } } } })
  floors!: { level: number; vacantM2: number }[];
}

export class VacancyConsultationResponseDto {
  @ApiProperty() heldOn!: string;
  @ApiProperty() parties!: string;
  @ApiProperty() outcome!: string;
  @ApiProperty() nextStep!: string;
}

export class VacancyDecisionResponseDto {
  @ApiProperty() decidedOn!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() motivation!: string;
}

export class VacancyDeadlinesResponseDto {
  @ApiProperty({ nullable: true, type: String, description: 'The bylaw that governs the report (title)' }) reportRules!: string | null;
  @ApiProperty({ nullable: true, type: String }) reportDueOn!: string | null;
  @ApiProperty() reportOverdue!: boolean;
  @ApiProperty({ nullable: true, type: Number }) reportFineCents!: number | null;
  @ApiProperty({ nullable: true, type: String }) nominationFrom!: string | null;
  @ApiProperty({ nullable: true, type: String }) consultationRules!: string | null;
  @ApiProperty({ nullable: true, type: String }) consultationDueOn!: string | null;
  @ApiProperty() consultationOverdue!: boolean;
}

export class VacancyFileResponseDto {
  @ApiProperty({ type: VacancyPeriodResponseDto }) period!: VacancyPeriodResponseDto;
  @ApiProperty({ type: PropertyResponseDto }) property!: PropertyResponseDto;
  @ApiProperty({ type: VacancyReportResponseDto, nullable: true }) report!: VacancyReportResponseDto | null;
  @ApiProperty({ type: [VacancyConsultationResponseDto] }) consultations!: VacancyConsultationResponseDto[];
  @ApiProperty({ type: VacancyDecisionResponseDto, nullable: true }) decision!: VacancyDecisionResponseDto | null;
  @ApiProperty({ type: VacancyDeadlinesResponseDto }) deadlines!: VacancyDeadlinesResponseDto;
}

export function toVacancyFileResponse(file: VacancyFile, today: string): VacancyFileResponseDto {
  const { deadlines } = file;
  const consulted = file.consultations.length > 0;
  return {
    period: toVacancyPeriodResponse(file.period),
    property: toPropertyResponse(file.record),
    report: file.report && {
      filedOn: file.report.filedOn,
      vacantSince: file.report.vacantSince,
      reason: file.report.reason,
      prospects: file.report.prospects,
      floors: file.report.floors,
    },
    consultations: file.consultations.map(({ heldOn, parties, outcome, nextStep }) => ({ heldOn, parties, outcome, nextStep })),
    decision: file.decision && { decidedOn: file.decision.decidedOn, kind: file.decision.kind, motivation: file.decision.motivation },
    deadlines: {
      reportRules: deadlines.reportRules ? ruleTitle(deadlines.reportRules) : null,
      reportDueOn: deadlines.reportDueOn,
      reportOverdue:
        file.report === null && file.period.endedOn === null && deadlines.reportDueOn !== null && today > deadlines.reportDueOn,
      reportFineCents: deadlines.reportFineCents,
      nominationFrom: deadlines.nominationFrom,
      consultationRules: deadlines.consultationRules ? ruleTitle(deadlines.consultationRules) : null,
      consultationDueOn: deadlines.consultationDueOn,
      consultationOverdue:
        !consulted && file.period.endedOn === null && deadlines.consultationDueOn !== null && today > deadlines.consultationDueOn,
    },
  };
}

function ruleTitle(rules: { city: string; validFrom: string }): string {
  return `${rules.city} ${rules.validFrom}`;
}

export class VacancyRuleSetResponseDto {
  @ApiProperty() city!: string;
  @ApiProperty() validFrom!: string;
  @ApiProperty() title!: string;
  @ApiProperty() source!: string;
  @ApiProperty({ nullable: true, type: String, description: 'What of the source or the figures is not verified' }) note!: string | null;
  @ApiProperty({ type: [String] }) useCategories!: string[];
  @ApiProperty() reportAfterMonths!: number;
  @ApiProperty() consultationWithinMonths!: number;
  @ApiProperty() nominationAfterMonths!: number;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) fineTiers!: {
    offence: string;
    useCategory: string | null;
    amountCents: number;
  }[];
}

export function toVacancyRuleSetResponse(set: VacancyRuleSet): VacancyRuleSetResponseDto {
  const {
    city,
    validFrom,
    title,
    source,
    note,
    useCategories,
    reportAfterMonths,
    consultationWithinMonths,
    nominationAfterMonths,
    fineTiers,
  } = set;
  return {
    city,
    validFrom,
    title,
    source,
    note,
    useCategories,
    reportAfterMonths,
    consultationWithinMonths,
    nominationAfterMonths,
    fineTiers,
  };
}
