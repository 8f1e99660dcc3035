import { NestFactory } from '@nestjs/core';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module.js';
import { JobHandlerRegistry } from '../src/jobs/job-handler.registry.js';
import { JobQueue } from '../src/jobs/job-queue.js';
import { eventually } from './helpers/eventually.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const redisUrl = process.env.REDIS_URL;
const drivers: { driver: 'inline' | 'bull'; env: Record<string, string> }[] = [
  { driver: 'inline', env: { REDIS_URL: '' } },
  ...(redisUrl ? [{ driver: 'bull' as const, env: { REDIS_URL: redisUrl } }] : []),
];

describe.each(drivers)('the $driver job driver', ({ driver, env }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(env);
  });
  afterAll(() => t.close());

  it('is the driver the environment asks for, and every job name has a handler', () => {
    expect(t.app.get(JobQueue).driver).toBe(driver);
    const registry = t.app.get(JobHandlerRegistry);
    expect(registry.registeredNames()).toEqual(
      expect.arrayContaining(['auth.purge-login-attempts', 'invoices.issue-chunk', 'handovers.execute', 'reports.generate']),
    );
    expect(new Set(registry.handledNames())).toEqual(new Set(registry.registeredNames()));
  });

  it('retries a handler that fails once and runs its effect once', async () => {
    const effects: string[] = [];
    let attempts = 0;
    t.app.get(JobHandlerRegistry).register('auth.purge-login-attempts', {
      handle: async (payload) => {
        attempts++;
        if (attempts === 1) throw new Error('injected failure before the effect');
        effects.push(payload.before);
      },
    });
    await t.app.get(JobQueue).enqueue('auth.purge-login-attempts', { before: 'retry-once' }, { jobId: `retry-once-${driver}` });
    await eventually(() => expect(effects).toEqual(['retry-once']));
    expect(attempts).toBe(2);
  });

  it('runs the same job id once when it is enqueued twice', async () => {
    const effects: string[] = [];
    t.app.get(JobHandlerRegistry).register('auth.purge-login-attempts', {
      handle: async (payload) => {
        await sleep(50);
        effects.push(payload.before);
      },
    });
    const queue = t.app.get(JobQueue);
    await Promise.all([
      queue.enqueue('auth.purge-login-attempts', { before: 'first' }, { jobId: `same-id-${driver}` }),
      queue.enqueue('auth.purge-login-attempts', { before: 'second' }, { jobId: `same-id-${driver}` }),
    ]);
    await queue.enqueue('auth.purge-login-attempts', { before: 'other' }, { jobId: `other-id-${driver}` });
    await eventually(() => expect(effects).toContain('other'));
    await sleep(200);
    expect(effects.filter((effect) => effect !== 'other')).toHaveLength(1);
  });
});

(redisUrl ? describe : describe.skip)('RUN_WORKERS=false with bull', () => {
  it('keeps jobs out of the API process; a separate worker runs them', async () => {
    const api = await startTestApp({ REDIS_URL: redisUrl!, RUN_WORKERS: 'false' });
    const dataSource = api.app.get(DataSource);
    const failureCount = async () => Number((await dataSource.query(`SELECT count(*) AS n FROM login_failure`))[0].n);
    try {
      await dataSource.query(`INSERT INTO login_failure (email, attempted_at) VALUES ('old@test.example', now() - interval '2 days')`);
      await api.app.get(JobQueue).enqueue('auth.purge-login-attempts', { before: new Date().toISOString() }, { jobId: 'purge-by-worker' });
      await sleep(500);
      expect(await failureCount()).toBe(1);

      const worker = await NestFactory.createApplicationContext(
        AppModule.forRoot({ ...api.config, app: { ...api.config.app, runWorkers: true } }),
        {
          logger: ['error'],
        },
      );
      try {
        await eventually(async () => expect(await failureCount()).toBe(0));
      } finally {
        await worker.close();
      }
    } finally {
      await api.close();
    }
  });
});
