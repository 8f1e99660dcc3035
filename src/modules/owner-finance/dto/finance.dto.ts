import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsObject, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { IsIsoDate } from '../../../common/validation/validators.js';

export class InvestmentDto {
  @ApiProperty({ format: 'uuid', description: 'The organisation that invested' }) @IsUUID() partyId!: string;
  @ApiProperty({ example: 'Installaties' }) @IsString() @Length(1, 300) description!: string;
  @ApiProperty({ example: 20_000_000 }) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) amountCents!: number;
  @ApiProperty({ example: '2007-05-01' }) @IsIsoDate() date!: string;
}

export class PutFinanceDto {
  @ApiProperty({ example: 45_000_000, description: 'Head-lease rent the umbrella pays the owner per year' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  headLeaseRentYearCents!: number;

  @ApiProperty({ example: 1_000_000_000 }) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) loanPrincipalCents!: number;
  @ApiProperty({ example: 450, description: 'Interest rate in basis points (450 = 4.5%)' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  interestRateBps!: number;

  @ApiProperty({ type: [InvestmentDto] })
  @IsArray()
  @IsObject({ each: true, message: 'each investment must be an object' })
  @ValidateNested({ each: true })
  @Type(() => InvestmentDto)
  @ArrayMaxSize(1000)
  investments!: InvestmentDto[];
}

export class InvestmentResponseDto extends InvestmentDto {
  @ApiProperty() partyName!: string;
}

export class FinanceResponseDto {
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
  @ApiProperty() headLeaseRentYearCents!: number;
  @ApiProperty() loanPrincipalCents!: number;
  @ApiProperty() interestRateBps!: number;
  @ApiProperty({ type: [InvestmentResponseDto] }) investments!: InvestmentResponseDto[];
}

export class OwnerBalanceResponseDto {
  @ApiProperty({ example: 2012 }) year!: number;
  @ApiProperty({ format: 'uuid', description: 'The owner whose figures these are: the owner of that year (the last, if it changed hands)' })
  ownerId!: string;
  @ApiProperty({ description: 'The days of the year this owner owned the building in use' }) ownedDays!: number;
  @ApiProperty({ description: 'Head-lease rent over the days of the year the owner owned the building in use' }) rentIncomeCents!: number;
  @ApiProperty() interestCostCents!: number;
  @ApiProperty() balanceCents!: number;
  @ApiProperty({ description: 'Let m² ÷ lettable m² on the year’s last day in use and owned by this owner' }) occupancyRate!: number;
  @ApiProperty({ type: [InvestmentResponseDto], description: 'Investments dated on or before the year’s end' })
  investments!: InvestmentResponseDto[];
}
