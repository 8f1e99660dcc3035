import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWorker } from './helpers/worker-process.js';

interface Started {
  seconds: number;
  /** Stops the app and answers the messages it printed, all of them: read once its output has closed. */
  stop: () => Promise<string[]>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts the compiled app as `npm start` does (embedded database, jobs in-process) and waits until
 * /health answers; answers the messages it printed by then. Its output is not a terminal, so each
 * line is one JSON object.
 */
async function start(buildDir: string, dataDir: string, port: number): Promise<Started> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    DEMO_DATA: 'false',
    LOG_REQUESTS: 'false',
  };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'JWT_SECRET']) delete env[name];
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [`${buildDir}/main.js`], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // 'close' comes after the exit and after the last of its output has been read.
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await closed;
  };
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the app stopped (exit ${child.exitCode}):\n${output}`);
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const seconds = (performance.now() - started) / 1000;
  const messagesOf = (text: string) =>
    text
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { message: string | { message: string } })
      .map((entry) => (typeof entry.message === 'string' ? entry.message : entry.message.message));
  return {
    seconds,
    stop: async () => {
      await stop();
      return messagesOf(output);
    },
  };
}

/** What the console says when `npm start` runs the compiled app, the first time and the second. */
describe('the console at start-up', () => {
  let buildDir: string;
  let dataDir: string;
  beforeAll(async () => {
    buildDir = await buildWorker();
    dataDir = mkdtempSync(join(tmpdir(), 'bp-startup-'));
  }, 300_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('says it migrates a new database, then one line with the address and the docs; the second start migrates nothing', async () => {
    const port = await freePort();
    const ready = `ready on http://localhost:${port} — API docs at /docs`;
    const first = await start(buildDir, dataDir, port);
    const firstMessages = await first.stop();
    expect(firstMessages).toContain('migrating the database');
    expect(firstMessages.indexOf('migrating the database')).toBeLessThan(firstMessages.indexOf(ready));
    expect(firstMessages.filter((message) => message.startsWith('ready on'))).toEqual([ready]);
    // Nest's own line per module and route is left out: the start says what it does, not more.
    expect(firstMessages.length).toBeLessThan(10);

    const second = await start(buildDir, dataDir, port);
    const secondMessages = await second.stop();
    expect(secondMessages).not.toContain('migrating the database');
    expect(secondMessages.filter((message) => message.startsWith('ready on'))).toEqual([ready]);
    // The 15 s of a second `npm start` are measured by `npm run bench` (embedded.bench.js), on a machine not also running tests.
    console.log(`second start answered /health after ${second.seconds.toFixed(1)} s (first ${first.seconds.toFixed(1)} s)`);
  }, 240_000);
});
