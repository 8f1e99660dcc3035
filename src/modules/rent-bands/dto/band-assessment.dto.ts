import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import type { BandAssessment } from '../band-assessment.entity.js';

export class CreateBandAssessmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  buildingId!: string;

  @ApiProperty({ example: 2011, description: 'The year whose taxable income is assessed' })
  @IsInt()
  @Min(1990)
  @Max(2200)
  basisYear!: number;

  @ApiProperty({
    example: 2_100_000,
    description: 'Taxable income of the basis year in cents. Used once to choose the band, never stored.',
  })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  incomeCents!: number;
}

export class BandAssessmentResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) tenantId!: string;
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
  @ApiProperty({ example: 'A' }) bandCode!: string;
  @ApiProperty({ example: 6000 }) ratePerM2YearCents!: number;
  @ApiProperty({ example: 2011 }) basisYear!: number;
  @ApiProperty({ format: 'date', example: '2012-12-31' }) validUntil!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assessedBy!: string | null;
  @ApiProperty() assessedAt!: string;
}

export function toBandAssessmentResponse(assessment: BandAssessment): BandAssessmentResponseDto {
  const { id, tenantId, buildingId, bandCode, ratePerM2YearCents, basisYear, validUntil, assessedBy, assessedAt } = assessment;
  return {
    id,
    tenantId,
    buildingId,
    bandCode,
    ratePerM2YearCents,
    basisYear,
    validUntil,
    assessedBy,
    assessedAt: assessedAt.toISOString(),
  };
}
