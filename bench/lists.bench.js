// Two list endpoints of the product under 50 concurrent connections for 10 s each (autocannon), beside a
// bare Fastify handler sending the same SQL through pg to the same database, in the same run:
// GET /api/buildings/:id/floors (8 floors with 40 spaces each) and GET /api/invoices?buildingId=&period=
// (a page of 100 of the building's 300 invoices). Needs DATABASE_URL (a scratch database).
import { fork } from 'node:child_process';
import autocannon from 'autocannon';
import { scratchDatabase } from './scratch-database.js';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_LIST_SECONDS ?? 10);

function startServer(mode, env) {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./lists.server.js', import.meta.url), [mode], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('message', (started) => resolve({ ...started, child }));
    child.once('exit', (code) => reject(new Error(`the ${mode} server stopped (exit ${code})`)));
  });
}

async function stop(server) {
  server.child.removeAllListeners('exit');
  server.child.kill('SIGTERM');
  await new Promise((resolve) => server.child.once('exit', resolve));
}

async function load(url, headers = {}) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} answers not 2xx, ${result.errors} errors`);
  return { rate: result.requests.average, p99: result.latency.p99 };
}

export async function run() {
  if (!process.env.DATABASE_URL) {
    console.log('skipped: needs DATABASE_URL (the baseline is bare pg on PostgreSQL)');
    return;
  }
  const scratch = await scratchDatabase('lists');
  try {
    const app = await startServer('app', scratch.env);
    const login = await fetch(`http://127.0.0.1:${app.port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: scratch.env.ADMIN_EMAIL, password: scratch.env.ADMIN_PASSWORD }),
    });
    const { accessToken } = await login.json();
    const auth = { authorization: `Bearer ${accessToken}` };
    const query = `buildingId=${app.buildingId}&period=2012-03`;
    const product = {
      floors: await load(`http://127.0.0.1:${app.port}/api/buildings/${app.buildingId}/floors`, auth),
      invoices: await load(`http://127.0.0.1:${app.port}/api/invoices?${query}`, auth),
    };
    await stop(app);
    const bare = await startServer('bare', scratch.env);
    const baseline = {
      floors: await load(`http://127.0.0.1:${bare.port}/floors/${app.buildingId}`),
      invoices: await load(`http://127.0.0.1:${bare.port}/invoices?${query}`),
    };
    await stop(bare);
    console.log(`${CONNECTIONS} connections, ${SECONDS} s each, PostgreSQL`);
    for (const [name, path] of [
      ['floors', 'GET /api/buildings/:id/floors'],
      ['invoices', 'GET /api/invoices?buildingId=&period='],
    ]) {
      const [ours, theirs] = [product[name], baseline[name]];
      console.log(
        `${path}: ${ours.rate.toFixed(0)} req/s, p99 ${ours.p99} ms; bare Fastify + pg ${theirs.rate.toFixed(0)} req/s, p99 ${theirs.p99} ms`,
      );
      console.log(`  ratio product / bare: ${(ours.rate / theirs.rate).toFixed(2)} (target ≥ 0.5)`);
    }
  } finally {
    await scratch.drop();
  }
}
