import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsIsoDate } from '../../../common/validation/validators.js';
import { MAX_NOTICE_MONTHS_PUBLIC_COUNTER, VAT_REGIMES, type VatRegime } from '../lease-rules.js';

export class CreateLeaseDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  tenantId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  spaceId!: string;

  @ApiProperty({ example: '2012-01-01' })
  @IsIsoDate()
  startDate!: string;

  @ApiPropertyOptional({ example: '2013-06-30', description: 'Last day of the lease (included); open-ended when left out' })
  @IsOptional()
  @IsIsoDate()
  endDate?: string;

  @ApiPropertyOptional({
    default: 1,
    minimum: 1,
    maximum: MAX_NOTICE_MONTHS_PUBLIC_COUNTER,
    description: '1–3 months for ordinary business space',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_NOTICE_MONTHS_PUBLIC_COUNTER)
  noticeMonths?: number;

  @ApiPropertyOptional({ default: 0, description: 'Service charge advance per month, cents' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  serviceChargeMonthlyCents?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  depositCents?: number;

  @ApiPropertyOptional({ enum: VAT_REGIMES, default: 'exempt' })
  @IsOptional()
  @IsIn(VAT_REGIMES)
  vatRegime?: VatRegime;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'Share of VAT-taxed use by the tenant' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  taxableUsePercent?: number;

  @ApiPropertyOptional({ description: 'Whether the tenant uses the small-business VAT scheme (KOR)' })
  @IsOptional()
  @IsBoolean()
  smallBusinessScheme?: boolean;
}
