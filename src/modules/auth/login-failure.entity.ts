import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A failed sign-in, kept for the rate-limit window; shared by every API process through the database.
 * An attempt is recorded before its password is checked and removed again when it succeeds.
 */
@Entity('login_failure')
@Index('ix_login_failure_email_at', ['email', 'attemptedAt'])
export class LoginFailure {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  attemptedAt!: Date;
}
