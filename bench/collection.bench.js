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
import { paymentReferenceOf } from '../dist/modules/invoices/payment-reference.js';
import { scratchDatabase } from './scratch-database.js';

const DEBITS = Number(process.env.BENCH_DEBITS ?? 3000);
const PARSE_ROUNDS = 5;

/** Tenants with a lease, an active mandate and one open March invoice each (10,500 cents), written set-based. */
async function seed(dataSource) {
  const [umbrella] = await dataSource.query(
    `INSERT INTO organisation (name, kind, address, kvk_number, iban, bic, creditor_identifier)
     VALUES ('Stichting Urban Resort', 'umbrella', 'Wibautstraat 150, 1091 GR Amsterdam', '34263538', 'NL91ABNA0417164300', 'ABNANL2A', 'NL05ZZZ342635380000')
     RETURNING id`,
  );
  const [owner] = await dataSource.query(`INSERT INTO organisation (name, kind) VALUES ('Stadgenoot', 'owner') RETURNING id`);
  const [building] = await dataSource.query(
    `INSERT INTO building (name, address, city, owner_id, umbrella_id, kind, use_start, use_end, invoice_prefix)
     VALUES ('Pand', 'Straat 1', 'Amsterdam', $1, $2, 'temporary', '2007-01-01', '2014-01-01', 'DDB') RETURNING id`,
    [owner.id, umbrella.id],
  );
  const [floor] = await dataSource.query(`INSERT INTO floor (building_id, level) VALUES ($1, 1) RETURNING id`, [building.id]);
  const numbers = Array.from({ length: DEBITS }, (_, index) => `DDB-2012-${String(index + 1).padStart(6, '0')}`);
  const references = numbers.map((_, index) => paymentReferenceOf(1, 2012, index + 1));
  await dataSource.query(
    `WITH n AS (SELECT i, gen_random_uuid() AS space_id, gen_random_uuid() AS tenant_id, gen_random_uuid() AS lease_id FROM generate_series(1, $3::int) i),
          s AS (INSERT INTO space (id, floor_id, building_id, code, area_m2, use) SELECT space_id, $2::uuid, $1::uuid, 'S' || i, 21, 'studio' FROM n),
          t AS (INSERT INTO tenant (id, name, email) SELECT tenant_id, 'Maker ' || i || ' Łódź', 'm' || tenant_id || '@x.nl' FROM n),
          l AS (INSERT INTO lease (id, tenant_id, space_id, building_id, start_date, end_date, notice_months, band_code, rate_per_m2_year_cents, area_m2, service_charge_monthly_cents)
                SELECT lease_id, tenant_id, space_id, $1::uuid, '2012-01-01', '2013-06-30', 1, 'A', 6000, 21, 0 FROM n),
          m AS (INSERT INTO mandate (tenant_id, creditor_id, reference, iban, account_holder, signed_on, signed_place, method)
                SELECT tenant_id, $6::uuid, 'M-' || lpad(i::text, 6, '0'), 'NL02ABNA0123456789', 'Maker ' || i, '2011-12-15', 'Amsterdam', 'paper' FROM n)
     INSERT INTO invoice (kind, number, building_id, lease_id, tenant_id, period, issue_date, due_date, issuer, customer,
                          total_ex_vat_cents, vat_cents, total_cents, status, payment_reference)
     SELECT 'invoice', ($4::text[])[i], $1::uuid, lease_id, tenant_id, '2012-03', '2012-03-01', '2012-03-15', '{}'::jsonb, '{}'::jsonb,
            10500, 0, 10500, 'open', ($5::text[])[i]
       FROM n`,
    [building.id, floor.id, DEBITS, numbers, references, umbrella.id],
  );
  return building.id;
}

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
    const buildingId = await seed(app.get(DataSource));
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
