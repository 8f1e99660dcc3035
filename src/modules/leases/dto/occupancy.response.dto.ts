import { ApiProperty } from '@nestjs/swagger';

export class FloorOccupancyDto {
  @ApiProperty({ format: 'uuid' }) floorId!: string;
  @ApiProperty() level!: number;
  @ApiProperty() lettableAreaM2!: number;
  @ApiProperty() letAreaM2!: number;
  @ApiProperty({ type: String, nullable: true }) groupName!: string | null;
}

export class OccupancyResponseDto {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() lettableAreaM2!: number;
  @ApiProperty() letAreaM2!: number;
  @ApiProperty() vacantAreaM2!: number;
  @ApiProperty({ description: 'Let m² ÷ lettable m², 0–1' }) occupancyRate!: number;
  @ApiProperty({ type: [FloorOccupancyDto] }) floors!: FloorOccupancyDto[];
}

export class IndexationResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
  @ApiProperty({ format: 'date' }) effectiveDate!: string;
  @ApiProperty() percent!: number;
  @ApiProperty({ description: 'Leases that got a new rate' }) leasesRevised!: number;
}
