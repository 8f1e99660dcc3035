// The embedded default (PGlite, inline jobs): an invoice run of a building the size of the demo's (120
// leases, PDFs and UBL, mail off) on PGlite beside the same run on PostgreSQL (also with inline jobs),
// in the same run; and how long `npm start` takes to answer /health the first time (migrating and
// loading the demo) and the second time (on the same data directory).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureRun } from './invoice-run.bench.js';

const DEMO_SIZE = { buildings: 1, leases: 120 };
const WITHOUT_MAIL = { MAIL_ENABLED: 'false', REDIS_URL: undefined };

/** Seconds from starting `node dist/main.js` until /health answers 200. */
async function timeStart(dataDir, port) {
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_REQUESTS: 'false' };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'ADMIN_EMAIL', 'ADMIN_PASSWORD']) delete env[name];
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/main.js'], { env, stdio: 'ignore' });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start stopped (exit ${child.exitCode})`);
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) return (performance.now() - started) / 1000;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
  }
}

export async function run() {
  const embedded = await measureRun('embedded', WITHOUT_MAIL, {
    size: DEMO_SIZE,
    scratch: { env: { DATA_DIR: 'memory://' }, drop: async () => {} },
  });
  let postgres = null;
  if (process.env.DATABASE_URL) postgres = await measureRun('embedded_pg', WITHOUT_MAIL, { size: DEMO_SIZE });
  console.log(`invoice run of ${embedded.invoices} invoices (PDF and UBL each), inline jobs:`);
  console.log(`  PGlite: ${embedded.runSeconds.toFixed(1)} s = ${embedded.rate.toFixed(0)} invoices/s`);
  if (postgres) {
    console.log(`  PostgreSQL: ${postgres.runSeconds.toFixed(1)} s = ${postgres.rate.toFixed(0)} invoices/s`);
    console.log(`  ratio PGlite / PostgreSQL: ${(embedded.rate / postgres.rate).toFixed(2)} (target ≥ 0.5)`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'bp-bench-embedded-'));
  try {
    const first = await timeStart(dataDir, 39_401);
    const second = await timeStart(dataDir, 39_402);
    console.log(
      `npm start (embedded) answers /health: first start ${first.toFixed(1)} s (migrations and demo data), second start ${second.toFixed(1)} s (target ≤ 15 s)`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
