import { ApiProperty } from '@nestjs/swagger';
import { type Space, SPACE_USES, type SpaceUse } from '../space.entity.js';

export class SpaceResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) floorId!: string;
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ example: 25 }) areaM2!: number;
  @ApiProperty({ enum: SPACE_USES }) use!: SpaceUse;
  @ApiProperty() publicCounter!: boolean;
}

export function toSpaceResponse(space: Space): SpaceResponseDto {
  const { id, floorId, buildingId, code, areaM2, use, publicCounter } = space;
  return { id, floorId, buildingId, code, areaM2, use, publicCounter };
}
