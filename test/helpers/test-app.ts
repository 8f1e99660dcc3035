import type { LogLevel } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { createApp } from '../../src/app.factory.js';
import type { Clock } from '../../src/common/clock/clock.js';
import { loadAppConfig } from '../../src/app.module.js';
import type { AppConfig, Env } from '../../src/config/config.js';

export const TEST_ADMIN = { email: 'admin@test.example', password: 'test-admin-password-1' };

/**
 * Each test file gets a database and a Redis key prefix of its own, so files run in parallel. The
 * database is a copy of the template that jest's global setup migrated, so the boot finds no migration to run.
 */
export interface TestEnvironment {
  env: Env;
  release(): Promise<void>;
}

export async function isolatedEnvironment(overrides: Env = {}): Promise<TestEnvironment> {
  const suffix = randomBytes(6).toString('hex');
  const env: Env = {
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    DEMO_DATA: 'false',
    LOG_REQUESTS: 'false',
    JOBS_BACKOFF_MS: '20',
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: `bp-test-${suffix}`,
    ...overrides,
  };
  const cleanups: (() => Promise<void>)[] = [];
  const template = process.env.BROEDPLAATS_TEST_TEMPLATE;
  if (!template) throw new Error('BROEDPLAATS_TEST_TEMPLATE is unset: jest’s global setup (test/template/) migrates the template');
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    // Named for the run: jest's global teardown drops them all at once (see global-setup.ts).
    const database = `${process.env.BROEDPLAATS_TEST_DATABASE_PREFIX ?? 'bp_test_'}${suffix}`;
    await withPg(serverUrl, (client) => client.query(`CREATE DATABASE ${database} TEMPLATE ${template}`));
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    env.DATABASE_URL = url.toString();
    // Mail without SMTP_URL is written under DATA_DIR/mail: a directory of the file's own, not ./var.
    const dataDir = env.DATA_DIR ?? join(tmpdir(), `bp-test-${suffix}`);
    env.DATA_DIR = dataDir;
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  } else {
    const directory = join(tmpdir(), `bp-test-${suffix}`);
    cpSync(template, directory, { recursive: true });
    env.DATA_DIR = directory;
    cleanups.push(async () => rmSync(directory, { recursive: true, force: true }));
  }
  if (env.REDIS_URL) {
    const redisUrl = env.REDIS_URL;
    cleanups.push(() => deleteRedisKeys(redisUrl, `${env.REDIS_PREFIX}:*`));
  }
  return {
    env,
    release: async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    },
  };
}

async function withPg(url: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

async function deleteRedisKeys(url: string, pattern: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  http(): TestAgent;
  /** A bearer header for the user with these credentials. */
  login(email: string, password: string): Promise<{ Authorization: string }>;
  admin: { Authorization: string };
  close(): Promise<void>;
}

/** The whole AppModule over HTTP, on Postgres/Redis when DATABASE_URL/REDIS_URL are set, else embedded. */
export async function startTestApp(overrides: Env = {}, options: { clock?: Clock; logLevels?: LogLevel[] } = {}): Promise<TestApp> {
  const environment = await isolatedEnvironment(overrides);
  const config = loadAppConfig(environment.env);
  const app = await createApp(config, { logLevels: options.logLevels ?? ['error', 'fatal'], clock: options.clock });
  await app.getHttpAdapter().getInstance().ready();
  const http = () => request(app.getHttpServer());
  const login = async (email: string, password: string) => {
    const response = await http().post('/api/auth/login').send({ email, password });
    if (response.status !== 200) throw new Error(`login of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return { Authorization: `Bearer ${(response.body as { accessToken: string }).accessToken}` };
  };
  // The first admin of the environment: the test admin unless a test boots with the README's defaults.
  const admin = await login(environment.env.ADMIN_EMAIL ?? TEST_ADMIN.email, environment.env.ADMIN_PASSWORD ?? TEST_ADMIN.password);
  return {
    app,
    config,
    http,
    login,
    admin,
    close: async () => {
      await app.close();
      await environment.release();
    },
  };
}
