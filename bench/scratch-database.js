// A database of its own for one benchmark: a fresh PostgreSQL database (dropped afterwards) when
// DATABASE_URL is set, an in-memory PGlite otherwise.
import pg from 'pg';

export async function scratchDatabase(name) {
  const server = process.env.DATABASE_URL;
  if (!server) return { env: { DATA_DIR: 'memory://' }, drop: async () => {} };
  const database = `bp_bench_${name}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(server);
  url.pathname = `/${database}`;
  return {
    env: { DATABASE_URL: url.toString(), ADMIN_EMAIL: 'bench@example.org', ADMIN_PASSWORD: 'bench-password-123' },
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    },
  };
}
