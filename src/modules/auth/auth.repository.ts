import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records an attempt for this address unless `max` attempts are already recorded since `since`; the
   * count and the insert run under a lock per address, so parallel requests are counted one after
   * another and no more than `max` get through. When refused: the moment the oldest attempt that still
   * blocks was made (the window must pass it before one more is allowed).
   */
  async recordAttemptWithin(
    email: string,
    since: Date,
    max: number,
  ): Promise<{ recorded: true; attemptId: string } | { recorded: false; blockedSince: Date }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('login_failure:' || $1, 0))`, [email]);
      const [counted] = await manager.query<{ attempts: number; blocked_since: Date | null }[]>(
        `SELECT count(*)::int AS attempts, (array_agg(attempted_at ORDER BY attempted_at DESC))[$3::int] AS blocked_since
           FROM login_failure WHERE email = $1 AND attempted_at > $2`,
        [email, since, max],
      );
      if (counted!.attempts >= max) return { recorded: false, blockedSince: new Date(counted!.blocked_since!) };
      const [row] = await manager.query<{ id: string }[]>(`INSERT INTO login_failure (email) VALUES ($1) RETURNING id`, [email]);
      return { recorded: true, attemptId: String(row!.id) };
    });
  }

  /** A sign-in that succeeded is no failure. */
  async forgetAttempt(attemptId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failure WHERE id = $1`, [attemptId]);
  }

  async deleteFailuresBefore(before: Date): Promise<number> {
    const [, affected] = await this.dataSource.query<[unknown, number]>(`DELETE FROM login_failure WHERE attempted_at < $1`, [before]);
    return affected;
  }

  /** The stored signing secret, storing the candidate first if there is none yet. */
  async signingSecret(candidate: string): Promise<string> {
    await this.dataSource.query(`INSERT INTO signing_key (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING`, [candidate]);
    const [row] = await this.dataSource.query<{ secret: string }[]>(`SELECT secret FROM signing_key WHERE id = 1`);
    return row!.secret;
  }
}
