import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requireCapability } from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import type { Page } from '../../common/pagination/page.js';
import { AUDITED_EVENT_TYPES, type DomainEvent, type FieldChange } from '../../events/event-types.js';
import { OnEvent } from '../../events/on-event.js';
import type { AuditEntry } from './audit-entry.entity.js';
import { type AuditFilter, AuditRepository } from './audit.repository.js';

/** A correction's field list as it is; any other event's payload whole. */
function changesOf(event: DomainEvent): FieldChange[] | Record<string, unknown> {
  const payload = event.payload as unknown as Record<string, unknown>;
  return Array.isArray(payload.changes) ? (payload.changes as FieldChange[]) : payload;
}

/** The audit log: the first consumer of every domain event, and its read side. */
@Injectable()
export class AuditLogService {
  constructor(private readonly audit: AuditRepository) {}

  @OnEvent(...AUDITED_EVENT_TYPES)
  async recordEvent(event: DomainEvent, manager: EntityManager): Promise<void> {
    await this.audit.insert(manager, {
      eventId: event.id,
      at: event.occurredAt,
      userId: event.actorUserId,
      action: event.type,
      entity: event.entity,
      entityId: event.entityId,
      changes: changesOf(event),
    });
  }

  list(filter: AuditFilter, page: { limit: number; offset: number }, principal: Principal): Promise<Page<AuditEntry>> {
    requireCapability(principal, 'audit.read');
    return this.audit.findPage(filter, page);
  }
}
