// An invoice run over 10 buildings × 300 leases (3,000 invoices, PDFs stored), through the real
// app (inline jobs, or bull with REDIS_URL), beside the bare pdfkit rendering of the same invoices.
// Uses DATABASE_URL when set (a scratch database is created and dropped), else embedded PGlite.
import { createApp } from '../dist/app.factory.js';
import { loadAppConfig } from '../dist/app.module.js';
import { FixedClock } from '../dist/common/clock/clock.js';
import { scratchDatabase } from './scratch-database.js';
import { DataSource, In } from 'typeorm';
import { renderInvoicePdf } from '../dist/modules/invoices/invoice-pdf.js';
import { InvoicesRepository } from '../dist/modules/invoices/invoices.repository.js';

const BUILDINGS = Number(process.env.BENCH_BUILDINGS ?? 10);
const LEASES = Number(process.env.BENCH_LEASES ?? 300);

async function seed(dataSource) {
  const [umbrella] = await dataSource.query(
    `INSERT INTO organisation (name, kind, address, kvk_number, vat_number, iban) VALUES ('Stichting Urban Resort', 'umbrella', 'Wibautstraat 150, 1091 GR Amsterdam', '34263538', 'NL815763436B01', 'NL91ABNA0417164300') RETURNING id`,
  );
  const [owner] = await dataSource.query(`INSERT INTO organisation (name, kind) VALUES ('Stadgenoot', 'owner') RETURNING id`);
  const buildingIds = [];
  for (let b = 0; b < BUILDINGS; b++) {
    const [building] = await dataSource.query(
      `INSERT INTO building (name, address, city, owner_id, umbrella_id, kind, use_start, use_end, invoice_prefix)
       VALUES ($1, 'Straat 1', 'Amsterdam', $2, $3, 'temporary', '2007-01-01', '2014-01-01', $4) RETURNING id`,
      [`Pand ${b}`, owner.id, umbrella.id, `BN${String(b).padStart(3, '0')}`],
    );
    const [floor] = await dataSource.query(`INSERT INTO floor (building_id, level) VALUES ($1, 1) RETURNING id`, [building.id]);
    await dataSource.query(
      `WITH n AS (SELECT i, gen_random_uuid() AS space_id, gen_random_uuid() AS tenant_id FROM generate_series(1, $3::int) i),
            s AS (INSERT INTO space (id, floor_id, building_id, code, area_m2, use) SELECT space_id, $2::uuid, $1::uuid, 'S' || i, 20 + i % 25, 'studio' FROM n),
            t AS (INSERT INTO tenant (id, name, email, address) SELECT tenant_id, 'Łukasz Maker ' || i, 'm' || tenant_id || '@x.nl', 'Wibautstraat 150, 1091 GR Amsterdam' FROM n),
            l AS (INSERT INTO lease (tenant_id, space_id, building_id, start_date, end_date, notice_months, band_code, rate_per_m2_year_cents, area_m2, service_charge_monthly_cents)
                  SELECT tenant_id, space_id, $1::uuid, '2012-01-01', '2013-06-30', 1, 'A', 6000, 20 + i % 25, 2500 FROM n RETURNING id, start_date)
       INSERT INTO lease_revision (lease_id, effective_date, band_code, rate_per_m2_year_cents, reason) SELECT id, start_date, 'A', 6000, 'signing' FROM l`,
      [building.id, floor.id, LEASES],
    );
    buildingIds.push(building.id);
  }
  return buildingIds;
}

export async function run() {
  const scratch = await scratchDatabase('invoices');
  const config = loadAppConfig({
    ...scratch.env,
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: `bench-${Date.now()}`,
    DEMO_DATA: 'false',
    LOG_REQUESTS: 'false',
  });
  const app = await createApp(config, { logLevels: ['error'], clock: FixedClock.on('2012-03-01') });
  try {
    const dataSource = app.get(DataSource);
    const buildingIds = await seed(dataSource);
    const total = BUILDINGS * LEASES;

    const { InvoiceRunsService } = await import('../dist/modules/invoices/invoice-runs.service.js');
    const runs = app.get(InvoiceRunsService);
    const system = { userId: 'bench', role: 'admin', organisationId: null, tenantId: null };
    const started = performance.now();
    const runIds = [];
    for (const buildingId of buildingIds) runIds.push((await runs.start(buildingId, '2012-03', system)).run.id);
    for (;;) {
      const [{ done }] = await dataSource.query(
        `SELECT count(*)::int AS done FROM invoice_run WHERE id = ANY($1) AND status = 'completed'`,
        [runIds],
      );
      if (done === runIds.length) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const runSeconds = (performance.now() - started) / 1000;
    const [{ invoices, pdfs }] = await dataSource.query(`SELECT count(*)::int AS invoices, count(document_id)::int AS pdfs FROM invoice`);

    // Baseline: the same invoices rendered by the bare renderer, nothing else.
    const repository = app.get(InvoicesRepository);
    const stored = await dataSource.query(`SELECT id FROM invoice ORDER BY number`);
    const all = [];
    for (let offset = 0; offset < stored.length; offset += 500) {
      const ids = stored.slice(offset, offset + 500).map((row) => row.id);
      const rows = await dataSource.getRepository('Invoice').findBy({ id: In(ids) });
      const lines = await repository.linesOf(ids);
      for (const invoice of rows) {
        all.push({
          ...invoice,
          credits: null,
          buildingName: 'Pand',
          payment: { kind: 'transfer', bic: null },
          lines: lines.get(invoice.id),
        });
      }
    }
    const renderStarted = performance.now();
    for (const invoice of all) await renderInvoicePdf(invoice);
    const renderSeconds = (performance.now() - renderStarted) / 1000;

    const runRate = invoices / runSeconds;
    const renderRate = all.length / renderSeconds;
    console.log(
      `database: ${config.database.kind}, queue: ${config.redis.url ? 'bull' : 'inline'}, ${BUILDINGS} buildings × ${LEASES} leases`,
    );
    console.log(
      `invoice run:      ${invoices} invoices, ${pdfs} PDFs stored in ${runSeconds.toFixed(1)} s = ${runRate.toFixed(0)} invoices/s`,
    );
    console.log(`bare rendering:   ${all.length} PDFs in ${renderSeconds.toFixed(1)} s = ${renderRate.toFixed(0)} PDFs/s`);
    console.log(`ratio run / bare rendering: ${(runRate / renderRate).toFixed(2)} (target ≥ 0.5)`);
    if (invoices !== total || pdfs !== total) throw new Error(`expected ${total} invoices with PDFs, got ${invoices} / ${pdfs}`);
  } finally {
    await app.close();
    await scratch.drop();
  }
}
