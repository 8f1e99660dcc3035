// Importing a camt.053.001.08 statement of 3,000 transactions (a city's month: one batch of collected
// direct debits, transfers quoting the betalingskenmerk, returns, unknown credits) through the real app
// (XSD check, parsing, matching, one transaction of payments, reversals and events), beside parsing the
// same file with fast-xml-parser alone. Uses DATABASE_URL when set (a scratch database), else PGlite.
import { XMLParser } from 'fast-xml-parser';
import { DataSource } from 'typeorm';
import { createApp } from '../dist/app.factory.js';
import { loadAppConfig } from '../dist/app.module.js';
import { SYSTEM_PRINCIPAL } from '../dist/common/auth/principal.js';
import { FixedClock } from '../dist/common/clock/clock.js';
import { BankStatementsService } from '../dist/modules/bank-statements/bank-statements.service.js';
import { seedOpenInvoices } from './open-invoices.js';
import { scratchDatabase } from './scratch-database.js';

const TRANSACTIONS = Number(process.env.BENCH_TRANSACTIONS ?? 3000);
const RETURNS = Math.round(TRANSACTIONS * 0.015);
const TRANSFERS = Math.round(TRANSACTIONS * 0.05);
const UNKNOWN = Math.round(TRANSACTIONS * 0.005);
const COLLECTIONS = TRANSACTIONS - RETURNS - TRANSFERS - UNKNOWN;
const INVOICES = COLLECTIONS + TRANSFERS;
const PARSE_ROUNDS = 5;

const amount = (cents) => `<Amt Ccy="EUR">${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}</Amt>`;
const code = (family, subFamily) =>
  `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${family}</Cd><SubFmlyCd>${subFamily}</SubFmlyCd></Fmly></Domn></BkTxCd>`;

function entry({ cents, direction, reference, family, subFamily, details }) {
  return `<Ntry>${amount(cents)}<CdtDbtInd>${direction}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
<BookgDt><Dt>2012-03-02</Dt></BookgDt><ValDt><Dt>2012-03-02</Dt></ValDt><AcctSvcrRef>${reference}</AcctSvcrRef>${code(family, subFamily)}
<NtryDtls>${details.length > 1 ? `<Btch><NbOfTxs>${details.length}</NbOfTxs></Btch>` : ''}${details.join('\n')}</NtryDtls></Ntry>`;
}

function detail({ cents, direction, family, subFamily, endToEndId, reference, unstructured, returnReason }) {
  return `<TxDtls>${endToEndId ? `<Refs><EndToEndId>${endToEndId}</EndToEndId></Refs>` : ''}${amount(cents)}<CdtDbtInd>${direction}</CdtDbtInd>
${code(family, subFamily)}<RltdPties><Dbtr><Pty><Nm>Maker</Nm></Pty></Dbtr></RltdPties>
<RmtInf>${unstructured ? `<Ustrd>${unstructured}</Ustrd>` : ''}${reference ? `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>CUR</Issr></Tp><Ref>${reference}</Ref></CdtrRefInf></Strd>` : ''}</RmtInf>
${returnReason ? `<RtrInf><Rsn><Cd>${returnReason}</Cd></Rsn></RtrInf>` : ''}</TxDtls>`;
}

function statement({ numbers, references }) {
  const collect = { direction: 'CRDT', family: 'IDDT', subFamily: 'ESDD' };
  const collections = numbers
    .slice(0, COLLECTIONS)
    .map((number, index) => detail({ ...collect, cents: 10500, endToEndId: number, reference: references[index] }));
  const entries = [entry({ ...collect, cents: 10500 * COLLECTIONS, reference: 'BATCH-1', details: collections })];
  for (let index = 0; index < TRANSFERS; index++) {
    const spaced = references[COLLECTIONS + index].replace(/(\d{4})(?=\d)/g, '$1 ');
    const transfer = { direction: 'CRDT', family: 'RCDT', subFamily: 'ESCT', cents: 10500 };
    entries.push(
      entry({ ...transfer, reference: `TRF-${index}`, details: [detail({ ...transfer, unstructured: `Huur maart ${spaced}` })] }),
    );
  }
  for (let index = 0; index < RETURNS; index++) {
    const unpaid = { direction: 'DBIT', family: 'IDDT', subFamily: 'UPDD', cents: 10500 };
    const returned = detail({ ...unpaid, endToEndId: numbers[index * 7], returnReason: index % 2 ? 'MD06' : 'AM04' });
    entries.push(entry({ ...unpaid, reference: `RET-${index}`, details: [returned] }));
  }
  for (let index = 0; index < UNKNOWN; index++) {
    const gift = { direction: 'CRDT', family: 'RCDT', subFamily: 'ESCT', cents: 2500 + index };
    entries.push(entry({ ...gift, reference: `UNK-${index}`, details: [detail({ ...gift, unstructured: 'Voor de koffiepot' })] }));
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
<GrpHdr><MsgId>BENCH-1</MsgId><CreDtTm>2012-03-05T06:00:00+01:00</CreDtTm></GrpHdr>
<Stmt><Id>BENCH-STMT-1</Id><ElctrncSeqNb>1</ElctrncSeqNb><CreDtTm>2012-03-05T06:00:00+01:00</CreDtTm>
<Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id><Ccy>EUR</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp>${amount(0)}<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2012-03-02</Dt></Dt></Bal>
${entries.join('\n')}
</Stmt></BkToCstmrStmt></Document>`;
}

export async function run() {
  const scratch = await scratchDatabase('camt');
  const config = loadAppConfig({
    ...scratch.env,
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: `bench-${Date.now()}`,
    DEMO_DATA: 'false',
    LOG_REQUESTS: 'false',
  });
  const app = await createApp(config, { logLevels: ['error'], clock: FixedClock.on('2012-03-15') });
  try {
    const seeded = await seedOpenInvoices(app.get(DataSource), { count: INVOICES, prefix: 'BNK' });
    const file = Buffer.from(statement(seeded), 'utf8');

    // Baseline: the bare parse of the same file, the best of a few rounds.
    const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, parseTagValue: false });
    let parseSeconds = Infinity;
    for (let round = 0; round < PARSE_ROUNDS; round++) {
      const started = performance.now();
      parser.parse(file.toString('utf8'));
      parseSeconds = Math.min(parseSeconds, (performance.now() - started) / 1000);
    }

    const started = performance.now();
    const [imported] = await app.get(BankStatementsService).import(file, SYSTEM_PRINCIPAL);
    const importSeconds = (performance.now() - started) / 1000;
    const { counts } = imported;

    console.log(
      `database: ${config.database.kind}, ${TRANSACTIONS} transactions, ${(file.length / 1024 / 1024).toFixed(1)} MB of camt.053.001.08`,
    );
    console.log(
      `import:           ${importSeconds.toFixed(2)} s = ${(TRANSACTIONS / importSeconds).toFixed(0)} transactions/s (${JSON.stringify(counts)})`,
    );
    console.log(`bare parse:       ${(parseSeconds * 1000).toFixed(0)} ms (fast-xml-parser alone)`);
    console.log(`ratio import / bare parse: ${(importSeconds / parseSeconds).toFixed(0)}× the time`);
    const expected = { paid: TRANSFERS, collected: COLLECTIONS, returned: RETURNS, unmatched: UNKNOWN, ignored: 0 };
    if (JSON.stringify(counts) !== JSON.stringify(expected)) throw new Error(`expected ${JSON.stringify(expected)}`);
  } finally {
    await app.close();
    await scratch.drop();
  }
}
