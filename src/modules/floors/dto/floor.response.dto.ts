import { ApiProperty } from '@nestjs/swagger';
import type { Floor } from '../floor.entity.js';
import type { FloorOverview, SpaceSummary } from '../floors.repository.js';

export class FloorResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
  @ApiProperty() level!: number;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true }) theme!: string | null;
}

export class SpaceSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ example: 25 }) areaM2!: number;
  @ApiProperty() use!: string;
  @ApiProperty() publicCounter!: boolean;
}

export class FloorOverviewDto extends FloorResponseDto {
  @ApiProperty({ description: 'Sum of the floor’s spaces, m²' }) lettableAreaM2!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The group allocated this floor' }) groupId!: string | null;
  @ApiProperty({ type: String, nullable: true }) groupName!: string | null;
  @ApiProperty({ type: [SpaceSummaryDto] }) spaces!: SpaceSummaryDto[];
}

export function toFloorResponse(floor: Floor): FloorResponseDto {
  const { id, buildingId, level, name, theme } = floor;
  return { id, buildingId, level, name, theme };
}

export function toFloorOverview(floor: FloorOverview): FloorOverviewDto {
  return {
    ...toFloorResponse(floor),
    lettableAreaM2: floor.lettableAreaM2,
    groupId: floor.groupId,
    groupName: floor.groupName,
    spaces: floor.spaces.map((space: SpaceSummary) => ({ ...space })),
  };
}
