import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { FIRST_YEAR, LAST_YEAR } from '../../../common/validation/validators.js';

export class BalanceQueryDto {
  @ApiPropertyOptional({ example: 2012, description: 'Defaults to this year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(FIRST_YEAR)
  @Max(LAST_YEAR)
  year?: number;
}
