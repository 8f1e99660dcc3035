import { eventually } from './helpers/eventually.js';
import { privateRedis, type PrivateRedis } from './helpers/private-redis.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

// The outage is staged on a Redis of this file's own; the embedded run has no Redis to lose.
const withRedis = process.env.REDIS_URL ? describe : describe.skip;
if (!process.env.REDIS_URL) console.warn('redis-outage.e2e-spec: skipped, it needs REDIS_URL (the run on Postgres and Redis)');

withRedis('a Redis outage', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  beforeAll(async () => {
    redis = await privateRedis();
    await redis.start();
    t = await startTestApp({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    // Redis back first, so the queue can close cleanly.
    await redis.start();
    await t.close();
    await redis.kill();
  });

  it('makes /health answer 503 degraded within 2 s, and ok again once Redis is back', async () => {
    expect((await t.http().get('/health')).body).toEqual({ status: 'ok', database: 'up', queue: 'up' });
    await redis.kill();

    for (let probe = 0; probe < 3; probe++) {
      const started = Date.now();
      const health = await t.http().get('/health').timeout(5000);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(health.status).toBe(503);
      expect(health.body).toEqual({ status: 'degraded', database: 'up', queue: 'down' });
    }

    await redis.start();
    await eventually(async () => {
      const health = await t.http().get('/health');
      expect(health.status).toBe(200);
      expect(health.body).toEqual({ status: 'ok', database: 'up', queue: 'up' });
    }, 20_000);
  });
});
