import { FixedClock } from '../src/common/clock/clock.js';
import { auditTrail } from './helpers/audit.js';
import { camt053, camtSchemaErrors, type CamtEntry, type CamtStatementInput, type CamtVersion } from './helpers/camt.js';
import { eventually } from './helpers/eventually.js';
import { createBuilding, createIssuer, createUser, seedLeases } from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

interface InvoiceBody {
  id: string;
  number: string;
  tenantId: string;
  paymentReference: string;
  totalCents: number;
  paidCents: number;
  status: string;
  payments: { kind: string; amountCents: number; reason: string | null; reference: string | null }[];
}

interface StatementBody {
  id: string;
  entryCount: number;
  duplicateCount: number;
  alreadyImported: boolean;
  counts: Record<string, number>;
}

/** Today, for every date rule in this file. */
const TODAY = '2012-03-15';

describe('bank statements (camt.053): collected, returned, transferred and unknown money', () => {
  let t: TestApp;
  let buildings = 0;
  beforeAll(async () => {
    t = await startTestApp({}, { clock: FixedClock.on(TODAY) });
  });
  afterAll(() => t.close());

  /** A building with `leases` leases, invoiced for 2012-03 by a real invoice run. */
  async function invoicedBuilding(leases: number): Promise<InvoiceBody[]> {
    const issuer = await createIssuer(t);
    const building = await createBuilding(t, { umbrellaId: issuer.id, invoicePrefix: `BNK${String.fromCharCode(65 + buildings++)}` });
    await seedLeases(t, building.id, leases);
    const started = await t.http().post(`/api/buildings/${building.id}/invoice-runs`).set(t.admin).send({ period: '2012-03' });
    expect(started.status).toBe(202);
    await eventually(async () => {
      expect((await t.http().get(`/api/invoice-runs/${started.body.id}`).set(t.admin)).body.status).toBe('completed');
    }, 30_000);
    const list = (await t.http().get(`/api/invoices?buildingId=${building.id}`).set(t.admin)).body.items as InvoiceBody[];
    expect(list).toHaveLength(leases);
    return list.sort((a, b) => a.number.localeCompare(b.number));
  }

  const invoice = async (id: string): Promise<InvoiceBody> => (await t.http().get(`/api/invoices/${id}`).set(t.admin)).body;
  const upload = (xml: string, type = 'application/xml') =>
    t.http().post('/api/bank-statements').set(t.admin).set('Content-Type', type).send(Buffer.from(xml, 'utf8'));

  /** Checked against the XSD here too, so a failure is the app's and not the generator's. */
  function statementFile(version: CamtVersion, statements: CamtStatementInput | CamtStatementInput[]): string {
    const xml = camt053(version, statements);
    expect(camtSchemaErrors(version, xml)).toEqual([]);
    return xml;
  }

  const collections = (invoices: InvoiceBody[], reference: string): CamtEntry => ({
    amountCents: invoices.reduce((sum, item) => sum + item.totalCents, 0),
    direction: 'credit',
    bookingDate: '2012-03-02',
    reference,
    code: ['PMNT', 'IDDT', 'ESDD'],
    details: invoices.map((item) => ({
      amountCents: item.totalCents,
      endToEndId: item.number,
      structuredReference: item.paymentReference,
      counterpartyName: 'Maker',
    })),
  });

  const returnOf = (item: InvoiceBody, reasonCode: string, reference: string): CamtEntry => ({
    amountCents: item.totalCents,
    direction: 'debit',
    bookingDate: '2012-03-07',
    dateTimes: true,
    reference,
    code: ['PMNT', 'IDDT', 'UPDD'],
    details: [{ endToEndId: item.number, returnReason: reasonCode, structuredReference: item.paymentReference }],
  });

  it('books a month’s statement to exactly its outcomes, and the same statement again to nothing', async () => {
    const invoices = await invoicedBuilding(8);
    const byDebit = invoices.slice(0, 7);
    const [am04, md06] = byDebit as [InvoiceBody, InvoiceBody];
    const byTransfer = invoices[7]!;
    const spaced = byTransfer.paymentReference.replace(/(\d{4})(?=\d)/g, '$1 ');
    const entries: CamtEntry[] = [
      collections(byDebit, 'A-BATCH-0302'),
      {
        amountCents: byTransfer.totalCents,
        direction: 'credit',
        bookingDate: '2012-03-05',
        reference: 'A-TRF-1',
        code: ['PMNT', 'RCDT', 'ESCT'],
        details: [{ unstructured: [`Huur maart kenmerk ${spaced}`], counterpartyName: 'Maker 8', counterpartyIban: 'NL02RABO0123456789' }],
      },
      {
        amountCents: 5000,
        direction: 'credit',
        bookingDate: '2012-03-05',
        reference: 'A-TRF-2',
        code: ['PMNT', 'RCDT', 'ESCT'],
        details: [{ unstructured: ['Voor de koffiepot'], counterpartyName: 'Onbekend' }],
      },
      returnOf(am04, 'AM04', 'A-RET-1'),
      returnOf(md06, 'MD06', 'A-RET-2'),
      { amountCents: 1250, direction: 'debit', bookingDate: '2012-03-05', reference: 'A-FEE-1', code: ['ACMT', 'MDOP', 'CHRG'] },
    ];
    const xml = statementFile('08', { id: 'STMT-2012-03-A', sequence: 61, entries });

    const imported = await upload(xml);
    expect(imported.status).toBe(201);
    const [statement] = imported.body.statements as StatementBody[];
    expect(statement).toMatchObject({
      entryCount: 7 + 1 + 1 + 2 + 1,
      duplicateCount: 0,
      alreadyImported: false,
      counts: { collected: 7, returned: 2, paid: 1, unmatched: 1, ignored: 1 },
    });

    for (const collected of byDebit.slice(2)) {
      expect(await invoice(collected.id)).toMatchObject({ status: 'paid', paidCents: collected.totalCents });
    }
    for (const [item, code] of [
      [am04, 'AM04 (insufficient funds)'],
      [md06, 'MD06 (refund requested by the debtor)'],
    ] as const) {
      const reopened = await invoice(item.id);
      expect(reopened).toMatchObject({ status: 'open', paidCents: 0 });
      expect(reopened.payments.map((payment) => [payment.kind, payment.amountCents, payment.reason])).toEqual(
        expect.arrayContaining([
          ['payment', item.totalCents, null],
          ['reversal', -item.totalCents, `Direct debit returned: ${code}`],
        ]),
      );
      const failures = (await t.http().get(`/api/tenants/${item.tenantId}/collection-failures`).set(t.admin)).body;
      expect(failures).toMatchObject({
        tenantId: item.tenantId,
        failedCollections: 1,
        returns: [{ returnReason: code.slice(0, 4), invoiceId: item.id }],
      });
    }
    expect(await invoice(byTransfer.id)).toMatchObject({ status: 'paid', paidCents: byTransfer.totalCents });
    const stillGood = (await t.http().get(`/api/tenants/${byDebit[2]!.tenantId}/collection-failures`).set(t.admin)).body;
    expect(stillGood.failedCollections).toBe(0);

    const unmatched = await t.http().get(`/api/bank-statements/${statement!.id}/unmatched`).set(t.admin);
    expect(unmatched.status).toBe(200);
    expect(unmatched.body).toMatchObject({
      total: 1,
      items: [{ amountCents: 5000, remittance: 'Voor de koffiepot', counterpartyName: 'Onbekend', outcome: 'unmatched', kind: 'transfer' }],
    });

    // The direct-debit module hears of each collection and return through the events.
    const trail = await auditTrail(t, 'invoice', am04.id, 5);
    expect(trail.map((entry) => entry.action).sort()).toEqual(
      ['direct-debit.collected', 'direct-debit.returned', 'invoice.issued', 'payment.recorded', 'payment.reversed'].sort(),
    );
    expect(trail.find((entry) => entry.action === 'direct-debit.returned')!.changes).toMatchObject({
      invoiceNumber: am04.number,
      endToEndId: am04.number,
      amountCents: am04.totalCents,
      reasonCode: 'AM04',
    });

    const before = await Promise.all(invoices.map((item) => invoice(item.id)));
    const again = await upload(xml);
    expect(again.status).toBe(200);
    expect(again.body.statements).toMatchObject([{ id: statement!.id, alreadyImported: true, counts: statement!.counts }]);
    // The bank sends the same transactions in a statement of another id: each is booked once.
    const resent = await upload(statementFile('08', { id: 'STMT-2012-03-A-COPY', sequence: 62, entries }));
    expect(resent.status).toBe(201);
    expect(resent.body.statements[0]).toMatchObject({ entryCount: 12, duplicateCount: 12, counts: { collected: 0, paid: 0, returned: 0 } });
    expect(await Promise.all(invoices.map((item) => invoice(item.id)))).toEqual(before);

    const returns = (await t.http().get(`/api/bank-statements/${statement!.id}/entries?outcome=returned`).set(t.admin)).body;
    expect(returns.items.map((entry: { returnReason: string; invoiceId: string }) => [entry.returnReason, entry.invoiceId])).toEqual([
      ['AM04', am04.id],
      ['MD06', md06.id],
    ]);
    expect((await t.http().get(`/api/bank-statements/${statement!.id}/entries`).set(t.admin)).body.total).toBe(12);
    const listed = (await t.http().get('/api/bank-statements').set(t.admin)).body;
    expect(listed.items.map((item: StatementBody) => item.id)).toEqual(expect.arrayContaining([statement!.id]));
    const detail = await t.http().get(`/api/bank-statements/${statement!.id}`).set(t.admin);
    expect(detail.body).toMatchObject({ id: statement!.id, counts: statement!.counts, camtVersion: '08', sequence: '61' });
  });

  it('reverses a collection of an earlier statement when a later one returns it, and counts a return of what was never collected here', async () => {
    const [collected, neverSeen] = await invoicedBuilding(2);
    const first = await upload(statementFile('08', { id: 'STMT-LATER-1', sequence: 1, entries: [collections([collected!], 'L-BATCH')] }));
    expect(first.body.statements[0].counts).toMatchObject({ collected: 1 });
    expect(await invoice(collected!.id)).toMatchObject({ status: 'paid' });

    const second = await upload(
      statementFile('08', {
        id: 'STMT-LATER-2',
        sequence: 2,
        entries: [{ ...returnOf(collected!, 'AC06', 'L-RET-1'), code: ['PMNT', 'RDDT', 'UPDD'] }, returnOf(neverSeen!, 'MS02', 'L-RET-2')],
      }),
    );
    expect(second.status).toBe(201);
    expect(second.body.statements[0].counts).toMatchObject({ returned: 2, unmatched: 0 });
    const reopened = await invoice(collected!.id);
    expect(reopened).toMatchObject({ status: 'open', paidCents: 0 });
    expect(reopened.payments.find((payment) => payment.kind === 'reversal')!.reason).toBe('Direct debit returned: AC06 (account blocked)');
    expect(await invoice(neverSeen!.id)).toMatchObject({ status: 'open', paidCents: 0, payments: [] });
    for (const [item, reason] of [
      [collected!, 'AC06'],
      [neverSeen!, 'MS02'],
    ] as const) {
      const failures = (await t.http().get(`/api/tenants/${item.tenantId}/collection-failures`).set(t.admin)).body;
      expect(failures).toMatchObject({ failedCollections: 1, returns: [{ returnReason: reason }] });
    }
  });

  it('lets an admin match an unmatched credit by hand, once', async () => {
    const [open] = await invoicedBuilding(1);
    const imported = await upload(
      statementFile('02', {
        id: 'STMT-MANUAL',
        entries: [
          {
            amountCents: 4000,
            direction: 'credit',
            bookingDate: '2012-03-08',
            dateTimes: true,
            reference: 'M-TRF-1',
            code: ['PMNT', 'RCDT', 'ESCT'],
            details: [{ unstructured: ['huur studio'], counterpartyName: 'Maker 1' }],
          },
        ],
      }),
    );
    expect(imported.status).toBe(201);
    const statementId = imported.body.statements[0].id as string;
    const [entry] = (await t.http().get(`/api/bank-statements/${statementId}/unmatched`).set(t.admin)).body.items;

    const matched = await t.http().post(`/api/bank-entries/${entry.id}/match`).set(t.admin).send({ invoiceId: open!.id });
    expect(matched.status).toBe(200);
    expect(matched.body).toMatchObject({ outcome: 'paid', invoiceId: open!.id, tenantId: open!.tenantId, bookingDate: '2012-03-08' });
    expect(matched.body.matchedBy).not.toBeNull();
    expect(await invoice(open!.id)).toMatchObject({ status: 'open', paidCents: 4000 });
    expect((await t.http().get(`/api/bank-statements/${statementId}/unmatched`).set(t.admin)).body.total).toBe(0);

    const twice = await t.http().post(`/api/bank-entries/${entry.id}/match`).set(t.admin).send({ invoiceId: open!.id });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('bank_entry_already_matched');
    expect(await invoice(open!.id)).toMatchObject({ paidCents: 4000 });

    const unknown = await t
      .http()
      .post('/api/bank-entries/00000000-0000-4000-8000-000000000000/match')
      .set(t.admin)
      .send({ invoiceId: open!.id });
    expect(unknown.status).toBe(404);
    const bad = await t.http().post(`/api/bank-entries/${entry.id}/match`).set(t.admin).send({ invoiceId: 'nope' });
    expect(bad.status).toBe(400);
  });

  it('books a transfer by its structured betalingskenmerk in a .02 statement, over-payment going to credit', async () => {
    const [item] = await invoicedBuilding(1);
    const imported = await upload(
      statementFile('02', {
        id: 'STMT-STRUCTURED',
        entries: [
          {
            amountCents: item!.totalCents + 1_000,
            direction: 'credit',
            bookingDate: '2012-03-09',
            reference: 'S-TRF-1',
            code: ['PMNT', 'RCDT', 'ESCT'],
            details: [{ structuredReference: item!.paymentReference, counterpartyName: 'Maker' }],
          },
        ],
      }),
      'text/xml',
    );
    expect(imported.status).toBe(201);
    expect(imported.body.statements[0].counts).toMatchObject({ paid: 1, unmatched: 0 });
    expect(await invoice(item!.id)).toMatchObject({ status: 'paid', paidCents: item!.totalCents + 1_000 });
    expect((await t.http().get(`/api/tenants/${item!.tenantId}/balance`).set(t.admin)).body.creditCents).toBe(1_000);
  });

  it('books a transfer that quotes only the invoice number in its free text, for the amount it brings', async () => {
    const [item] = await invoicedBuilding(1);
    const imported = await upload(
      statementFile('08', {
        id: 'STMT-BY-NUMBER',
        entries: [
          {
            amountCents: 3_000,
            direction: 'credit',
            bookingDate: '2012-03-09',
            reference: 'N-TRF-1',
            code: ['PMNT', 'RCDT', 'ESCT'],
            details: [{ unstructured: [`huur factuur ${item!.number.toLowerCase()} deel 1`], counterpartyName: 'Maker' }],
          },
        ],
      }),
    );
    expect(imported.status).toBe(201);
    expect(imported.body.statements[0].counts).toMatchObject({ paid: 1, unmatched: 0 });
    expect(await invoice(item!.id)).toMatchObject({ status: 'open', paidCents: 3_000 });
  });

  it('books a statement imported twice at the same moment once', async () => {
    const invoices = await invoicedBuilding(3);
    const xml = statementFile('08', { id: 'STMT-RACE', entries: [collections(invoices, 'R-BATCH')] });
    const answers = await Promise.all([upload(xml), upload(xml)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 201]);
    expect(answers.map((answer) => answer.body.statements[0].alreadyImported).sort()).toEqual([false, true]);
    for (const item of invoices) {
      const after = await invoice(item.id);
      expect(after).toMatchObject({ status: 'paid', paidCents: item.totalCents });
      expect(after.payments).toHaveLength(1);
    }
  });

  it('refuses a file that is not a valid camt.053 with the reason, and books nothing', async () => {
    const notXml = await upload('<Document><BkToCstmrStmt></Document>');
    expect(notXml.status).toBe(400);
    expect(notXml.body.code).toBe('statement_not_xml');
    expect(notXml.body.message).toMatch(/line 1/);

    const valid = statementFile('08', {
      id: 'STMT-INVALID',
      entries: [{ amountCents: 100, direction: 'credit', bookingDate: '2012-03-05', reference: 'X-1', code: ['PMNT', 'RCDT', 'ESCT'] }],
    });
    const invalid = await upload(valid.replaceAll('<CdtDbtInd>CRDT</CdtDbtInd>', '<CdtDbtInd>CREDIT</CdtDbtInd>'));
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('statement_schema_invalid');
    expect(invalid.body.message).toMatch(/CdtDbtInd.*\(line \d+\)/);
    const valid02 = statementFile('02', {
      id: 'STMT-INVALID-02',
      entries: [{ amountCents: 100, direction: 'credit', bookingDate: '2012-03-05', reference: 'X-2', code: ['PMNT', 'RCDT', 'ESCT'] }],
    });
    const invalid02 = await upload(valid02.replaceAll('<CdtDbtInd>CRDT</CdtDbtInd>', '<CdtDbtInd>CREDIT</CdtDbtInd>'));
    expect([invalid02.status, invalid02.body.code]).toEqual([400, 'statement_schema_invalid']);
    expect(invalid02.body.message).toMatch(/CdtDbtInd.*\(line \d+\)/);
    const tooPrecise = await upload(valid.replaceAll('>1.00<', '>1.005<'));
    expect(tooPrecise.status).toBe(400);
    expect(tooPrecise.body.code).toBe('statement_amount_invalid');

    const otherXml = await upload('<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.08"/>');
    expect(otherXml.status).toBe(400);
    expect(otherXml.body.code).toBe('statement_not_camt053');
    const entity = await upload('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "y">]><Document/>');
    expect(entity.status).toBe(400);
    expect(entity.body.code).toBe('statement_doctype');
    const json = await t.http().post('/api/bank-statements').set(t.admin).send({ file: valid });
    expect(json.status).toBe(400);
    expect(json.body.code).toBe('statement_missing');
    const plain = await upload(valid, 'text/plain');
    expect(plain.status).toBe(415);

    expect(
      (await t.http().get('/api/bank-statements').set(t.admin)).body.items.map((item: { statementRef: string }) => item.statementRef),
    ).not.toContain('STMT-INVALID');
    expect(
      (await t.http().get('/api/bank-statements').set(t.admin)).body.items.map((item: { statementRef: string }) => item.statementRef),
    ).not.toContain('STMT-INVALID-02');
  });

  it('is for admins only', async () => {
    const tenantUser = await createUser(t, { role: 'tenant' });
    const headers = await t.login(tenantUser.email, tenantUser.password);
    expect((await t.http().get('/api/bank-statements').set(headers)).status).toBe(403);
    const upload = await t.http().post('/api/bank-statements').set(headers).set('Content-Type', 'application/xml').send('<Document/>');
    expect(upload.status).toBe(403);
  });
});
