import { ApiProperty } from '@nestjs/swagger';
import { type Building, BUILDING_KINDS, type BuildingKind } from '../building.entity.js';

export class BuildingResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
  @ApiProperty() city!: string;
  @ApiProperty({ format: 'uuid' }) ownerId!: string;
  @ApiProperty({ format: 'uuid' }) umbrellaId!: string;
  @ApiProperty({ enum: BUILDING_KINDS }) kind!: BuildingKind;
  @ApiProperty({ format: 'date' }) useStart!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) useEnd!: string | null;
  @ApiProperty() invoicePrefix!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The property this use is of' }) propertyId!: string | null;
}

export function toBuildingResponse(building: Building): BuildingResponseDto {
  const { id, name, address, city, ownerId, umbrellaId, kind, useStart, useEnd, invoicePrefix, propertyId } = building;
  return { id, name, address, city, ownerId, umbrellaId, kind, useStart, useEnd, invoicePrefix, propertyId };
}
