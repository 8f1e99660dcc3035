import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../../../common/validation/validators.js';
import { BUILDING_KINDS } from '../../buildings/building.entity.js';

export class CriterionDto {
  @ApiProperty({ example: 'Artistieke visie' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ example: 40, description: 'Weights of all criteria sum to 100' }) @IsInt() @Min(1) @Max(100) weight!: number;
}

export class CreateTenderDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() propertyId!: string;
  @ApiProperty({ example: 'Uitvraag Wibauthuis' }) @IsString() @Length(1, 200) title!: string;
  @ApiProperty({ example: '2026-06-30', description: 'The last day proposals are taken' }) @IsIsoDate() closesOn!: string;

  @ApiProperty({ type: [CriterionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsObject({ each: true, message: 'each criterion must be an object' })
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria!: CriterionDto[];

  @ApiProperty({ type: [String], format: 'uuid', description: 'The users who score the proposals' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  reviewerIds!: string[];

  @ApiPropertyOptional({ description: 'The use needs a temporary deviation from the zoning plan (at most 10 years)' })
  @IsOptional()
  @IsBoolean()
  zoningDeviation?: boolean;

  @ApiPropertyOptional({ example: '2031-12-31', nullable: true, type: String, description: 'When a permit the use depends on ends' })
  @IsOptional()
  @IsIsoDate()
  permitEndsOn?: string | null;
}

export class SubmitProposalDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Installation admins only; an umbrella’s staff submit for their own' })
  @IsOptional()
  @IsUUID()
  umbrellaId?: string;

  @ApiProperty() @IsString() @Length(1, 20_000) vision!: string;
  @ApiProperty({ example: 45_000_000 }) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) rentToOwnerYearCents!: number;

  @ApiProperty({ example: [6000, 8000, 11000], description: 'Rents to makers per m² per year (its bands)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(10_000_000, { each: true })
  makerRentsPerM2YearCents!: number[];

  @ApiProperty({ example: 7 }) @IsInt() @Min(1) @Max(50) termYears!: number;
  @ApiProperty({ example: 20_000_000 }) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) ownInvestmentCents!: number;
  @ApiProperty() @IsString() @Length(1, 20_000) programme!: string;
}

export class ScoreDto {
  @ApiProperty({ example: 1, description: 'The criterion’s position (1 is the first)' }) @IsInt() @Min(1) @Max(20) criterion!: number;
  @ApiProperty({ minimum: 1, maximum: 10 }) @IsInt() @Min(1) @Max(10) score!: number;
}

export class ReviewDto {
  @ApiProperty({ type: [ScoreDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true, message: 'each score must be an object' })
  @ValidateNested({ each: true })
  @Type(() => ScoreDto)
  scores!: ScoreDto[];
}

export class MotivationDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() proposalId!: string;
  @ApiProperty() @IsString() @Length(1, 5000) motivation!: string;
}

export class AwardDto {
  @ApiProperty({ type: [MotivationDto], description: 'A motivation for every proposal that is not chosen' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true, message: 'each motivation must be an object' })
  @ValidateNested({ each: true })
  @Type(() => MotivationDto)
  motivations!: MotivationDto[];

  @ApiProperty({ example: 'Wibauthuis' }) @IsString() @Length(1, 200) buildingName!: string;
  @ApiProperty({ example: 'WBH' }) @Matches(/^[A-Z][A-Z0-9]{1,7}$/) invoicePrefix!: string;
  @ApiProperty({ example: '2026-09-01' }) @IsIsoDate() useStart!: string;

  @ApiPropertyOptional({ example: '2033-09-01', description: 'Default: the start plus the proposal’s term' })
  @IsOptional()
  @IsIsoDate()
  useEnd?: string;

  @ApiPropertyOptional({ enum: BUILDING_KINDS, default: 'temporary' }) @IsOptional() @IsIn(BUILDING_KINDS) kind?: 'temporary' | 'permanent';

  @ApiPropertyOptional({ example: 20_000_000, description: 'What the owner puts into installations' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  ownerInvestmentCents?: number;
}
