import { PartialType } from '@nestjs/swagger';
import { CreateFloorDto } from './create-floor.dto.js';

/** Any subset of the create fields; null empties the name or the theme. */
export class UpdateFloorDto extends PartialType(CreateFloorDto) {}
