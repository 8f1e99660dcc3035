import { IsDecimal } from '../../../common/validation/validators.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, Matches, Max, Min } from 'class-validator';
import { SPACE_USES, type SpaceUse } from '../space.entity.js';

export class CreateSpaceDto {
  @ApiProperty({ example: '3.14', description: 'Unique within the building' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9.\-/]{0,19}$/, { message: 'code must be 1–20 letters, digits, dots, dashes or slashes' })
  code!: string;

  @ApiProperty({ example: 25, description: 'Lettable floor area (VVO) in m², up to two decimals' })
  @IsDecimal(2)
  @Min(0.01, { message: 'areaM2 must be more than 0' })
  @Max(99_999_999)
  areaM2!: number;

  @ApiProperty({ enum: SPACE_USES })
  @IsIn(SPACE_USES)
  use!: SpaceUse;

  @ApiPropertyOptional({ default: false, description: 'A café or shop open to the public (art. 7:290 BW)' })
  @IsOptional()
  @IsBoolean()
  publicCounter?: boolean;
}
