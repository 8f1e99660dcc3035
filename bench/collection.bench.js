// Writing a direct-debit batch of 3,000 debits (a city's month) through the real app: gathering the open
// invoices with an active mandate, the pain.008.001.08 file, storing it and its items in one transaction,
// beside parsing the same file with fast-xml-parser alone. Uses DATABASE_URL when set (a scratch
// database), else PGlite.
import { XMLParser } from 'fast-xml-parser';
import { DataSource } from 'typeorm';
import { createApp } from '../dist/app.factory.js';
import { loadAppConfig } from '../dist/app.module.js';
import { SYSTEM_PRINCIPAL } from '../dist/common/auth/principal.js';
import { FixedClock } from '../dist/common/clock/clock.js';
import { CollectionsService } from '../dist/modules/direct-debit/collections.service.js';
import { seedOpenInvoices } from './open-invoices.js';
import { scratchDatabase } from './scratch-database.js';

const DEBITS = Number(process.env.BENCH_DEBITS ?? 3000);
const PARSE_ROUNDS = 5;

export async function run() {
  const scratch = await scratchDatabase('pain');
  const config = loadAppConfig({
    ...scratch.env,
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: `bench-${Date.now()}`,
    DEMO_DATA: 'false',
    LOG_REQUESTS: 'false',
  });
  const app = await createApp(config, { logLevels: ['error'], clock: FixedClock.on('2012-03-15') });
  try {
    const { buildingId } = await seedOpenInvoices(app.get(DataSource), { count: DEBITS, prefix: 'DDB', mandates: true });
    const collections = app.get(CollectionsService);

    const started = performance.now();
    const { collection } = await collections.create(buildingId, '2012-03-15', SYSTEM_PRINCIPAL);
    const writeSeconds = (performance.now() - started) / 1000;
    if (collection.itemCount !== DEBITS) throw new Error(`expected ${DEBITS} debits, the batch has ${collection.itemCount}`);
    const file = (await collections.file(collection.id, SYSTEM_PRINCIPAL)).bytes.toString('utf8');

    // Baseline: the bare parse of the same file, the best of a few rounds.
    const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false });
    let parseSeconds = Infinity;
    for (let round = 0; round < PARSE_ROUNDS; round++) {
      const begun = performance.now();
      parser.parse(file);
      parseSeconds = Math.min(parseSeconds, (performance.now() - begun) / 1000);
    }

    console.log(`database: ${config.database.kind}, ${DEBITS} debits, ${(file.length / 1024 / 1024).toFixed(1)} MB of pain.008.001.08`);
    console.log(
      `batch:            ${writeSeconds.toFixed(2)} s = ${(DEBITS / writeSeconds).toFixed(0)} debits/s (gathered, written, stored)`,
    );
    console.log(`bare parse:       ${(parseSeconds * 1000).toFixed(0)} ms (fast-xml-parser alone)`);
    console.log(`ratio batch / bare parse: ${(writeSeconds / parseSeconds).toFixed(0)}× the time`);
  } finally {
    await app.close();
    await scratch.drop();
  }
}
