// The city monitor over 300 buildings and 100,000 leases: the whole JSON report (queued job, SQL of the
// year and of its twelve-month trend, masking, rendering, storing) beside the bare SQL aggregates of the
// year; and the owner's occupancy report of one building with 1,000 leases beside its bare SQL.
import { scratchDatabase } from './scratch-database.js';
import { DataSource } from 'typeorm';
import { createApp } from '../dist/app.factory.js';
import { loadAppConfig } from '../dist/app.module.js';
import { ReportsRepository } from '../dist/modules/reports/reports.repository.js';
import { ReportsService } from '../dist/modules/reports/reports.service.js';
import { SYSTEM_PRINCIPAL } from '../dist/common/auth/principal.js';

const BUILDINGS = Number(process.env.BENCH_MONITOR_BUILDINGS ?? 300);
const LEASES = Number(process.env.BENCH_MONITOR_LEASES ?? 100_000);

export async function seed(dataSource) {
  const perBuilding = Math.ceil(LEASES / BUILDINGS);
  await dataSource.query(`
    WITH o AS (INSERT INTO organisation (name, kind, city) VALUES ('Eigenaar', 'owner', NULL), ('Koepel', 'umbrella', NULL), ('Gemeente', 'municipality', 'Amsterdam') RETURNING id, kind),
         b AS (INSERT INTO building (name, address, city, owner_id, umbrella_id, kind, use_start, use_end, invoice_prefix)
               SELECT 'Pand ' || i, 'Straat ' || i || ', 109' || (i % 9) || ' AB', 'Amsterdam', (SELECT id FROM o WHERE kind = 'owner'), (SELECT id FROM o WHERE kind = 'umbrella'),
                      'temporary', '2007-01-01', '2014-01-01', 'P' || lpad(i::text, 5, '0')
                 FROM generate_series(1, ${BUILDINGS}) i RETURNING id)
    INSERT INTO floor (building_id, level) SELECT id, level FROM b, generate_series(0, 3) level`);
  await dataSource.query(`
    INSERT INTO space (floor_id, building_id, code, area_m2, use)
    SELECT f.id, f.building_id, f.level || '.' || n, 15 + (n % 30), 'studio'
      FROM floor f, generate_series(1, ${Math.ceil(perBuilding / 4) + 5}) n`);
  await dataSource.query(`
    WITH s AS (SELECT id, building_id, area_m2, row_number() OVER (ORDER BY building_id, id) AS n FROM space),
         picked AS (SELECT * FROM s WHERE n <= ${LEASES}),
         t AS (INSERT INTO tenant (name, email, discipline, postcode)
               SELECT 'Maker ' || n, 'maker' || n || '@bench.example', (ARRAY['design','dans','mode','ICT','beeldende kunst'])[1 + n % 5], '109' || (n % 10) || ' AB'
                 FROM picked RETURNING id, email),
         l AS (INSERT INTO lease (tenant_id, space_id, building_id, start_date, end_date, notice_months, band_code, rate_per_m2_year_cents, area_m2)
               SELECT t.id, p.id, p.building_id, '2011-01-01', '2013-06-30', 1, (ARRAY['A','B','C'])[1 + p.n % 3], 6000, p.area_m2
                 FROM picked p JOIN t ON t.email = 'maker' || p.n || '@bench.example' RETURNING id, band_code, rate_per_m2_year_cents)
    INSERT INTO lease_revision (lease_id, effective_date, band_code, rate_per_m2_year_cents, reason) SELECT id, '2011-01-01', band_code, rate_per_m2_year_cents, 'signing' FROM l`);
  await dataSource.query(`ANALYZE`);
}

const OWNER_LEASES = Number(process.env.BENCH_OWNER_LEASES ?? 1000);

/** A building of its own with `leases` let spaces over 8 floors. */
async function seedBigBuilding(dataSource, leases) {
  const [building] = await dataSource.query(`
    INSERT INTO building (name, address, city, owner_id, umbrella_id, kind, use_start, use_end, invoice_prefix)
    SELECT 'Groot pand', 'Wibautstraat 150, 1091 GR', 'Utrecht', owner_id, umbrella_id, 'temporary', '2007-01-01', '2014-01-01', 'GROOT'
      FROM building LIMIT 1 RETURNING id`);
  await dataSource.query(`INSERT INTO floor (building_id, level) SELECT $1, level FROM generate_series(0, 7) level`, [building.id]);
  await dataSource.query(
    `INSERT INTO space (floor_id, building_id, code, area_m2, use)
     SELECT f.id, f.building_id, 'G' || f.level || '.' || n, 15 + (n % 30), 'studio' FROM floor f, generate_series(1, $2::int) n WHERE f.building_id = $1`,
    [building.id, Math.ceil(leases / 8)],
  );
  await dataSource.query(
    `WITH s AS (SELECT id, area_m2, row_number() OVER (ORDER BY id) AS n FROM space WHERE building_id = $1 LIMIT $2),
          t AS (INSERT INTO tenant (name, email) SELECT 'Groot ' || n, 'groot' || n || '@bench.example' FROM s RETURNING id, email),
          l AS (INSERT INTO lease (tenant_id, space_id, building_id, start_date, end_date, notice_months, band_code, rate_per_m2_year_cents, area_m2)
                SELECT t.id, s.id, $1, '2011-01-01', '2013-06-30', 1, 'B', 8000, s.area_m2 FROM s JOIN t ON t.email = 'groot' || s.n || '@bench.example'
                RETURNING id)
     INSERT INTO lease_revision (lease_id, effective_date, band_code, rate_per_m2_year_cents, reason) SELECT id, '2011-01-01', 'B', 8000, 'signing' FROM l`,
    [building.id, leases],
  );
  await dataSource.query(`ANALYZE`);
  return building.id;
}

/** From request to stored file: the queued job, its SQL, rendering and storing. */
async function timeReport(reports, repository, request) {
  const started = performance.now();
  const report = await reports.request(request, SYSTEM_PRINCIPAL);
  for (;;) {
    const row = await repository.find(report.id);
    if (row.status === 'completed') break;
    if (row.status === 'failed') throw new Error(row.error);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return (performance.now() - started) / 1000;
}

export async function run() {
  const scratch = await scratchDatabase('monitor');
  const config = loadAppConfig({
    ...scratch.env,
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: `bench-${Date.now()}`,
    DEMO_DATA: 'false',
    LOG_REQUESTS: 'false',
  });
  const app = await createApp(config, { logLevels: ['error'] });
  try {
    const dataSource = app.get(DataSource);
    const seedStarted = performance.now();
    await seed(dataSource);
    const [{ leases }] = await dataSource.query(`SELECT count(*)::int AS leases FROM lease`);
    console.log(
      `seeded ${BUILDINGS} buildings, ${leases} leases in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s (${config.database.kind})`,
    );

    const repository = app.get(ReportsRepository);
    const reports = app.get(ReportsService);
    await repository.cityCounts('Amsterdam', '2012-01-01', '2012-12-31'); // warm up

    const sqlStarted = performance.now();
    const counts = await repository.cityCounts('Amsterdam', '2012-01-01', '2012-12-31');
    const sqlSeconds = (performance.now() - sqlStarted) / 1000;

    const reportSeconds = await timeReport(reports, repository, {
      kind: 'municipality-monitor',
      city: 'Amsterdam',
      period: '2012',
      format: 'json',
    });
    console.log(`bare SQL aggregates of the year: ${counts.length} buildings in ${sqlSeconds.toFixed(2)} s`);
    console.log(`whole JSON monitor report (with its 12-month trend): ${reportSeconds.toFixed(2)} s (target ≤ 1 s)`);
    console.log(`ratio report / bare SQL: ${(reportSeconds / sqlSeconds).toFixed(2)}`);

    // The owner's report of the building with most leases (the seed gives each about 1,000 at 100,000 leases over 100 buildings; here, its own).
    const big = await seedBigBuilding(dataSource, OWNER_LEASES);
    await repository.ownerFacts(big, '2012-12-31'); // warm up
    const ownerSqlStarted = performance.now();
    await Promise.all([repository.ownerFacts(big, '2012-12-31'), repository.ownerReportContext(big, '2012-12-31')]);
    const ownerSqlSeconds = (performance.now() - ownerSqlStarted) / 1000;
    const ownerSeconds = await timeReport(reports, repository, { kind: 'owner-occupancy', buildingId: big, period: '2012', format: 'pdf' });
    console.log(
      `owner report (PDF) of a building with ${OWNER_LEASES} leases: ${ownerSeconds.toFixed(2)} s (target ≤ 0.3 s); bare SQL ${ownerSqlSeconds.toFixed(2)} s`,
    );
  } finally {
    await app.close();
    await scratch.drop();
  }
}
