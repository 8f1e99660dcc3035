import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page.js';
import { EVENT_ENTITIES, EVENT_TYPES } from '../../../events/event-types.js';
import type { AuditEntry } from '../audit-entry.entity.js';

const AUDITED_ENTITIES = [...new Set(Object.values(EVENT_ENTITIES))];

export class ListAuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AUDITED_ENTITIES })
  @IsOptional()
  @IsIn(AUDITED_ENTITIES)
  entity?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The id of the record' })
  @IsOptional()
  @IsUUID()
  id?: string;
}

export class AuditEntryResponseDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for scheduled work' }) userId!: string | null;
  @ApiProperty({ enum: EVENT_TYPES }) action!: string;
  @ApiProperty({ enum: AUDITED_ENTITIES }) entity!: string;
  @ApiProperty({ format: 'uuid' }) entityId!: string;
  @ApiProperty({ type: Object, description: 'What the change set, as its event reported it' }) changes!: Record<string, unknown>;
}

export function toAuditEntryResponse(entry: AuditEntry): AuditEntryResponseDto {
  const { at, userId, action, entity, entityId, changes } = entry;
  return { at: at.toISOString(), userId, action, entity, entityId, changes };
}
