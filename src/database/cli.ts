import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { FEATURES } from '../app.module.js';
import { type EntityClass, featureParts } from '../common/feature/feature-module.js';
import { ConfigError, type DatabaseConfig, loadDatabaseConfig } from '../config/config.js';
import { IN_MEMORY } from './embedded-postgres.js';
import { openDataSource } from './data-source.js';
import { migrationsDirectory } from './migrations-loader.js';

/**
 * `run`: apply pending migrations to the configured database.
 * `check`: apply all migrations to a scratch database and fail when the entities want more.
 * `generate <Name>`: write what the entities want beyond the migrations as a new migration.
 * The entities are the features' own, found from the app's feature list as the app finds them.
 */
async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const config = loadDatabaseConfig();
  const { entities } = featureParts(FEATURES);
  if (command === 'run') {
    const dataSource = await openDataSource(config, { entities, migrationsRun: true });
    await dataSource.destroy();
    return;
  }
  if (command === 'check' || command === 'generate') {
    if (command === 'generate' && !/^[A-Z][A-Za-z0-9]+$/.test(name ?? '')) {
      throw new Error('usage: migration:generate <PascalCaseName>');
    }
    const pending = await withScratchDatabase(config, entities, pendingSchemaChanges);
    if (pending.up.length === 0) {
      console.log('Entities and migrations agree.');
      return;
    }
    if (command === 'check') {
      console.error(`Entities and migrations disagree; the missing migration would run:\n${pending.up.join(';\n')};`);
      process.exitCode = 1;
      return;
    }
    const file = writeMigration(name!, pending);
    console.log(`Wrote ${file}; review it before you commit it.`);
    return;
  }
  throw new Error('usage: cli.js run | check | generate <Name>');
}

interface SchemaChanges {
  up: string[];
  down: string[];
}

async function pendingSchemaChanges(dataSource: DataSource): Promise<SchemaChanges> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: sql.upQueries.map((query) => query.query),
    down: sql.downQueries.map((query) => query.query).reverse(),
  };
}

async function withScratchDatabase<T>(
  config: DatabaseConfig,
  entities: EntityClass[],
  work: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  if (config.kind === 'embedded') {
    const dataSource = await openDataSource({ ...config, dataDir: IN_MEMORY }, { entities, migrationsRun: true });
    try {
      return await work(dataSource);
    } finally {
      await dataSource.destroy();
    }
  }
  const scratchName = `bp_migration_check_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: config.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratchName}`);
  try {
    const url = new URL(config.url);
    url.pathname = `/${scratchName}`;
    const dataSource = await openDataSource({ ...config, url: url.toString() }, { entities, migrationsRun: true });
    try {
      return await work(dataSource);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${scratchName}`);
    await admin.end();
  }
}

function writeMigration(name: string, changes: SchemaChanges): string {
  const timestamp = Date.now();
  const statements = (queries: string[]) =>
    queries.map((query) => `    await queryRunner.query(\`${query.replace(/`|\\|\$\{/g, (match) => `\\${match}`)}\`);`).join('\n');
  const source = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  async up(queryRunner: QueryRunner): Promise<void> {
${statements(changes.up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${statements(changes.down)}
  }
}
`;
  // The CLI runs compiled from dist/database; the sources it writes belong in the top-level migrations/.
  const file = join(migrationsDirectory(), '..', '..', 'migrations', `${timestamp}-${name}.ts`);
  writeFileSync(file, source);
  return file;
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
