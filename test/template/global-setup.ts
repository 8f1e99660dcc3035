import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * Migrates one template database per test run, before any test file starts; each test file then
 * gets a copy of it (see isolatedEnvironment): on PostgreSQL a database created from it with
 * `CREATE DATABASE … TEMPLATE`, on PGlite a copy of its data directory. The test workers inherit the
 * variable that names it. Jest loads this file as CommonJS, so it imports nothing of the project:
 * the migration runs in a child process that loads the TypeScript sources.
 */
export default async function createTemplate(_globalConfig: unknown, project: { rootDir: string }): Promise<void> {
  const migrate = (kind: 'postgres' | 'embedded', target: string) =>
    execFileSync(
      process.execPath,
      [
        '--import',
        join(project.rootDir, 'test/template/typescript-loader.js'),
        join(project.rootDir, 'test/template/migrate-template.ts'),
        kind,
        target,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
  const serverUrl = process.env.DATABASE_URL;
  let drop: () => Promise<void>;
  if (serverUrl) {
    const run = randomBytes(6).toString('hex');
    const name = `bp_template_${run}`;
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    // The test files' databases are dropped here, at the end, not by each file: every DROP DATABASE
    // waits for a checkpoint, which takes a second or two while other files write, and run side by
    // side here the drops share their checkpoints.
    const copies = `bp_test_${run}_`;
    process.env.BROEDPLAATS_TEST_DATABASE_PREFIX = copies;
    drop = async () => {
      await dropDatabasesStartingWith(serverUrl, copies);
      await withPg(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    };
    await withPg(serverUrl, `CREATE DATABASE ${name}`);
    try {
      migrate('postgres', url.toString());
      // No one may connect to a template while it is copied; this keeps anyone from doing so by mistake.
      await withPg(serverUrl, `ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
    } catch (error) {
      await drop();
      throw error;
    }
    process.env.BROEDPLAATS_TEST_TEMPLATE = name;
  } else {
    const directory = mkdtempSync(join(tmpdir(), 'bp-template-'));
    drop = async () => rmSync(directory, { recursive: true, force: true });
    try {
      migrate('embedded', directory);
    } catch (error) {
      await drop();
      throw error;
    }
    process.env.BROEDPLAATS_TEST_TEMPLATE = directory;
  }
  // Jest shares globals between the global setup and the global teardown (and with nothing else).
  (globalThis as { dropTestTemplate?: () => Promise<void> }).dropTestTemplate = drop;
}

async function withPg(url: string, sql: string, values: unknown[] = []): Promise<{ rows: Record<string, string>[] }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql, values);
  } finally {
    await client.end();
  }
}

async function dropDatabasesStartingWith(url: string, prefix: string): Promise<void> {
  const { rows } = await withPg(url, `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [prefix]);
  const names = rows.map((row) => row.datname);
  const dropNext = async (): Promise<void> => {
    const name = names.pop();
    if (name === undefined) return;
    await withPg(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await dropNext();
  };
  await Promise.all(Array.from({ length: 8 }, dropNext));
}
