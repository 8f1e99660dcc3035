// A server for the list benches, in a process of its own so the load generator does not share its
// event loop: `app` (the product, which also seeds the data) or `bare` (Fastify and pg running the
// same SQL). Tells its parent the port, and for `app` what it seeded.
import Fastify from 'fastify';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../dist/app.factory.js';
import { loadAppConfig } from '../dist/app.module.js';
import { FixedClock } from '../dist/common/clock/clock.js';
import { FLOORS_SQL, INVOICES_COUNT_SQL, INVOICES_SQL } from './lists.sql.js';
import { seedOpenInvoices } from './open-invoices.js';

const FLOORS = 8;
const SPACES_PER_FLOOR = 40;
const INVOICES = 300;
// The default page of the product (DEFAULT_PAGE_LIMIT).
const PAGE_LIMIT = 100;

async function seed(dataSource) {
  const { buildingId } = await seedOpenInvoices(dataSource, { count: INVOICES, prefix: 'LIST' });
  // The building's floors, each with its spaces (the invoices' spaces sit on a floor of their own).
  await dataSource.query(
    `INSERT INTO floor (building_id, level, name) SELECT $1, level, 'Verdieping ' || level FROM generate_series(2, $2::int + 1) level`,
    [buildingId, FLOORS - 1],
  );
  await dataSource.query(
    `INSERT INTO space (floor_id, building_id, code, area_m2, use)
     SELECT f.id, f.building_id, f.level || '.' || lpad(n::text, 2, '0'), 15 + n % 30, 'studio'
       FROM floor f, generate_series(1, $2::int) n WHERE f.building_id = $1 AND f.level > 1`,
    [buildingId, SPACES_PER_FLOOR],
  );
  await dataSource.query(`ANALYZE`);
  return buildingId;
}

async function startApp() {
  const config = loadAppConfig({
    DATABASE_URL: process.env.DATABASE_URL,
    ADMIN_EMAIL: process.env.ADMIN_EMAIL,
    ADMIN_PASSWORD: process.env.ADMIN_PASSWORD,
    DEMO_DATA: 'false',
    LOG_REQUESTS: 'false',
    RUN_WORKERS: 'false',
  });
  const app = await createApp(config, { logLevels: ['error'], clock: FixedClock.on('2012-03-01') });
  const buildingId = await seed(app.get(DataSource));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { port: app.getHttpServer().address().port, buildingId };
}

async function startBare() {
  // The same pool size as the product's default (DATABASE_POOL_SIZE 10).
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const app = Fastify();
  app.get('/floors/:buildingId', async (request) => {
    const { rows } = await pool.query(FLOORS_SQL, [request.params.buildingId, PAGE_LIMIT, 0]);
    return { items: rows, total: rows[0]?.total ?? 0 };
  });
  app.get('/invoices', async (request) => {
    const params = [request.query.buildingId, request.query.period];
    const [{ rows }, count] = await Promise.all([
      pool.query(INVOICES_SQL, [...params, PAGE_LIMIT, 0]),
      pool.query(INVOICES_COUNT_SQL, params),
    ]);
    return { items: rows, total: Number(count.rows[0].n) };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { port: app.server.address().port };
}

const started = process.argv[2] === 'bare' ? await startBare() : await startApp();
process.send(started);
