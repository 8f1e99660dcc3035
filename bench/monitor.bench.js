// The city monitor over 300 buildings and 100,000 leases: the whole JSON report (queued job, SQL,
// masking, rendering, storing) beside the bare SQL aggregates it runs, in the same process.
import { scratchDatabase } from './scratch-database.js';
import { DataSource } from 'typeorm';
import { createApp } from '../dist/app.factory.js';
import { loadAppConfig } from '../dist/app.module.js';
import { ReportsRepository } from '../dist/modules/reports/reports.repository.js';
import { ReportsService } from '../dist/modules/reports/reports.service.js';
import { SYSTEM_PRINCIPAL } from '../dist/common/auth/principal.js';

const BUILDINGS = Number(process.env.BENCH_MONITOR_BUILDINGS ?? 300);
const LEASES = Number(process.env.BENCH_MONITOR_LEASES ?? 100_000);

async function seed(dataSource) {
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

    const report = await reports.request(
      { kind: 'municipality-monitor', city: 'Amsterdam', period: '2012', format: 'json' },
      SYSTEM_PRINCIPAL,
    );
    const reportStarted = performance.now();
    for (;;) {
      const row = await repository.find(report.id);
      if (row.status === 'completed') break;
      if (row.status === 'failed') throw new Error(row.error);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const reportSeconds = (performance.now() - reportStarted) / 1000;
    console.log(`bare SQL aggregates: ${counts.length} buildings in ${sqlSeconds.toFixed(2)} s`);
    console.log(`whole JSON report:   ${reportSeconds.toFixed(2)} s (target ≤ 3 s)`);
    console.log(`ratio report / bare SQL: ${(reportSeconds / sqlSeconds).toFixed(2)}`);
  } finally {
    await app.close();
    await scratch.drop();
  }
}
