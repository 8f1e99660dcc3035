import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page.js';
import { AUDITED_EVENT_TYPES, EVENT_ENTITIES, type FieldChange } from '../../../events/event-types.js';
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
  @ApiProperty({ enum: AUDITED_EVENT_TYPES }) action!: string;
  @ApiProperty({ enum: AUDITED_ENTITIES }) entity!: string;
  @ApiProperty({ format: 'uuid' }) entityId!: string;
  @ApiProperty({
    oneOf: [
      {
        type: 'array',
        items: {
          type: 'object',
          properties: { field: { type: 'string' }, before: {}, after: {} },
          required: ['field', 'before', 'after'],
        },
      },
      { type: 'object' },
    ],
    description:
      'For a correction (`*.updated`) or deletion (`*.deleted`): each changed field with its value before and after (null after a deletion). For any other event: what it reported.',
  })
  changes!: FieldChange[] | Record<string, unknown>;
}

export function toAuditEntryResponse(entry: AuditEntry): AuditEntryResponseDto {
  const { at, userId, action, entity, entityId, changes } = entry;
  return { at: at.toISOString(), userId, action, entity, entityId, changes };
}
