import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MigrationInterface } from 'typeorm';

type MigrationClass = new () => MigrationInterface;

/**
 * The built app finds its migrations compiled beside it (dist/migrations); the sources under test
 * find them at the top level (migrations/). Both import every file in name order.
 */
const RUNNING_COMPILED = import.meta.url.endsWith('.js');

export function migrationsDirectory(): string {
  return fileURLToPath(new URL(RUNNING_COMPILED ? '../migrations/' : '../../migrations/', import.meta.url));
}

export async function loadMigrations(directory = migrationsDirectory()): Promise<MigrationClass[]> {
  if (!existsSync(directory)) return [];
  const extension = RUNNING_COMPILED ? '.js' : '.ts';
  const files = readdirSync(directory)
    .filter((file) => file.endsWith(extension) && !file.endsWith('.d.ts'))
    .sort();
  const migrations: MigrationClass[] = [];
  for (const file of files) {
    const module = (await import(new URL(file, `file://${directory}`).href)) as Record<string, unknown>;
    migrations.push(...Object.values(module).filter((value): value is MigrationClass => typeof value === 'function'));
  }
  return migrations;
}
