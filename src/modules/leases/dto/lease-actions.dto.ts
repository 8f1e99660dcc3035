import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page.js';
import { IsDecimal, IsIsoDate } from '../../../common/validation/validators.js';
import { LEASE_STATUSES, type LeaseStatus } from '../lease-rules.js';

export class TerminateLeaseDto {
  @ApiProperty({ example: '2012-12-31', description: 'The new last day of the lease' })
  @IsIsoDate()
  endDate!: string;

  @ApiProperty({ example: 'Tenant moves to a larger studio elsewhere' })
  @IsString()
  @Length(1, 500)
  reason!: string;

  @ApiPropertyOptional({ format: 'date', description: 'When notice was given; defaults to today' })
  @IsOptional()
  @IsIsoDate()
  noticeDate?: string;
}

export class BandRevisionDto {
  @ApiProperty({ example: '2013-01-01', description: 'From this day the tenant’s newest valid band assessment sets the rate' })
  @IsIsoDate()
  effectiveDate!: string;
}

export class CreateIndexationDto {
  @ApiProperty({ example: '2012-07-01' })
  @IsIsoDate()
  effectiveDate!: string;

  @ApiProperty({ example: 2.5, description: 'CPI change in percent, up to two decimals' })
  @IsDecimal(2)
  @Min(-50)
  @Max(100)
  percent!: number;
}

export class ListLeasesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  buildingId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  tenantId?: string;

  @ApiPropertyOptional({ enum: LEASE_STATUSES, description: 'As of today' })
  @IsOptional()
  @IsIn(LEASE_STATUSES)
  status?: LeaseStatus;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Only leases with an end date before this day (open-ended leases never), soonest ending first',
  })
  @IsOptional()
  @IsIsoDate()
  endingBefore?: string;
}
