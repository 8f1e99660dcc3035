import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { DomainEvent } from './event-types.js';
import { OutboxEvent } from './outbox-event.entity.js';

/** The outbox's own tables: `domain_event` and `event_consumption`. */
@Injectable()
export class EventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Dated when it is written, not when its transaction began (`now()`): changes that waited for one
   * another's lock are then in the order they took effect, which the audit log shows.
   */
  async insert(manager: EntityManager, event: Omit<DomainEvent, 'id' | 'occurredAt'>): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO domain_event (type, entity, entity_id, payload, actor_user_id, occurred_at)
       VALUES ($1, $2, $3, $4, $5, clock_timestamp()) RETURNING id`,
      [event.type, event.entity, event.entityId, JSON.stringify(event.payload), event.actorUserId],
    );
    return row!.id;
  }

  /** Many events in one statement, dated in the order given. */
  async insertMany(manager: EntityManager, events: Omit<DomainEvent, 'id' | 'occurredAt'>[]): Promise<string[]> {
    if (events.length === 0) return [];
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO domain_event (type, entity, entity_id, payload, actor_user_id, occurred_at)
       SELECT e.type, e.entity, e.entity_id, e.payload, e.actor_user_id, clock_timestamp()
         FROM unnest($1::text[], $2::text[], $3::uuid[], $4::jsonb[], $5::uuid[]) WITH ORDINALITY AS e(type, entity, entity_id, payload, actor_user_id, n)
        ORDER BY e.n
       RETURNING id`,
      [
        events.map((event) => event.type),
        events.map((event) => event.entity),
        events.map((event) => event.entityId),
        events.map((event) => JSON.stringify(event.payload)),
        events.map((event) => event.actorUserId),
      ],
    );
    return rows.map((row) => row.id);
  }

  /** The event while it still waits for a consumer; null when unknown or already dispatched. */
  async findUndispatched(id: string): Promise<DomainEvent | null> {
    const row = await this.dataSource.manager.findOneBy(OutboxEvent, { id });
    if (!row || row.dispatchedAt) return null;
    return {
      id: row.id,
      type: row.type,
      entity: row.entity,
      entityId: row.entityId,
      payload: row.payload as DomainEvent['payload'],
      actorUserId: row.actorUserId,
      occurredAt: row.occurredAt,
    };
  }

  /**
   * Claims the event for one consumer inside the transaction of its effect. False when that
   * consumer already ran it; a concurrent delivery waits on the key until the first one ends.
   */
  async claim(manager: EntityManager, eventId: string, consumer: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO event_consumption (event_id, consumer) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
      [eventId, consumer],
    );
    return rows.length > 0;
  }

  async markDispatched(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE domain_event SET dispatched_at = now(), dispatch_error = NULL WHERE id = $1`, [id]);
  }

  async markDispatchFailed(id: string, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE domain_event SET dispatch_failed_at = now(), dispatch_error = $2 WHERE id = $1`, [id, error]);
  }

  /** Events that should have been dispatched by now, oldest first, a batch after the given one. */
  async undispatchedBefore(
    cutoff: Date,
    after: { occurredAt: Date; id: string } | null,
    limit: number,
  ): Promise<{ id: string; occurredAt: Date }[]> {
    const rows = await this.dataSource.query<{ id: string; occurred_at: Date }[]>(
      `SELECT id, occurred_at FROM domain_event
        WHERE dispatched_at IS NULL AND dispatch_failed_at IS NULL AND occurred_at < $1
          AND ($2::timestamptz IS NULL OR (occurred_at, id) > ($2::timestamptz, $3::uuid))
        ORDER BY occurred_at, id LIMIT $4`,
      [cutoff, after?.occurredAt ?? null, after?.id ?? null, limit],
    );
    return rows.map((row) => ({ id: row.id, occurredAt: row.occurred_at }));
  }
}
