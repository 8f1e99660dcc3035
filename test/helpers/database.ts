import type { DataSource, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../../src/database/data-source.js';

/**
 * Test-only SQL the app's role may not run (DDL, TRUNCATE, other sessions in pg_stat_activity), as the login role
 * that owns the schema, on one of the app's own pooled connections (PGlite has only one); the connection goes back
 * to the app's role after, whatever `work` did.
 */
export async function asOwner<T>(dataSource: DataSource, work: (runner: QueryRunner) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('RESET ROLE');
    return await work(runner);
  } finally {
    await runner.query(`SET ROLE ${APP_ROLE}`);
    await runner.release();
  }
}
