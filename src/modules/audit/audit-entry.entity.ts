import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { FieldChange } from '../../events/event-types.js';

/**
 * Who did what to which record, and when: one entry per domain event, filled by the audit
 * consumer. The event id is unique, and no foreign key ties an entry to the outbox or to the
 * user, so the log outlives both.
 */
@Entity('audit_entry')
@Index('ix_audit_entry_record', ['entity', 'entityId', 'at'])
@Index('uq_audit_entry_event', ['eventId'], { unique: true })
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) eventId!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'uuid', nullable: true }) userId!: string | null;
  @Column({ type: 'text' }) action!: string;
  @Column({ type: 'text' }) entity!: string;
  @Column({ type: 'uuid' }) entityId!: string;
  /** A correction's or deletion's fields with before and after; for any other event, what it reported. */
  @Column({ type: 'jsonb' }) changes!: FieldChange[] | Record<string, unknown>;
}
