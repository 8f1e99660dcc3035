import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../users/user.entity.js';

export type PasswordResetPurpose = 'reset' | 'welcome';

/**
 * A link to set a password: asked for (`reset`, one hour) or sent to a new tenant (`welcome`).
 * Only the sha256 of its token is kept; the token is made when the mail is sent, so it is in the
 * mail and nowhere else. Using it once sets `used_at`.
 */
@Entity('password_reset')
@Index('uq_password_reset_token_hash', ['tokenHash'], { unique: true })
@Index('ix_password_reset_user', ['userId'])
@Check('ck_password_reset_purpose', `purpose IN ('reset', 'welcome')`)
export class PasswordReset {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ type: 'uuid' }) userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_password_reset_user' })
  user?: Relation<User>;

  @Column({ type: 'text' }) purpose!: PasswordResetPurpose;
  /** Null until its mail is sent. */
  @Column({ type: 'text', nullable: true }) tokenHash!: string | null;
  @Column({ type: 'timestamptz' }) expiresAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) usedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
