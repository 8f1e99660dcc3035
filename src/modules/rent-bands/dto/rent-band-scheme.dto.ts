import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../../../common/validation/validators.js';

export class RentBandDto {
  @ApiProperty({ example: 'A' })
  @Matches(/^[A-Z][A-Z0-9]{0,3}$/, { message: 'code must be 1–4 capital letters or digits, starting with a letter' })
  code!: string;

  @ApiProperty({ example: 'Laag inkomen' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ example: 6000, description: 'Cents per m² per year' })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  ratePerM2YearCents!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 2_500_000,
    description: 'Highest taxable income in this band (cents per year); null for the last band',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  maxIncomeCents!: number | null;
}

export class PublishRentBandSchemeDto {
  @ApiProperty({ example: '2012-01-01' })
  @IsIsoDate()
  validFrom!: string;

  @ApiProperty({ type: [RentBandDto], description: 'Lowest income limit first; the last band has no limit' })
  @IsObject({ each: true, message: 'each band must be an object' })
  @ValidateNested({ each: true })
  @Type(() => RentBandDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  bands!: RentBandDto[];
}

export class RentBandSchemeResponseDto {
  @ApiProperty({ format: 'date' }) validFrom!: string;
  @ApiProperty({ type: [RentBandDto] }) bands!: RentBandDto[];
}
