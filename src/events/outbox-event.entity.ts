import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { EventType } from './event-types.js';

/**
 * The transactional outbox: one row per domain event, written in the transaction of the change it
 * reports. `dispatchedAt` stays null until every consumer has run; the recovery sweep re-queues
 * such rows, so an event survives a lost queue or a crash between commit and enqueue.
 */
@Entity('domain_event')
@Index('ix_domain_event_undispatched', ['occurredAt'], { where: 'dispatched_at IS NULL AND dispatch_failed_at IS NULL' })
export class OutboxEvent {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) type!: EventType;
  @Column({ type: 'text' }) entity!: string;
  @Column({ type: 'uuid' }) entityId!: string;
  @Column({ type: 'jsonb' }) payload!: unknown;
  /** No foreign key: the record of who did what outlives the user's account. */
  @Column({ type: 'uuid', nullable: true }) actorUserId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) occurredAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) dispatchedAt!: Date | null;
  /** Set when the dispatch job used its last attempt; such an event waits for a person, not the sweep. */
  @Column({ type: 'timestamptz', nullable: true }) dispatchFailedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) dispatchError!: string | null;
}

/** That a consumer ran its effect for an event: written in the effect's own transaction, once. */
@Entity('event_consumption')
export class EventConsumption {
  @PrimaryColumn({ type: 'uuid' }) eventId!: string;
  @PrimaryColumn({ type: 'text' }) consumer!: string;

  @ManyToOne(() => OutboxEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'fk_event_consumption_event' })
  event?: Relation<OutboxEvent>;

  @CreateDateColumn({ type: 'timestamptz' }) consumedAt!: Date;
}
