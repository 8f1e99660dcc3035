import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsIsoDate } from '../../../common/validation/validators.js';
import { VACANCY_REASONS, type VacancyReason } from '../vacancy-period.entity.js';

export class OpenVacancyDto {
  @ApiProperty({ example: '2026-03-01', description: 'Not after today' })
  @IsIsoDate()
  vacantSince!: string;

  @ApiProperty({ enum: VACANCY_REASONS })
  @IsIn(VACANCY_REASONS)
  reason!: VacancyReason;

  @ApiPropertyOptional({ example: 'Redevelopment into housing from 2031; interim use welcome until then' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  ownerProspects?: string;

  @ApiPropertyOptional({ example: '2026-06-01' })
  @IsOptional()
  @IsIsoDate()
  availableFrom?: string;

  @ApiPropertyOptional({ example: '2031-06-01', description: 'After availableFrom; leave out when not known' })
  @IsOptional()
  @IsIsoDate()
  availableUntil?: string;
}
