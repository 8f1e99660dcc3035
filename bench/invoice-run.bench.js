// An invoice run over 10 buildings × 300 leases (3,000 invoices, PDFs and UBL stored, each tenant
// mailed), through the real app (inline jobs, or bull with REDIS_URL), beside the bare single-thread
// pdfkit rendering of the same invoices (fonts parsed once, as the product does), and beside the same
// run with mail and UBL off. Uses DATABASE_URL when set (scratch databases), else embedded PGlite.
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../dist/app.factory.js';
import { loadAppConfig } from '../dist/app.module.js';
import { FixedClock } from '../dist/common/clock/clock.js';
import { scratchDatabase } from './scratch-database.js';
import { DataSource, In } from 'typeorm';
import { renderInvoicePdf } from '../dist/modules/invoices/invoice-pdf.js';
import { InvoiceRenderer } from '../dist/modules/invoices/invoice-renderer.js';
import { InvoiceRunsService } from '../dist/modules/invoices/invoice-runs.service.js';
import { InvoicesRepository } from '../dist/modules/invoices/invoices.repository.js';

const BUILDINGS = Number(process.env.BENCH_BUILDINGS ?? 10);
const LEASES = Number(process.env.BENCH_LEASES ?? 300);
const MB = 1024 * 1024;

async function seed(dataSource, { buildings, leases }) {
  const [umbrella] = await dataSource.query(
    `INSERT INTO organisation (name, kind, address, kvk_number, vat_number, iban) VALUES ('Stichting Urban Resort', 'umbrella', 'Wibautstraat 150, 1091 GR Amsterdam', '34263538', 'NL815763436B01', 'NL91ABNA0417164300') RETURNING id`,
  );
  const [owner] = await dataSource.query(`INSERT INTO organisation (name, kind) VALUES ('Stadgenoot', 'owner') RETURNING id`);
  const buildingIds = [];
  for (let b = 0; b < buildings; b++) {
    const [building] = await dataSource.query(
      `INSERT INTO building (name, address, city, owner_id, umbrella_id, kind, use_start, use_end, invoice_prefix)
       VALUES ($1, 'Straat 1', 'Amsterdam', $2, $3, 'temporary', '2007-01-01', '2014-01-01', $4) RETURNING id`,
      [`Pand ${b}`, owner.id, umbrella.id, `BN${String(b).padStart(3, '0')}`],
    );
    const [floor] = await dataSource.query(`INSERT INTO floor (building_id, level) VALUES ($1, 1) RETURNING id`, [building.id]);
    // Every tenant has a KvK number and a full address, so each invoice also gets its UBL e-invoice.
    await dataSource.query(
      `WITH n AS (SELECT i, gen_random_uuid() AS space_id, gen_random_uuid() AS tenant_id FROM generate_series(1, $3::int) i),
            s AS (INSERT INTO space (id, floor_id, building_id, code, area_m2, use) SELECT space_id, $2::uuid, $1::uuid, 'S' || i, 20 + i % 25, 'studio' FROM n),
            t AS (INSERT INTO tenant (id, name, email, address, kvk_number) SELECT tenant_id, 'Łukasz Maker ' || i, 'm' || tenant_id || '@x.nl', 'Wibautstraat 150, 1091 GR Amsterdam', lpad((10000000 + i)::text, 8, '0') FROM n),
            l AS (INSERT INTO lease (tenant_id, space_id, building_id, start_date, end_date, notice_months, band_code, rate_per_m2_year_cents, area_m2, service_charge_monthly_cents)
                  SELECT tenant_id, space_id, $1::uuid, '2012-01-01', '2013-06-30', 1, 'A', 6000, 20 + i % 25, 2500 FROM n RETURNING id, start_date)
       INSERT INTO lease_revision (lease_id, effective_date, band_code, rate_per_m2_year_cents, reason) SELECT id, start_date, 'A', 6000, 'signing' FROM l`,
      [building.id, floor.id, leases],
    );
    buildingIds.push(building.id);
  }
  return buildingIds;
}

/** The highest RSS of this process (the API, its job handlers and its render threads) while `work` runs. */
async function withPeakRss(work) {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  try {
    return { result: await work(), peakRss: peak };
  } finally {
    clearInterval(sampler);
  }
}

async function waitFor(dataSource, sql, params, expected) {
  for (;;) {
    const [{ n }] = await dataSource.query(sql, params);
    if (n >= expected) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One whole run over fresh data (`scratch`: a database of the caller's); with `keep`, the app stays open for the caller (and must be closed). */
export async function measureRun(name, env, { keep = false, size = { buildings: BUILDINGS, leases: LEASES }, scratch: given } = {}) {
  const scratch = given ?? (await scratchDatabase(name));
  const mailDir = mkdtempSync(join(tmpdir(), 'bp-bench-mail-'));
  const config = loadAppConfig({
    DATA_DIR: mailDir,
    ...scratch.env,
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: `bench-${name}-${Date.now()}`,
    DEMO_DATA: 'false',
    LOG_REQUESTS: 'false',
    ...env,
  });
  const app = await createApp(config, { logLevels: ['error'], clock: FixedClock.on('2012-03-01') });
  const close = async () => {
    await app.close();
    await scratch.drop();
    rmSync(mailDir, { recursive: true, force: true });
  };
  try {
    const dataSource = app.get(DataSource);
    const buildingIds = await seed(dataSource, size);
    const total = size.buildings * size.leases;
    const runs = app.get(InvoiceRunsService);
    const system = { userId: 'bench', role: 'admin', organisationId: null, tenantId: null };
    const { result, peakRss } = await withPeakRss(async () => {
      const started = performance.now();
      const runIds = [];
      for (const buildingId of buildingIds) runIds.push((await runs.start(buildingId, '2012-03', system)).run.id);
      await waitFor(
        dataSource,
        `SELECT count(*)::int AS n FROM invoice_run WHERE id = ANY($1) AND status = 'completed'`,
        [runIds],
        runIds.length,
      );
      const runSeconds = (performance.now() - started) / 1000;
      let mailSeconds = null;
      if (config.mail.enabled) {
        // Mail is sent by jobs of its own after the run: the time until every tenant's mail is out.
        await waitFor(dataSource, `SELECT count(*)::int AS n FROM message WHERE status = 'sent'`, [], total);
        mailSeconds = (performance.now() - started) / 1000;
      }
      return { runSeconds, mailSeconds };
    });
    const [{ invoices, pdfs, ubls }] = await dataSource.query(
      `SELECT count(*)::int AS invoices, count(document_id)::int AS pdfs, count(ubl_document_id)::int AS ubls FROM invoice`,
    );
    if (invoices !== total || pdfs !== total) throw new Error(`expected ${total} invoices with PDFs, got ${invoices} / ${pdfs}`);
    const threads = await app.get(InvoiceRenderer).threads();
    const measured = {
      ...result,
      invoices,
      pdfs,
      ubls,
      rate: invoices / result.runSeconds,
      peakRss,
      threads,
      database: config.database.kind,
      queue: config.redis.url ? 'bull' : 'inline',
    };
    if (keep) return { ...measured, app, close };
    await close();
    return measured;
  } catch (error) {
    await close();
    throw error;
  }
}

/** The same invoices rendered by the bare renderer on this thread, one after another, nothing else. */
async function bareRendering(app) {
  const dataSource = app.get(DataSource);
  const repository = app.get(InvoicesRepository);
  const stored = await dataSource.query(`SELECT id FROM invoice ORDER BY number`);
  const all = [];
  for (let offset = 0; offset < stored.length; offset += 500) {
    const ids = stored.slice(offset, offset + 500).map((row) => row.id);
    const rows = await dataSource.getRepository('Invoice').findBy({ id: In(ids) });
    const lines = await repository.linesOf(ids);
    for (const invoice of rows) {
      all.push({ ...invoice, credits: null, buildingName: 'Pand', payment: { kind: 'transfer', bic: null }, lines: lines.get(invoice.id) });
    }
  }
  for (const invoice of all.slice(0, 20)) await renderInvoicePdf(invoice); // fonts parsed, code warm
  const started = performance.now();
  for (const invoice of all) await renderInvoicePdf(invoice);
  return all.length / ((performance.now() - started) / 1000);
}

function describe(label, run) {
  const mail = run.mailSeconds === null ? '' : `, all ${run.invoices} mailed after ${run.mailSeconds.toFixed(1)} s`;
  console.log(
    `${label} ${run.invoices} invoices, ${run.pdfs} PDFs, ${run.ubls} UBL in ${run.runSeconds.toFixed(1)} s = ${run.rate.toFixed(0)} invoices/s${mail}`,
  );
  const heaps = run.threads.heapsUsed.map((bytes) => (bytes / MB).toFixed(0)).join(' + ');
  console.log(
    `${' '.repeat(label.length)} peak RSS ${(run.peakRss / MB).toFixed(0)} MB (API, job handlers and ${run.threads.size} render threads in one process${heaps ? `; thread heaps ${heaps} MB` : ''}; limit 400 MB)`,
  );
}

/** The V8 flags `npm start` runs the API with (its heap bound), so the bench's memory is the product's. */
function startFlags() {
  const { scripts } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return scripts.start.match(/--max-old-space-size=\d+/g) ?? [];
}

/** One variant of the run in a process of its own, so each one's memory is its own; its figures come back as JSON. */
function inChild(variant) {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./invoice-run.child.js', import.meta.url), [variant], {
      execArgv: startFlags(),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result;
    child.on('message', (message) => (result = message));
    child.on('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`the ${variant} run failed (exit ${code})`))));
  });
}

/** What the child process runs: `on` (the defaults: mail and UBL on, then the bare rendering) or `off`. */
export async function measureVariant(variant) {
  if (variant === 'off') return measureRun('invoices_off', { MAIL_ENABLED: 'false', INVOICE_E_INVOICES: 'false' });
  const full = await measureRun('invoices', {}, { keep: true });
  try {
    return { ...full, app: undefined, close: undefined, renderRate: await bareRendering(full.app) };
  } finally {
    await full.close();
  }
}

export async function run() {
  const full = await inChild('on');
  const off = await inChild('off');
  console.log(
    `database: ${full.database}, queue: ${full.queue}, ${BUILDINGS} buildings × ${LEASES} leases, node ${startFlags().join(' ')}`,
  );
  describe('invoice run, mail and UBL on: ', full);
  describe('invoice run, mail and UBL off:', off);
  console.log(`bare rendering (1 thread, fonts parsed once): ${full.renderRate.toFixed(0)} PDFs/s`);
  console.log(`ratio run (mail and UBL on) / bare rendering: ${(full.rate / full.renderRate).toFixed(2)} (target ≥ 1.0)`);
  console.log(`ratio run (mail and UBL off) / bare rendering: ${(off.rate / full.renderRate).toFixed(2)}`);
  console.log(`ratio run with mail and UBL / without: ${(full.rate / off.rate).toFixed(2)}`);
}
