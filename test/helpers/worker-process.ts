import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TestApp } from './test-app.js';

const BUILD_DIR = 'var/test-build';
const BUILD_INPUTS = ['src', 'migrations', 'tsconfig.json', 'tsconfig.build.json', 'tsconfig.migrations.json', 'package-lock.json'];

/**
 * Compiles the app and its migrations into `var/test-build` and answers that folder. The build is
 * shared: by the test files that start worker processes, which take turns through a lock, and by
 * later runs (CI's second Node version) while the sources are the same, as a hash of them says.
 */
export async function buildWorker(): Promise<string> {
  const sources = hashOf(BUILD_INPUTS);
  const stampFile = `${BUILD_DIR}/.sources`;
  await withLock(`${BUILD_DIR}.lock`, () => {
    if (existsSync(`${BUILD_DIR}/worker.js`) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === sources) return;
    rmSync(BUILD_DIR, { recursive: true, force: true });
    const tsc = (project: string, outDir: string) =>
      execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project, '--outDir', outDir, '--incremental', 'false']);
    tsc('tsconfig.build.json', BUILD_DIR);
    tsc('tsconfig.migrations.json', `${BUILD_DIR}/migrations`);
    if (!existsSync(`${BUILD_DIR}/worker.js`)) throw new Error(`no ${BUILD_DIR}/worker.js after the build`);
    writeFileSync(stampFile, sources);
  });
  return BUILD_DIR;
}

function hashOf(paths: string[]): string {
  const hash = createHash('sha256');
  const add = (path: string): void => {
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) add(join(path, entry));
    } else {
      hash.update(path).update(readFileSync(path));
    }
  };
  for (const path of paths) add(path);
  return hash.digest('hex');
}

/** Runs `work` while holding a lock folder; a lock older than five minutes was left by a killed run. */
async function withLock(lock: string, work: () => void): Promise<void> {
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
      else await sleep(250);
    }
  }
  try {
    work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A real worker process (the compiled worker.js) on the test app's database and queue, so it can be killed like one in production. */
export function startWorker(t: TestApp, buildDir: string, env: Record<string, string> = {}): ChildProcess {
  if (t.config.database.kind !== 'postgres') throw new Error('a worker process needs PostgreSQL');
  return spawn(process.execPath, [`${buildDir}/worker.js`], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: t.config.database.url,
      REDIS_URL: process.env.REDIS_URL,
      REDIS_PREFIX: t.config.redis.prefix,
      ADMIN_EMAIL: t.config.auth.adminEmail,
      ADMIN_PASSWORD: t.config.auth.adminPassword,
      MIGRATIONS_RUN: 'false',
      JOBS_CONCURRENCY: '1',
      JOBS_LOCK_MS: '1000',
      JOBS_BACKOFF_MS: '50',
      DATA_DIR: dirname(t.config.mail.dropDirectory),
      ...env,
    },
    stdio: 'ignore',
  });
}

export async function stopWorker(worker: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const exited = new Promise((resolve) => worker.once('exit', resolve));
  worker.kill(signal);
  await exited;
}
