import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TestApp } from './test-app.js';

/** Compiles the app and its migrations into `buildDir`, once per test file (files build side by side). */
export function buildWorker(buildDir: string): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', buildDir]);
  execFileSync(process.execPath, [
    'node_modules/typescript/bin/tsc',
    '-p',
    'tsconfig.migrations.json',
    '--outDir',
    `${buildDir}/migrations`,
  ]);
  if (!existsSync(`${buildDir}/worker.js`)) throw new Error(`no ${buildDir}/worker.js after the build`);
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
