import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIsoDate } from './validators.js';

/** `?date=YYYY-MM-DD`, today when left out. */
export class DateQueryDto {
  @ApiPropertyOptional({ format: 'date', description: 'Defaults to today' })
  @IsOptional()
  @IsIsoDate()
  date?: string;
}
