import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsIsoDate } from '../../../common/validation/validators.js';
import { INTERIM_USE_KINDS, type InterimUse, type InterimUseKind } from '../interim-use.entity.js';
import type { NoticeWarning } from '../interim-use.js';

export class RecordInterimUseDto {
  @ApiProperty({
    enum: INTERIM_USE_KINDS,
    description: "guardianship: a loan for use with 28 days' notice by default; temporary-letting: under a permit, until its end",
  })
  @IsIn(INTERIM_USE_KINDS)
  kind!: InterimUseKind;

  @ApiProperty({ example: 'Ad Hoc Beheer' })
  @IsString()
  @Length(1, 200)
  manager!: string;

  @ApiProperty({ example: '2026-02-01' })
  @IsIsoDate()
  startsOn!: string;

  @ApiPropertyOptional({ example: '2031-02-01', description: "Required for a temporary letting (the permit's end)" })
  @IsOptional()
  @IsIsoDate()
  endsOn?: string;

  @ApiPropertyOptional({ default: 28, description: 'Days of notice to end it' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  noticeDays?: number;

  @ApiPropertyOptional({ example: 'AMS-LW-2026-0142', description: 'The Leegstandwet permit; required for a temporary letting' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  permitReference?: string;
}

export class NoticeWarningsQueryDto {
  @ApiProperty({ format: 'date', description: 'The planned start of a broedplaats' })
  @IsIsoDate()
  start!: string;
}

export class InterimUseResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: INTERIM_USE_KINDS }) kind!: string;
  @ApiProperty() manager!: string;
  @ApiProperty() startsOn!: string;
  @ApiProperty({ nullable: true, type: String }) endsOn!: string | null;
  @ApiProperty() noticeDays!: number;
  @ApiProperty({ nullable: true, type: String }) permitReference!: string | null;
}

export function toInterimUseResponse(use: InterimUse): InterimUseResponseDto {
  const { id, kind, manager, startsOn, endsOn, noticeDays, permitReference } = use;
  return { id, kind, manager, startsOn, endsOn, noticeDays, permitReference };
}

export class NoticeWarningResponseDto {
  @ApiProperty() kind!: string;
  @ApiProperty() manager!: string;
  @ApiProperty({ description: 'The last day notice could be given for the use to end before the start' }) giveNoticeBy!: string;
  @ApiProperty({ description: 'The earliest end when notice is given today' }) earliestEnd!: string;
}

export function toNoticeWarningResponse(warning: NoticeWarning): NoticeWarningResponseDto {
  return { ...warning };
}
