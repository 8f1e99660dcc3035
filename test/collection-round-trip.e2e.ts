import { XMLParser } from 'fast-xml-parser';
import { DataSource } from 'typeorm';
import { FixedClock } from '../src/common/clock/clock.js';
import { camt053, camtSchemaErrors, type CamtEntry } from './helpers/camt.js';
import { eventually } from './helpers/eventually.js';
import { createBuilding, createIssuer, seedLeases } from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { xsdErrors } from './helpers/xsd.js';

interface InvoiceBody {
  id: string;
  number: string;
  tenantId: string;
  paymentReference: string;
  totalCents: number;
  paidCents: number;
  status: string;
  payments: { kind: string; amountCents: number; reason: string | null }[];
}

interface CollectionBody {
  id: string;
  itemCount: number;
  totalCents: number;
  items: { invoiceId: string; endToEndId: string; amountCents: number; status: string; returnReason: string | null }[];
}

interface Debit {
  PmtId: { EndToEndId: string };
  InstdAmt: { '#text': string };
}

/** The debits of a pain.008 file as the bank reads them: EndToEndId and amount in cents. */
function debitsOf(xml: string): { endToEndId: string; amountCents: number }[] {
  const document = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    isArray: (name) => ['PmtInf', 'DrctDbtTxInf'].includes(name),
  }).parse(xml) as { Document: { CstmrDrctDbtInitn: { PmtInf: { DrctDbtTxInf: Debit[] }[] } } };
  return document.Document.CstmrDrctDbtInitn.PmtInf.flatMap((batch) => batch.DrctDbtTxInf).map((debit) => ({
    endToEndId: debit.PmtId.EndToEndId,
    amountCents: Number(debit.InstdAmt['#text'].replace('.', '')),
  }));
}

/**
 * Collecting a month's rent the way an umbrella does it with its bank: the invoice run, the direct-debit
 * batch (pain.008) for the tenants with a mandate, and the bank's statement (camt.053) that reports what
 * came in, what came back and what else arrived, generated here from the batch file itself.
 */
describe('collecting rent end to end: invoice run, pain.008 batch, camt.053 statement', () => {
  const clock = FixedClock.on('2012-03-01');
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { clock });
  });
  afterAll(() => t.close());

  const invoice = async (id: string): Promise<InvoiceBody> => (await t.http().get(`/api/invoices/${id}`).set(t.admin)).body;
  const collection = async (id: string): Promise<CollectionBody> => (await t.http().get(`/api/collections/${id}`).set(t.admin)).body;
  const upload = (xml: string) =>
    t.http().post('/api/bank-statements').set(t.admin).set('Content-Type', 'application/xml').send(Buffer.from(xml, 'utf8'));

  it('books the statement of a collected batch to exactly its outcomes, twice to nothing more, and collects the returned invoices again', async () => {
    const issuer = await createIssuer(t);
    expect(
      (await t.http().patch(`/api/organisations/${issuer.id}`).set(t.admin).send({ creditorIdentifier: 'NL05ZZZ342635380000' })).status,
    ).toBe(200);
    const building = await createBuilding(t, { umbrellaId: issuer.id, invoicePrefix: 'RTR' });
    const leaseIds = await seedLeases(t, building.id, 8);
    const tenantIds = (
      await t.app
        .get(DataSource)
        .query<{ tenant_id: string }[]>(`SELECT tenant_id FROM lease WHERE id = ANY($1) ORDER BY tenant_id`, [leaseIds])
    ).map((row) => row.tenant_id);
    // Six tenants signed a mandate before the invoice run, so their invoices announce the debit; the
    // seventh pays by transfer, the eighth does not pay yet.
    const mandated = new Set(tenantIds.slice(0, 6));
    for (const tenantId of mandated) {
      const signed = await t.http().post(`/api/tenants/${tenantId}/mandates`).set(t.admin).send({
        creditorId: issuer.id,
        iban: 'NL02ABNA0123456789',
        accountHolder: 'Maker',
        signedOn: '2011-12-15',
        signedPlace: 'Amsterdam',
        method: 'paper',
      });
      expect(signed.status).toBe(201);
    }
    const run = await t.http().post(`/api/buildings/${building.id}/invoice-runs`).set(t.admin).send({ period: '2012-03' });
    expect(run.status).toBe(202);
    await eventually(async () => {
      expect((await t.http().get(`/api/invoice-runs/${run.body.id}`).set(t.admin)).body.status).toBe('completed');
    }, 30_000);
    const invoices = ((await t.http().get(`/api/invoices?buildingId=${building.id}`).set(t.admin)).body.items as InvoiceBody[]).sort(
      (a, b) => a.number.localeCompare(b.number),
    );
    expect(invoices).toHaveLength(8);

    const byDebit = invoices.filter((item) => mandated.has(item.tenantId));
    const [byTransfer, unpaid] = invoices.filter((item) => !mandated.has(item.tenantId)) as [InvoiceBody, InvoiceBody];

    const made = await t.http().post(`/api/buildings/${building.id}/collections`).set(t.admin).send({ collectionDate: '2012-03-15' });
    expect(made.status).toBe(201);
    const batch = made.body as CollectionBody;
    expect(batch.items.map((item) => item.endToEndId).sort()).toEqual(byDebit.map((item) => item.number));
    const file = await t.http().get(`/api/collections/${batch.id}/file`).set(t.admin);
    expect(xsdErrors('sepa/pain.008.001.08.xsd', file.text)).toEqual([]);
    const debits = debitsOf(file.text);
    expect(debits.reduce((sum, debit) => sum + debit.amountCents, 0)).toBe(byDebit.reduce((sum, item) => sum + item.totalCents, 0));

    // The bank's statement of the days after: the batch credited as one entry, two debits returned
    // (AM04: insufficient funds; MD06: the debtor asked for a refund), a transfer quoting the
    // betalingskenmerk in its free text, and money nobody can place.
    clock.setDay('2012-03-20');
    const returned = [
      { debit: debits[1]!, code: 'AM04' },
      { debit: debits[4]!, code: 'MD06' },
    ];
    const entries: CamtEntry[] = [
      {
        amountCents: debits.reduce((sum, debit) => sum + debit.amountCents, 0),
        direction: 'credit',
        bookingDate: '2012-03-15',
        reference: 'RT-BATCH',
        code: ['PMNT', 'IDDT', 'ESDD'],
        details: debits.map((debit) => ({ amountCents: debit.amountCents, endToEndId: debit.endToEndId })),
      },
      ...returned.map(({ debit, code }, index): CamtEntry => ({
        amountCents: debit.amountCents,
        direction: 'debit',
        bookingDate: '2012-03-18',
        reference: `RT-RETURN-${index}`,
        code: ['PMNT', 'IDDT', 'UPDD'],
        details: [{ amountCents: debit.amountCents, endToEndId: debit.endToEndId, returnReason: code }],
      })),
      {
        amountCents: byTransfer.totalCents,
        direction: 'credit',
        bookingDate: '2012-03-16',
        reference: 'RT-TRANSFER',
        code: ['PMNT', 'RCDT', 'ESCT'],
        details: [{ unstructured: [`huur maart ${byTransfer.paymentReference}`], counterpartyName: 'Maker 7' }],
      },
      {
        amountCents: 4321,
        direction: 'credit',
        bookingDate: '2012-03-16',
        reference: 'RT-UNKNOWN',
        code: ['PMNT', 'RCDT', 'ESCT'],
        details: [{ unstructured: ['gift'], counterpartyName: 'Iemand' }],
      },
    ];
    const statement = camt053('08', { id: 'RT-2012-03', sequence: 3, entries });
    expect(camtSchemaErrors('08', statement)).toEqual([]);

    const imported = await upload(statement);
    expect(imported.status).toBe(201);
    expect(imported.body.statements[0]).toMatchObject({ counts: { collected: 6, returned: 2, paid: 1, unmatched: 1 } });

    const returnedNumbers = new Set(returned.map(({ debit }) => debit.endToEndId));
    const outcomes = async () =>
      Promise.all(
        invoices.map(async (item) => {
          const now = await invoice(item.id);
          return [now.number, now.status, now.paidCents];
        }),
      );
    const expected = invoices.map((item) => [
      item.number,
      returnedNumbers.has(item.number) || item.id === unpaid.id ? 'open' : 'paid',
      returnedNumbers.has(item.number) || item.id === unpaid.id ? 0 : item.totalCents,
    ]);
    expect(await outcomes()).toEqual(expected);
    for (const { debit, code } of returned) {
      const reopened = await invoice(invoices.find((item) => item.number === debit.endToEndId)!.id);
      expect(reopened.payments.map((payment) => payment.kind)).toEqual(['payment', 'reversal']);
      expect(reopened.payments[1]!.reason).toContain(code);
    }
    // The batch follows the bank: four collected, two returned with their reason.
    await eventually(async () => {
      const items = (await collection(batch.id)).items;
      expect(items.map((item) => [item.endToEndId, item.status, item.returnReason]).sort()).toEqual(
        debits
          .map((debit) => {
            const back = returned.find((entry) => entry.debit.endToEndId === debit.endToEndId);
            return [debit.endToEndId, back ? 'returned' : 'collected', back ? back.code : null];
          })
          .sort(),
      );
    });
    const unmatched = await t.http().get(`/api/bank-statements/${imported.body.statements[0].id}/unmatched`).set(t.admin);
    expect(unmatched.status).toBe(200);
    expect(unmatched.body).toMatchObject({
      total: 1,
      items: [{ amountCents: 4321, kind: 'transfer', outcome: 'unmatched', remittance: 'gift', invoiceId: null }],
    });
    // The transfer is one payment on its invoice; each returned debit counts as one failed collection of its tenant.
    expect((await invoice(byTransfer.id)).payments.map((payment) => [payment.kind, payment.amountCents])).toEqual([
      ['payment', byTransfer.totalCents],
    ]);
    const failures = async () =>
      Promise.all(
        byDebit.map(async (item) => {
          const answer = await t.http().get(`/api/tenants/${item.tenantId}/collection-failures`).set(t.admin);
          expect(answer.status).toBe(200);
          const body = answer.body as { failedCollections: number; returns: { returnReason: string }[] };
          return [item.number, body.failedCollections, body.returns.map((entry) => entry.returnReason)];
        }),
      );
    const expectedFailures = byDebit.map((item) => {
      const back = returned.find(({ debit }) => debit.endToEndId === item.number);
      return [item.number, back ? 1 : 0, back ? [back.code] : []];
    });
    expect(await failures()).toEqual(expectedFailures);
    const itemsBefore = (await collection(batch.id)).items;

    // The same file again books nothing: the invoices, their payments, the batch and the failed collections stay as they are.
    const paymentsBefore = await Promise.all(invoices.map(async (item) => (await invoice(item.id)).payments));
    const again = await upload(statement);
    expect(again.status).toBe(200);
    expect(again.body.statements[0]).toMatchObject({ alreadyImported: true });
    expect(await outcomes()).toEqual(expected);
    expect(await Promise.all(invoices.map(async (item) => (await invoice(item.id)).payments))).toEqual(paymentsBefore);
    expect((await collection(batch.id)).items).toEqual(itemsBefore);
    expect(await failures()).toEqual(expectedFailures);

    // A returned debit frees its invoice for the next batch, and only those two go in it.
    clock.setDay('2012-03-21');
    const next = await t.http().post(`/api/buildings/${building.id}/collections`).set(t.admin).send({ collectionDate: '2012-04-05' });
    expect(next.status).toBe(201);
    expect((next.body as CollectionBody).items.map((item) => item.endToEndId).sort()).toEqual([...returnedNumbers].sort());
  });
});
