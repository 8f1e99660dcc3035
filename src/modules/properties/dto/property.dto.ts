import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { PageQueryDto } from '../../../common/pagination/page.js';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
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
import { IsDecimal } from '../../../common/validation/validators.js';
import {
  ENERGY_LABELS,
  type EnergyLabel,
  FIRE_SAFETY_STATES,
  type FireSafetyState,
  PROPERTY_CONDITIONS,
  PUBLICATION_LEVELS,
  type PropertyCondition,
  type PublicationLevel,
  USE_CATEGORIES,
  type UseCategory,
} from '../property.entity.js';

export class PropertyFloorDto {
  @ApiProperty({ example: 2, description: '0 is the ground floor, -1 the basement' })
  @IsInt()
  @Min(-5)
  @Max(150)
  level!: number;

  @ApiProperty({ example: 1250, description: 'Lettable floor area (VVO) in m²' })
  @IsDecimal(2)
  @Min(0.01)
  @Max(1_000_000)
  totalM2!: number;

  @ApiProperty({ example: 1250, description: 'Of which vacant, in m²; at most totalM2' })
  @IsDecimal(2)
  @Min(0)
  @Max(1_000_000)
  vacantM2!: number;
}

export class CreatePropertyDto {
  @ApiProperty({ example: 'Wibauthuis' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'Wibautstraat 3' })
  @IsString()
  @Length(1, 300)
  address!: string;

  @ApiPropertyOptional({ example: '1091 GH' })
  @IsOptional()
  @Matches(/^[1-9][0-9]{3} ?[A-Z]{2}$/, { message: 'postcode must be a Dutch postcode such as 1091 GH' })
  postcode?: string;

  @ApiProperty({ example: 'Amsterdam' })
  @IsString()
  @Length(1, 100)
  city!: string;

  @ApiPropertyOptional({ example: 'Oost', description: 'The city district (stadsdeel)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  district?: string;

  @ApiPropertyOptional({ example: '0363100012165490', description: 'BAG pand id, 16 digits' })
  @IsOptional()
  @Matches(/^[0-9]{16}$/, { message: 'bagPandId must be 16 digits' })
  bagPandId?: string;

  @ApiPropertyOptional({ example: '0363010000758545', description: 'BAG verblijfsobject id, 16 digits; unique' })
  @IsOptional()
  @Matches(/^[0-9]{16}$/, { message: 'bagVerblijfsobjectId must be 16 digits' })
  bagVerblijfsobjectId?: string;

  @ApiProperty({ enum: USE_CATEGORIES })
  @IsIn(USE_CATEGORIES)
  useCategory!: UseCategory;

  @ApiPropertyOptional({ example: 'Kantoor' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  zoning?: string;

  @ApiPropertyOptional({ enum: PROPERTY_CONDITIONS })
  @IsOptional()
  @IsIn(PROPERTY_CONDITIONS)
  condition?: PropertyCondition;

  @ApiPropertyOptional({ enum: FIRE_SAFETY_STATES, default: 'unknown' })
  @IsOptional()
  @IsIn(FIRE_SAFETY_STATES)
  fireSafety?: FireSafetyState;

  @ApiPropertyOptional({ enum: ENERGY_LABELS })
  @IsOptional()
  @IsIn(ENERGY_LABELS)
  energyLabel?: EnergyLabel;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'An organisation of kind owner; an owner user records its own (leave out or name its own)',
  })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ example: 'Ad Hoc Beheer', description: 'Who manages it while empty' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  vacancyManager?: string;

  @ApiPropertyOptional({ enum: PUBLICATION_LEVELS, default: 'internal' })
  @IsOptional()
  @IsIn(PUBLICATION_LEVELS)
  publication?: PublicationLevel;

  @ApiPropertyOptional({ example: 52.3546, description: 'WGS84; together with longitude' })
  @IsOptional()
  @IsDecimal(6)
  @Min(-90)
  @Max(90)
  latitude?: number;

  @ApiPropertyOptional({ example: 4.9125 })
  @IsOptional()
  @IsDecimal(6)
  @Min(-180)
  @Max(180)
  longitude?: number;

  @ApiProperty({ type: [PropertyFloorDto], description: 'Each floor once, with its total and vacant m²' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsObject({ each: true, message: 'each floor must be an object' })
  @ValidateNested({ each: true })
  @Type(() => PropertyFloorDto)
  floors!: PropertyFloorDto[];
}

export const PROPERTY_STATUSES = ['let', 'open', 'report-due', 'reported', 'consulted', 'decided'] as const;
export type PropertyStatus = (typeof PROPERTY_STATUSES)[number];

/** The filters of the register's list (also the export's). */
export class PropertyFilterDto {
  @ApiPropertyOptional({ example: 'Oost' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  district?: string;

  @ApiPropertyOptional({ enum: PROPERTY_STATUSES, description: "The open vacancy file's state; `let`: no open vacancy" })
  @IsOptional()
  @IsIn(PROPERTY_STATUSES)
  status?: PropertyStatus;

  @ApiPropertyOptional({ description: 'Vacant for at least this many whole months' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1200)
  minMonthsVacant?: number;

  @ApiPropertyOptional({ description: 'Vacant for at most this many whole months' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1200)
  maxMonthsVacant?: number;

  @ApiPropertyOptional({ description: 'At least this many vacant m²' })
  @IsOptional()
  @Type(() => Number)
  @IsDecimal(2)
  @Min(0)
  minVacantM2?: number;

  @ApiPropertyOptional({ description: 'At most this many vacant m²' })
  @IsOptional()
  @Type(() => Number)
  @IsDecimal(2)
  @Min(0)
  maxVacantM2?: number;
}

/** The register's list: a page of it, filtered. */
export class PropertyListQueryDto extends IntersectionType(PageQueryDto, PropertyFilterDto) {}

export class PropertyExportQueryDto extends PropertyFilterDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] })
  @IsIn(['csv', 'xlsx'])
  format!: 'csv' | 'xlsx';
}

export class PipelineQueryDto {
  @ApiPropertyOptional({ example: 'Amsterdam', description: "Defaults to the municipality's own city" })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  city?: string;

  @ApiProperty({ example: '2026', description: 'A year (YYYY) or a month (YYYY-MM)' })
  @Matches(/^(19|20|21)\d{2}(-(0[1-9]|1[0-2]))?$/, { message: 'period must be YYYY or YYYY-MM' })
  period!: string;
}

export class PublishPropertyDto {
  @ApiProperty({
    enum: PUBLICATION_LEVELS,
    description:
      '`internal`: the owner and the city; `matching`: also umbrellas whose search profile fits; `public`: also everyone (address, m², availability)',
  })
  @IsIn(PUBLICATION_LEVELS)
  publication!: PublicationLevel;
}
