import { readFileSync } from 'node:fs';
import { loadAppConfig } from '../app.module.js';
import type { Env } from './config.js';

/**
 * The names of the variables the config reads, found by watching it read: an environment that
 * records every key asked of it, once embedded and once with PostgreSQL (each reads its own).
 */
function variablesTheConfigReads(): Set<string> {
  const read = new Set<string>();
  const recording = (values: Env): Env =>
    new Proxy(values, {
      get: (target, key) => {
        if (typeof key === 'string') read.add(key);
        return target[key as string];
      },
    });
  loadAppConfig(recording({}));
  loadAppConfig(recording({ DATABASE_URL: 'postgresql://localhost/x', ADMIN_EMAIL: 'a@b.nl', ADMIN_PASSWORD: 'a-long-enough-secret' }));
  return read;
}

/** The variables in the first column of the README's configuration table. */
function variablesTheReadmeLists(): Set<string> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.split(/^## Configuration$/m)[1]!.split(/^## /m)[0]!;
  const firstColumns = section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.split('|')[1]!);
  return new Set(firstColumns.flatMap((cell) => [...cell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((match) => match[1]!)));
}

describe('the README’s configuration table', () => {
  it('lists every variable the config reads, and no other', () => {
    const read = variablesTheConfigReads();
    expect(read.size).toBeGreaterThan(10);
    expect([...variablesTheReadmeLists()].sort()).toEqual([...read].sort());
  });
});
