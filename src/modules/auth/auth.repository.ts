import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async countFailuresSince(email: string, since: Date): Promise<number> {
    const [row] = await this.dataSource.query<{ failures: number }[]>(
      `SELECT count(*)::int AS failures FROM login_failure WHERE email = $1 AND attempted_at > $2`,
      [email, since],
    );
    return row?.failures ?? 0;
  }

  async recordFailure(email: string): Promise<void> {
    await this.dataSource.query(`INSERT INTO login_failure (email) VALUES ($1)`, [email]);
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
