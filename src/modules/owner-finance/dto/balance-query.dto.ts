import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { FIRST_YEAR, LAST_YEAR } from '../../../common/validation/validators.js';

export class BalanceQueryDto {
  @ApiPropertyOptional({ example: 2012, description: 'Defaults to this year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(FIRST_YEAR)
  @Max(LAST_YEAR)
  year?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Admins: the figures of this owner of the year (when the building changed hands that year); owners see only their own',
  })
  @IsOptional()
  @IsUUID()
  ownerId?: string;
}
