import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsObject, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { IsDecimal, IsIsoDate } from '../../../common/validation/validators.js';
import { DECISION_KINDS, type DecisionKind } from '../vacancy-file.entity.js';
import { VACANCY_REASONS, type VacancyReason } from '../vacancy-period.entity.js';

export class ReportedFloorDto {
  @ApiProperty({ example: 2 })
  @IsInt()
  @Min(-5)
  @Max(150)
  level!: number;

  @ApiProperty({ example: 650 })
  @IsDecimal(2)
  @Min(0)
  @Max(1_000_000)
  vacantM2!: number;
}

/** The owner's report (leegstandsmelding). */
export class FileReportDto {
  @ApiProperty({ example: '2026-03-01' })
  @IsIsoDate()
  vacantSince!: string;

  @ApiProperty({ enum: VACANCY_REASONS })
  @IsIn(VACANCY_REASONS)
  reason!: VacancyReason;

  @ApiProperty({ example: 'Looking for a tenant; open to interim use until the redevelopment in 2030' })
  @IsString()
  @Length(1, 2000)
  prospects!: string;

  @ApiProperty({ type: [ReportedFloorDto], description: "Each of the property's floors with its vacant m²" })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsObject({ each: true, message: 'each floor must be an object' })
  @ValidateNested({ each: true })
  @Type(() => ReportedFloorDto)
  floors!: ReportedFloorDto[];
}

export class RecordConsultationDto {
  @ApiProperty({ example: '2026-10-20', description: 'Not after today, not before the report' })
  @IsIsoDate()
  heldOn!: string;

  @ApiProperty({ example: 'Owner (asset manager), Bureau Broedplaatsen, stadsdeel Oost' })
  @IsString()
  @Length(1, 1000)
  parties!: string;

  @ApiProperty({ example: 'Owner will offer the ground and first floor for interim use' })
  @IsString()
  @Length(1, 4000)
  outcome!: string;

  @ApiProperty({ example: 'Owner sends the floor plans by 1 December' })
  @IsString()
  @Length(1, 1000)
  nextStep!: string;
}

export class DecideVacancyDto {
  @ApiProperty({ enum: DECISION_KINDS })
  @IsIn(DECISION_KINDS)
  kind!: DecisionKind;

  @ApiProperty({ example: 'Interim use by a broedplaats agreed for five years' })
  @IsString()
  @Length(1, 4000)
  motivation!: string;
}

export class SignalDto {
  @ApiProperty({ example: '2026-06-01', description: 'Since when the neighbour saw it empty; who reported it is not stored' })
  @IsIsoDate()
  vacantSince!: string;
}
