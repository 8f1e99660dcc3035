import { Logger } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { EntityClass } from '../common/feature/feature-module.js';
import type { DatabaseConfig } from '../config/config.js';
import { EmbeddedPostgres } from './embedded-postgres.js';
import { loadMigrations } from './migrations-loader.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/** The one options factory for the app, the tests and the migration CLI. */
export async function dataSourceOptions(url: string, poolSize: number, entities: EntityClass[]): Promise<DataSourceOptions> {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: await loadMigrations(),
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    uuidExtension: 'pgcrypto',
    // Extensions come from migrations, so both ways of running get the same schema.
    installExtensions: false,
    poolSize,
    // Not 'error': TypeORM would log the failed query's parameters, which may hold secrets.
    logging: ['warn', 'migration'],
  };
}

/**
 * Settings of every PostgreSQL session the app opens. No JIT: the reports' set-based queries are
 * costed high enough to be compiled, and compiling them took longer than running them (the city's
 * monitor spent 4 of its 7 s in LLVM on a busy machine). The app's queries are short; none gains.
 * Sorts of up to 16 MB in memory: the monitor sorts its 100,000 leases (about 6 MB) without the disk.
 */
const SESSION_SETTINGS = { options: '-c jit=off -c work_mem=16MB' };

/** Stops the embedded server after TypeORM has closed its pool, whoever closes the data source. */
class EmbeddedDataSource extends DataSource {
  constructor(
    options: DataSourceOptions,
    private readonly embedded: EmbeddedPostgres,
  ) {
    super(options);
  }

  override async destroy(): Promise<void> {
    try {
      await super.destroy();
    } finally {
      await this.embedded.stop();
    }
  }
}

/**
 * Opens the configured database (starting the embedded one when there is no DATABASE_URL), mapping
 * `entities`: the app and the migration CLI both pass what the features register.
 */
export async function openDataSource(
  config: DatabaseConfig,
  options: { entities: EntityClass[]; migrationsRun?: boolean; asAppRole?: boolean },
): Promise<DataSource> {
  let dataSource: DataSource;
  if (config.kind === 'postgres') {
    dataSource = new DataSource({ ...(await dataSourceOptions(config.url, config.poolSize, options.entities)), extra: SESSION_SETTINGS });
  } else {
    const embedded = await EmbeddedPostgres.start(config.dataDir);
    // PGlite serves one session: a second pooled connection would interleave transactions.
    dataSource = new EmbeddedDataSource(await dataSourceOptions(embedded.url, 1, options.entities), embedded);
  }
  try {
    await dataSource.initialize();
    if (options.migrationsRun ?? config.migrationsRun) {
      await (config.kind === 'postgres' ? runMigrationsExclusively(dataSource) : migrate(dataSource));
    }
    if (options.asAppRole) await actAsAppRole(dataSource);
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

/** Applies the pending migrations, and says so on the console when there are any. */
async function migrate(dataSource: DataSource): Promise<void> {
  if (!(await dataSource.showMigrations())) return;
  new Logger('Database').log('migrating the database');
  await dataSource.runMigrations({ transaction: 'each' });
}

/** Any number that no other advisory lock of this app uses. */
const MIGRATION_LOCK = 726_300;

/**
 * Several API processes may boot at once: the first migrates while the others wait on a lock held
 * by a connection of its own (PGlite has one connection and one process, so it needs none).
 */
async function runMigrationsExclusively(dataSource: DataSource): Promise<void> {
  const lockHolder = dataSource.createQueryRunner();
  await lockHolder.connect();
  try {
    await lockHolder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(dataSource);
  } finally {
    await lockHolder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lockHolder.release();
  }
}

/** The role the app works as: rows only, no TRUNCATE, ALTER or DROP (migrations/1797200000001-AppRoleWithoutTruncate.ts). */
export const APP_ROLE = 'broedplaats_app';

/**
 * After the migrations ran as the login role (the owner), every pooled connection switches to the app's role
 * before its first statement, those already open included: the switch is queued on the connection as it is
 * handed out, ahead of whatever the borrower sends. Where the role is missing (a login role that could not
 * create it) the app works as the login role and says so.
 */
async function actAsAppRole(dataSource: DataSource): Promise<void> {
  const logger = new Logger('Database');
  const [role] = await dataSource.query<{ member: boolean }[]>(
    `SELECT pg_has_role(session_user, oid, 'MEMBER') AS member FROM pg_roles WHERE rolname = $1`,
    [APP_ROLE],
  );
  if (!role?.member) {
    logger.warn(`no role ${APP_ROLE} to work as: working as the login role, which may TRUNCATE, ALTER and DROP`);
    return;
  }
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const switched = new WeakSet<PoolClient>();
  pool.on('acquire', (client) => {
    if (switched.has(client)) return;
    switched.add(client);
    client.query(`SET ROLE ${APP_ROLE}`).catch((error: unknown) => {
      switched.delete(client);
      logger.error(`could not switch a connection to role ${APP_ROLE}: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
}
