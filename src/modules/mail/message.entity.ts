import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../users/user.entity.js';

export const MESSAGE_STATUSES = ['queued', 'sent', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
export type MessageLanguage = 'nl' | 'en';

/**
 * One mail in the outbox: the status row of its sending job. `source` is what the mail is about
 * (the id of the domain event it came from, or of a password reset, or an offer for its reminder);
 * with the recipient it is unique, so however often an event is delivered, it is mailed once.
 */
@Entity('message')
@Index('uq_message_source_recipient', ['source', 'recipientAddress'], { unique: true })
@Index('ix_message_status', ['status', 'createdAt'])
@Index('ix_message_recipient_user', ['recipientUserId'])
@Index('ix_message_recipient_tenant', ['recipientTenantId'])
@Check('ck_message_status', `status IN ('queued', 'sent', 'failed')`)
@Check('ck_message_language', `language IN ('nl', 'en')`)
@Check('ck_message_attempts', `attempts >= 0`)
export class Message {
  @PrimaryGeneratedColumn('uuid') id!: string;

  /** The event's id, or `password-reset:<id>`, `offer-reminder:<offer id>` … */
  @Column({ type: 'text' }) source!: string;
  /** The event type (`invoice.documents_stored`) or the kind of work (`password.reset`) the mail came from. */
  @Column({ type: 'text' }) sourceType!: string;
  /** The domain event it came from; null for mail the mail module starts itself (password reset, reminders). */
  @Column({ type: 'uuid', nullable: true }) eventId!: string | null;

  @Column({ type: 'text' }) recipientAddress!: string;
  @Column({ type: 'text' }) recipientName!: string;
  /** Whose mail it is, for "my messages": the user it was sent to … */
  @Column({ type: 'uuid', nullable: true }) recipientUserId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recipient_user_id', foreignKeyConstraintName: 'fk_message_recipient_user' })
  recipientUser?: Relation<User>;

  /** … or the tenant whose contact address it went to. */
  @Column({ type: 'uuid', nullable: true }) recipientTenantId!: string | null;

  @Column({ type: 'text' }) language!: MessageLanguage;
  @Column({ type: 'text' }) template!: string;
  /** What the template fills in; never a secret (a reset link's token is made when the mail is sent). */
  @Column({ type: 'jsonb' }) params!: Record<string, string | number | boolean | null>;
  @Column({ type: 'text' }) subject!: string;
  /** Stored documents sent along, in order. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) attachmentIds!: string[];

  @Column({ type: 'text', default: 'queued' }) status!: MessageStatus;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @Column({ type: 'text', nullable: true }) lastError!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
