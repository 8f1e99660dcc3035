import { PartialType } from '@nestjs/swagger';
import { CreateBuildingDto } from './create-building.dto.js';

/**
 * Any subset of the create fields; null empties `useEnd` (a permanent building). The owner changes
 * here only to correct a mistake: after a handover, a new owner comes by another handover.
 */
export class UpdateBuildingDto extends PartialType(CreateBuildingDto) {}
