import { Logger } from '@nestjs/common';
import { DataSource, type DataSourceOptions } from 'typeorm';
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
  options: { entities: EntityClass[]; migrationsRun?: boolean },
): Promise<DataSource> {
  let dataSource: DataSource;
  if (config.kind === 'postgres') {
    dataSource = new DataSource(await dataSourceOptions(config.url, config.poolSize, options.entities));
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
