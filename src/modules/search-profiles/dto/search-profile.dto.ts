import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IsDecimal } from '../../../common/validation/validators.js';
import type { SearchProfile } from '../search-profile.entity.js';

/** The use categories a property can have (the register's list). */
export const BUILDING_TYPES = ['office', 'retail', 'industrial', 'education', 'healthcare', 'religious', 'residential', 'other'] as const;

export class PutSearchProfileDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The umbrella (installation admins only; an umbrella’s staff keep their own)' })
  @IsOptional()
  @IsUUID()
  umbrellaId?: string;

  @ApiProperty({ example: 'Kantoren in Oost, vijf jaar of langer' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ example: 5 }) @IsInt() @Min(0) @Max(50) minimumYears!: number;
  @ApiProperty({ example: 2000 }) @IsDecimal(2) @Min(0) @Max(1_000_000) minM2!: number;
  @ApiProperty({ example: 12000 }) @IsDecimal(2) @Min(0) @Max(1_000_000) maxM2!: number;

  @ApiProperty({ example: ['Oost', 'Centrum'], description: 'Empty: any district' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  districts!: string[];

  @ApiProperty({ example: ['office'], enum: BUILDING_TYPES, isArray: true, description: 'Empty: any type' })
  @IsArray()
  @ArrayMaxSize(BUILDING_TYPES.length)
  @IsIn(BUILDING_TYPES, { each: true })
  buildingTypes!: string[];

  @ApiPropertyOptional({ example: 5000, nullable: true, type: Number, description: 'The most rent per m² a year the umbrella can pay' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  maxRentPerM2YearCents?: number | null;

  @ApiProperty({ example: 20_000_000 }) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) ownInvestmentCents!: number;
}

export class SearchProfileResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) umbrellaId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() minimumYears!: number;
  @ApiProperty() minM2!: number;
  @ApiProperty() maxM2!: number;
  @ApiProperty({ type: [String] }) districts!: string[];
  @ApiProperty({ type: [String] }) buildingTypes!: string[];
  @ApiProperty({ nullable: true, type: Number }) maxRentPerM2YearCents!: number | null;
  @ApiProperty() ownInvestmentCents!: number;
}

export function toSearchProfileResponse(profile: SearchProfile): SearchProfileResponseDto {
  const { id, umbrellaId, name, minimumYears, minM2, maxM2, districts, buildingTypes, maxRentPerM2YearCents, ownInvestmentCents } = profile;
  return { id, umbrellaId, name, minimumYears, minM2, maxM2, districts, buildingTypes, maxRentPerM2YearCents, ownInvestmentCents };
}

export class ListSearchProfilesQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() umbrellaId?: string;
}

export class ConditionResultDto {
  @ApiProperty({ enum: ['minimumYears', 'areaRange', 'district', 'buildingType'] }) condition!: string;
  @ApiProperty({ enum: ['pass', 'fail', 'unknown'], description: 'unknown is never a pass' }) outcome!: string;
  @ApiProperty() detail!: string;
}

export class CriterionResultDto {
  @ApiProperty({ enum: ['areaFit', 'termMargin', 'ownInvestment', 'rent'] }) criterion!: string;
  @ApiProperty() points!: number;
  @ApiProperty() maximum!: number;
  @ApiProperty() detail!: string;
}

export class MatchCandidateDto {
  @ApiProperty() rank!: number;
  @ApiProperty({ format: 'uuid' }) umbrellaId!: string;
  @ApiProperty() umbrellaName!: string;
  @ApiProperty({ format: 'uuid', description: 'The umbrella’s best-fitting profile' }) profileId!: string;
  @ApiProperty({ description: 'Every hard condition passes' }) eligible!: boolean;
  @ApiProperty() points!: number;
  @ApiProperty({ type: [ConditionResultDto] }) conditions!: ConditionResultDto[];
  @ApiProperty({ type: [CriterionResultDto] }) criteria!: CriterionResultDto[];
}

export class MatchesResponseDto {
  @ApiProperty({ format: 'uuid' }) propertyId!: string;
  @ApiProperty() areaM2!: number;
  @ApiProperty({ nullable: true, type: String }) availableUntil!: string | null;
  @ApiProperty({ type: [MatchCandidateDto] }) candidates!: MatchCandidateDto[];
}
