import 'reflect-metadata';
import { openDataSource } from '../../src/database/data-source.js';

/**
 * Applies every migration to the template, through the app's own data source, so a clone of it is
 * a database on which the app's boot finds no migration to run. Usage: `postgres <url>` or `embedded <dir>`.
 */
const [kind, target] = process.argv.slice(2);
if (!target || (kind !== 'postgres' && kind !== 'embedded')) throw new Error('usage: migrate-template.ts postgres <url> | embedded <dir>');
const dataSource = await openDataSource(
  kind === 'postgres' ? { kind, url: target, migrationsRun: true, poolSize: 2 } : { kind, dataDir: target, migrationsRun: true },
  // Migrations alone make the schema; no entity is mapped.
  { entities: [] },
);
await dataSource.destroy();
