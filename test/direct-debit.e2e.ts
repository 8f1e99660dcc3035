import { XMLParser } from 'fast-xml-parser';
import { DataSource } from 'typeorm';
import { FixedClock } from '../src/common/clock/clock.js';
import { DomainEvents } from '../src/events/domain-events.js';
import { binary } from './helpers/binary.js';
import { eventually } from './helpers/eventually.js';
import { pdfText } from './helpers/pdf-text.js';
import {
  assessBand,
  createBuilding,
  createFloor,
  createIssuer,
  createLease,
  createOrganisation,
  createSpace,
  createTenant,
  createUser,
  type Created,
} from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { xsdErrors } from './helpers/xsd.js';

const CREDITOR_IDENTIFIER = 'NL05ZZZ342635380000';

interface Debit {
  PmtId: { EndToEndId: string };
  InstdAmt: { '#text': string };
  Dbtr: { Nm: string };
  DbtrAcct: { Id: { IBAN: string } };
  DrctDbtTx: { MndtRltdInf: { MndtId: string; DtOfSgntr: string; AmdmntInd: string; AmdmntInfDtls?: Record<string, unknown> } };
  RmtInf: { Strd: { CdtrRefInf: { Tp: { CdOrPrtry: { Cd: string }; Issr: string }; Ref: string } } };
}

const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => ['PmtInf', 'DrctDbtTxInf'].includes(name) }).parse(xml)
    .Document.CstmrDrctDbtInitn as {
    GrpHdr: { CtrlSum: string; NbOfTxs: string };
    PmtInf: { PmtTpInf: { SeqTp: string }; CdtrSchmeId: unknown; DrctDbtTxInf: Debit[] }[];
  };

describe('direct debit', () => {
  let t: TestApp;
  const clock = FixedClock.on('2012-03-01');
  // A payment term shorter than the 14 days' pre-notification, so an invoice can be due before it may be collected.
  beforeAll(async () => {
    t = await startTestApp({ INVOICE_PAYMENT_TERM_DAYS: '7' }, { clock });
  });
  afterAll(() => t.close());

  /** A building whose umbrella collects, with one leased space per tenant name, invoiced for March 2012. */
  /** Each tenant rents 25 m² in band A (€ 125,00 a month) unless given another area. */
  async function invoicedBuilding(
    names: (string | { name: string; areaM2: number })[],
    umbrella: Record<string, unknown> = {},
    beforeRun: (issuer: Created, tenants: { tenant: Created; lease: Created }[]) => Promise<void> = async () => {},
  ) {
    const issuer = await createIssuer(t);
    const patched = await t
      .http()
      .patch(`/api/organisations/${issuer.id}`)
      .set(t.admin)
      .send({ creditorIdentifier: CREDITOR_IDENTIFIER, bic: 'ABNANL2A', ...umbrella });
    expect(patched.status).toBe(200);
    const building = await createBuilding(t, {
      umbrellaId: issuer.id,
      invoicePrefix: `D${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
    });
    const floor = await createFloor(t, building.id, { level: 1 });
    const tenants: { tenant: Created; lease: Created }[] = [];
    for (const given of names) {
      const { name, areaM2 } = typeof given === 'string' ? { name: given, areaM2: 25 } : given;
      const space = await createSpace(t, floor.id, { areaM2 });
      const tenant = await createTenant(t, { name });
      await assessBand(t, tenant.id, building.id, 2_000_000);
      tenants.push({ tenant, lease: await createLease(t, { tenantId: tenant.id, spaceId: space.id }) });
    }
    await beforeRun(issuer, tenants);
    const run = await t.http().post(`/api/buildings/${building.id}/invoice-runs`).set(t.admin).send({ period: '2012-03' });
    await eventually(async () => {
      expect((await t.http().get(`/api/invoice-runs/${run.body.id}`).set(t.admin)).body.status).toBe('completed');
    }, 30_000);
    const invoices = (await t.http().get(`/api/invoices?buildingId=${building.id}`).set(t.admin)).body.items as {
      id: string;
      tenantId: string;
      number: string;
      totalCents: number;
      paymentReference: string;
    }[];
    return { issuer, building, tenants, invoices };
  }

  function signMandate(tenantId: string, creditorId: string, overrides: Record<string, unknown> = {}) {
    return t
      .http()
      .post(`/api/tenants/${tenantId}/mandates`)
      .set(t.admin)
      .send({
        creditorId,
        iban: 'NL02 ABNA 0123 4567 89',
        accountHolder: 'Maker',
        signedOn: '2011-12-15',
        signedPlace: 'Amsterdam',
        method: 'paper',
        ...overrides,
      });
  }

  async function collectionFile(collectionId: string): Promise<string> {
    const file = await t.http().get(`/api/collections/${collectionId}/file`).set(t.admin);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/xml');
    return file.text;
  }

  it('checks the umbrella’s creditor identifier: a wrong check digit is 400 naming the field', async () => {
    const umbrella = await createOrganisation(t, { kind: 'umbrella' });
    const bad = await t.http().patch(`/api/organisations/${umbrella.id}`).set(t.admin).send({ creditorIdentifier: 'NL06ZZZ342635380000' });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'creditorIdentifier' })]);
    const good = await t
      .http()
      .patch(`/api/organisations/${umbrella.id}`)
      .set(t.admin)
      .send({ creditorIdentifier: CREDITOR_IDENTIFIER, sepaPainVersion: '02', sepaSequence: 'frst-then-rcur' });
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ creditorIdentifier: CREDITOR_IDENTIFIER, sepaPainVersion: '02', sepaSequence: 'frst-then-rcur' });
    const created = await createOrganisation(t, { kind: 'umbrella', creditorIdentifier: 'NL79ZZZ999999990000' });
    expect(created).toMatchObject({ creditorIdentifier: 'NL79ZZZ999999990000', sepaPainVersion: '08', sepaSequence: 'rcur-only' });
  });

  it('refuses a bad mandate with 400, 409 or 422, never 500, and generates a reference', async () => {
    const { issuer, tenants } = await invoicedBuilding(['Maker A', 'Maker B']);
    const [a, b] = tenants;
    expect((await signMandate(a!.tenant.id, issuer.id, { iban: 'NL02ABNA0123456780' })).status).toBe(400);
    expect((await signMandate(a!.tenant.id, issuer.id, { reference: 'VKG M 1' })).status).toBe(400);
    expect((await signMandate(a!.tenant.id, issuer.id, { reference: 'A'.repeat(36) })).status).toBe(400);
    expect((await signMandate(a!.tenant.id, issuer.id, { method: 'fax' })).status).toBe(400);
    const withoutIdentifier = await createOrganisation(t, { kind: 'umbrella' });
    const refused = await signMandate(a!.tenant.id, withoutIdentifier.id);
    expect([refused.status, refused.body.code]).toEqual([422, 'creditor_incomplete']);
    const owner = await createOrganisation(t, { kind: 'owner' });
    expect((await signMandate(a!.tenant.id, owner.id)).body.code).toBe('unknown_umbrella');
    const otherLease = await signMandate(a!.tenant.id, issuer.id, { leaseId: b!.lease.id });
    expect([otherLease.status, otherLease.body.code]).toEqual([422, 'lease_of_other_tenant']);

    const first = await signMandate(a!.tenant.id, issuer.id);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      reference: expect.stringMatching(/^M-\d{6}$/),
      iban: 'NL02ABNA0123456789',
      scheme: 'CORE',
      status: 'active',
    });
    const ofLease = await signMandate(b!.tenant.id, issuer.id, { leaseId: b!.lease.id, reference: 'VKG-M-000123' });
    expect(ofLease.status).toBe(201);
    const taken = await signMandate(a!.tenant.id, issuer.id, { leaseId: a!.lease.id, reference: 'VKG-M-000123' });
    expect([taken.status, taken.body.code]).toEqual([409, 'mandate_reference_taken']);
    const twice = await signMandate(a!.tenant.id, issuer.id);
    expect([twice.status, twice.body.code]).toEqual([409, 'mandate_already_active']);
    // Unique per creditor: another umbrella may use the same reference.
    const otherCreditor = await createOrganisation(t, { kind: 'umbrella', creditorIdentifier: 'NL79ZZZ999999990000' });
    const elsewhere = await signMandate(a!.tenant.id, otherCreditor.id, { reference: 'VKG-M-000123' });
    expect([elsewhere.status, elsewhere.body.reference]).toEqual([201, 'VKG-M-000123']);
  });

  it('lets a tenant read only its own mandates, an owner none, and only staff write them', async () => {
    const { issuer, tenants } = await invoicedBuilding(['Maker C', 'Maker D']);
    const [mine, theirs] = tenants;
    const own = (await signMandate(mine!.tenant.id, issuer.id)).body;
    const other = (await signMandate(theirs!.tenant.id, issuer.id)).body;
    const user = await createUser(t, { role: 'tenant', tenantId: mine!.tenant.id });
    const tenant = await t.login(user.email, user.password);
    const list = await t.http().get(`/api/tenants/${mine!.tenant.id}/mandates`).set(tenant);
    expect(list.status).toBe(200);
    expect(list.body.map((mandate: { id: string }) => mandate.id)).toEqual([own.id]);
    expect((await t.http().get(`/api/mandates/${own.id}`).set(tenant)).status).toBe(200);
    expect((await t.http().get(`/api/mandates/${other.id}`).set(tenant)).status).toBe(404);
    expect((await t.http().get(`/api/tenants/${theirs!.tenant.id}/mandates`).set(tenant)).status).toBe(404);
    expect(
      (await t.http().post(`/api/mandates/${own.id}/revoke`).set(tenant).send({ revokedOn: '2012-03-01', reason: 'mine' })).status,
    ).toBe(403);
    const signedByTenant = await t.http().post(`/api/tenants/${mine!.tenant.id}/mandates`).set(tenant).send({
      creditorId: issuer.id,
      iban: 'NL91ABNA0417164300',
      accountHolder: 'Me',
      signedOn: '2012-03-01',
      signedPlace: 'A',
      method: 'online',
    });
    expect(signedByTenant.status).toBe(403);
    const amendedByTenant = await t
      .http()
      .post(`/api/mandates/${own.id}/amendments`)
      .set(tenant)
      .send({ iban: 'NL91ABNA0417164300', amendedOn: '2012-03-01', reason: 'mine' });
    expect(amendedByTenant.status).toBe(403);

    const ownerOrganisation = await createOrganisation(t, { kind: 'owner' });
    const ownerUser = await createUser(t, { role: 'owner', organisationId: ownerOrganisation.id });
    const owner = await t.login(ownerUser.email, ownerUser.password);
    expect((await t.http().get(`/api/mandates/${own.id}`).set(owner)).status).toBe(403);
    expect((await t.http().get(`/api/tenants/${mine!.tenant.id}/mandates`).set(owner)).status).toBe(403);
    expect(
      (await t.http().post(`/api/mandates/${own.id}/revoke`).set(owner).send({ revokedOn: '2012-03-01', reason: 'not mine' })).status,
    ).toBe(403);
    expect((await t.http().get(`/api/mandates/${own.id}`).set(t.admin)).body).toMatchObject({ status: 'active', amendments: [] });
  });

  it('collects the open invoices with an active mandate in a pain.008.001.08 file that passes its schema', async () => {
    const { building, tenants, invoices } = await invoicedBuilding(
      ['Łódź Studio', 'Ørsted & Zonen', 'Pays By Transfer'],
      {},
      async (issuer, [lodz, orsted]) => {
        await signMandate(lodz!.tenant.id, issuer.id, { accountHolder: 'Łódź Studio', reference: 'LODZ-1' });
        await signMandate(orsted!.tenant.id, issuer.id, {
          accountHolder: 'Ørsted & Zonen',
          iban: 'NL91ABNA0417164300',
          leaseId: orsted!.lease.id,
        });
      },
    );
    const [lodz] = tenants;

    const early = await t.http().post(`/api/buildings/${building.id}/collections`).set(t.admin).send({ collectionDate: '2012-03-10' });
    expect([early.status, early.body.code]).toEqual([422, 'nothing_to_collect']);
    const junk = await t.http().post(`/api/buildings/${building.id}/collections`).set(t.admin).send({ collectionDate: 'next Friday' });
    expect(junk.status).toBe(400);
    const past = await t.http().post(`/api/buildings/${building.id}/collections`).set(t.admin).send({ collectionDate: '2012-02-28' });
    expect([past.status, past.body.code]).toEqual([422, 'collection_date_past']);

    const made = await t.http().post(`/api/buildings/${building.id}/collections`).set(t.admin).send({ collectionDate: '2012-03-15' });
    expect(made.status).toBe(201);
    const collected = invoices
      .filter((invoice) => invoice.tenantId !== tenants[2]!.tenant.id)
      .sort((x, y) => x.number.localeCompare(y.number));
    expect(made.body).toMatchObject({
      painVersion: '08',
      itemCount: 2,
      totalCents: collected.reduce((sum, invoice) => sum + invoice.totalCents, 0),
      // The tenant without a mandate pays by transfer: not a skipped debit.
      skipped: [],
    });
    expect(
      made.body.items.map((item: { endToEndId: string; status: string; sequenceType: string }) => [
        item.endToEndId,
        item.status,
        item.sequenceType,
      ]),
    ).toEqual(collected.map((invoice) => [invoice.number, 'pending', 'RCUR']));

    const xml = await collectionFile(made.body.id);
    expect(xsdErrors('sepa/pain.008.001.08.xsd', xml)).toEqual([]);
    const initiation = parse(xml);
    expect(initiation.GrpHdr.CtrlSum).toBe((made.body.totalCents / 100).toFixed(2));
    const debits = initiation.PmtInf[0]!.DrctDbtTxInf;
    expect(debits.map((debit) => debit.Dbtr.Nm).sort()).toEqual(['Lodz Studio', 'Orsted + Zonen']);
    const lodzInvoice = invoices.find((invoice) => invoice.tenantId === lodz!.tenant.id)!;
    const lodzDebit = debits.find((debit) => debit.PmtId.EndToEndId === lodzInvoice.number)!;
    expect(lodzDebit.RmtInf.Strd.CdtrRefInf).toEqual({ Tp: { CdOrPrtry: { Cd: 'SCOR' }, Issr: 'CUR' }, Ref: lodzInvoice.paymentReference });
    expect(lodzDebit.DrctDbtTx.MndtRltdInf).toEqual({ MndtId: 'LODZ-1', DtOfSgntr: '2011-12-15', AmdmntInd: 'false' });
    expect(JSON.stringify(initiation.PmtInf[0]!.CdtrSchmeId)).toContain(CREDITOR_IDENTIFIER);

    const again = await t.http().post(`/api/buildings/${building.id}/collections`).set(t.admin).send({ collectionDate: '2012-03-20' });
    expect([again.status, again.body.code]).toEqual([422, 'nothing_to_collect']);
    const list = await t.http().get(`/api/buildings/${building.id}/collections`).set(t.admin);
    expect(list.body).toMatchObject({ total: 1, items: [{ id: made.body.id, itemCount: 2 }] });
  });

  it('gathers exactly the open invoices under an active mandate to the building’s umbrella, not a revoked one, a paid one or another creditor’s', async () => {
    let revokedMandate: { id: string } | undefined;
    const { building, tenants, invoices } = await invoicedBuilding(
      ['Collected', 'Revoked', 'Paid', 'No mandate', 'Other creditor'],
      {},
      async (issuer, [collected, revoked, paid, , otherCreditor]) => {
        expect((await signMandate(collected!.tenant.id, issuer.id)).status).toBe(201);
        revokedMandate = (await signMandate(revoked!.tenant.id, issuer.id)).body;
        expect((await signMandate(paid!.tenant.id, issuer.id)).status).toBe(201);
        const other = await createIssuer(t);
        expect(
          (await t.http().patch(`/api/organisations/${other.id}`).set(t.admin).send({ creditorIdentifier: 'NL79ZZZ999999990000' })).status,
        ).toBe(200);
        expect((await signMandate(otherCreditor!.tenant.id, other.id)).status).toBe(201);
      },
    );
    const [collected, revoked, paid] = tenants.map(({ tenant }) => tenant);
    const invoiceOf = (tenantId: string) => invoices.find((invoice) => invoice.tenantId === tenantId)!;
    // Revoked after the invoice announced the debit: it is paid by transfer instead.
    expect(
      (
        await t
          .http()
          .post(`/api/mandates/${revokedMandate!.id}/revoke`)
          .set(t.admin)
          .send({ revokedOn: '2012-03-01', reason: 'Pays by transfer' })
      ).status,
    ).toBe(200);
    const paying = await t
      .http()
      .post(`/api/invoices/${invoiceOf(paid!.id).id}/payments`)
      .set(t.admin)
      .send({ amountCents: invoiceOf(paid!.id).totalCents, paidOn: '2012-03-01' });
    expect(paying.status).toBe(201);

    const made = await t.http().post(`/api/buildings/${building.id}/collections`).set(t.admin).send({ collectionDate: '2012-03-15' });
    expect(made.status).toBe(201);
    expect(made.body.items.map((item: { invoiceId: string }) => item.invoiceId)).toEqual([invoiceOf(collected!.id).id]);
    expect(made.body).toMatchObject({ itemCount: 1, totalCents: invoiceOf(collected!.id).totalCents });
    expect(made.body.skipped).toEqual([
      { invoiceId: invoiceOf(revoked!.id).id, number: invoiceOf(revoked!.id).number, reason: 'mandate_revoked' },
    ]);
  });

  it('marks debits collected or returned from the bank statement’s events, and a returned one goes in the next batch amended', async () => {
    const mandateOfTenant = new Map<string, { id: string }>();
    const { building, invoices } = await invoicedBuilding(['Maker E', 'Maker F'], {}, async (issuer, tenants) => {
      for (const { tenant } of tenants) mandateOfTenant.set(tenant.id, (await signMandate(tenant.id, issuer.id)).body);
    });
    const made = (await t.http().post(`/api/buildings/${building.id}/collections`).set(t.admin).send({ collectionDate: '2012-03-15' }))
      .body;
    const [first, second] = invoices.sort((x, y) => x.number.localeCompare(y.number));
    const events = t.app.get(DomainEvents);
    await t.app.get(DataSource).transaction(async (manager) => {
      const outcome = {
        endToEndId: first!.number,
        invoiceNumber: first!.number,
        amountCents: first!.totalCents,
        bookedOn: '2012-03-15',
        bankEntryId: 'entry-1',
      };
      await events.record(manager, { type: 'direct-debit.collected', entityId: first!.id, payload: outcome, actorUserId: null });
      await events.record(manager, {
        type: 'direct-debit.returned',
        entityId: second!.id,
        payload: { ...outcome, endToEndId: second!.number, invoiceNumber: second!.number, bankEntryId: 'entry-2', reasonCode: 'AC04' },
        actorUserId: null,
      });
    });
    await eventually(async () => {
      const items = (await t.http().get(`/api/collections/${made.id}`).set(t.admin)).body.items;
      expect(
        items.map((item: { status: string; returnReason: string | null; settledOn: string | null }) => [
          item.status,
          item.returnReason,
          item.settledOn,
        ]),
      ).toEqual([
        ['collected', null, '2012-03-15'],
        ['returned', 'AC04', '2012-03-15'],
      ]);
    });

    const secondTenantMandate = mandateOfTenant.get(second!.tenantId)!;
    const amended = await t
      .http()
      .post(`/api/mandates/${secondTenantMandate.id}/amendments`)
      .set(t.admin)
      .send({ iban: 'NL91ABNA0417164300', amendedOn: '2012-03-16', reason: 'Account closed' });
    expect(amended.status).toBe(201);
    expect(amended.body.amendments).toEqual([
      expect.objectContaining({ ibanBefore: 'NL02ABNA0123456789', ibanAfter: 'NL91ABNA0417164300' }),
    ]);
    const nothing = await t
      .http()
      .post(`/api/mandates/${secondTenantMandate.id}/amendments`)
      .set(t.admin)
      .send({ iban: 'NL91ABNA0417164300', amendedOn: '2012-03-16', reason: 'again' });
    expect([nothing.status, nothing.body.code]).toEqual([422, 'amendment_changes_nothing']);

    // An amended IBAN needs no new pre-notification: the returned invoice is collected again from the new account.
    const retry = await t.http().post(`/api/buildings/${building.id}/collections`).set(t.admin).send({ collectionDate: '2012-03-20' });
    expect(retry.status).toBe(201);
    expect(retry.body.items.map((item: { invoiceId: string }) => item.invoiceId)).toEqual([second!.id]);
    const debit = parse(await collectionFile(retry.body.id)).PmtInf[0]!.DrctDbtTxInf[0]!;
    expect(debit.DbtrAcct.Id.IBAN).toBe('NL91ABNA0417164300');
    expect(debit.DrctDbtTx.MndtRltdInf.AmdmntInd).toBe('true');
    expect(debit.DrctDbtTx.MndtRltdInf.AmdmntInfDtls).toEqual({ OrgnlDbtrAcct: { Id: { IBAN: 'NL02ABNA0123456789' } } });
    expect((await t.http().get(`/api/mandates/${secondTenantMandate.id}`).set(t.admin)).body.amendments[0].reportedInCollectionId).toBe(
      retry.body.id,
    );

    const revoked = await t
      .http()
      .post(`/api/mandates/${secondTenantMandate.id}/revoke`)
      .set(t.admin)
      .send({ revokedOn: '2012-03-21', reason: 'Pays by transfer' });
    expect(revoked.body).toMatchObject({ status: 'revoked', revokedOn: '2012-03-21' });
    const twice = await t
      .http()
      .post(`/api/mandates/${secondTenantMandate.id}/revoke`)
      .set(t.admin)
      .send({ revokedOn: '2012-03-21', reason: 'again' });
    expect([twice.status, twice.body.code]).toEqual([422, 'mandate_revoked']);
  });

  it('writes pain.008.001.02 with FRST on a first collection when the umbrella’s bank wants that', async () => {
    const { building } = await invoicedBuilding(
      ['Maker G'],
      { sepaPainVersion: '02', sepaSequence: 'frst-then-rcur' },
      async (issuer, tenants) => {
        await signMandate(tenants[0]!.tenant.id, issuer.id);
      },
    );
    const made = await t.http().post(`/api/buildings/${building.id}/collections`).set(t.admin).send({ collectionDate: '2012-03-15' });
    expect(made.body).toMatchObject({ painVersion: '02', items: [expect.objectContaining({ sequenceType: 'FRST' })] });
    const xml = await collectionFile(made.body.id);
    expect(xml).toContain('urn:iso:std:iso:20022:tech:xsd:pain.008.001.02');
    expect(xsdErrors('sepa/pain.008.001.02.xsd', xml)).toEqual([]);
    expect(xsdErrors('sepa/pain.008.001.08.xsd', xml)).not.toEqual([]);
    expect(parse(xml).PmtInf[0]!.PmtTpInf.SeqTp).toBe('FRST');

    // The next debit under the same mandate is recurring.
    const april = await t.http().post(`/api/buildings/${building.id}/invoice-runs`).set(t.admin).send({ period: '2012-04' });
    await eventually(async () => {
      expect((await t.http().get(`/api/invoice-runs/${april.body.id}`).set(t.admin)).body.status).toBe('completed');
    }, 30_000);
    const next = await t.http().post(`/api/buildings/${building.id}/collections`).set(t.admin).send({ collectionDate: '2012-03-16' });
    expect(next.status).toBe(201);
    expect(next.body.items.map((item: { sequenceType: string }) => item.sequenceType)).toEqual(['RCUR']);
    const nextXml = await collectionFile(next.body.id);
    expect(xsdErrors('sepa/pain.008.001.02.xsd', nextXml)).toEqual([]);
    expect(parse(nextXml).PmtInf[0]!.PmtTpInf.SeqTp).toBe('RCUR');
  });

  it('puts an invoice in one batch only when two are made at the same moment', async () => {
    const { building, invoices } = await invoicedBuilding(['Maker H', 'Maker I', 'Maker J'], {}, async (issuer, tenants) => {
      for (const { tenant } of tenants) await signMandate(tenant.id, issuer.id);
    });
    const answers = await Promise.all(
      [1, 2, 3].map(() => t.http().post(`/api/buildings/${building.id}/collections`).set(t.admin).send({ collectionDate: '2012-03-15' })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 422, 422]);
    const [{ count }] = await t.app
      .get(DataSource)
      .query<{ count: string }[]>(`SELECT count(*) FROM collection_item WHERE invoice_id = ANY($1)`, [
        invoices.map((invoice) => invoice.id),
      ]);
    expect(Number(count)).toBe(3);
  });

  it('pre-notifies the debit on the invoice of a tenant with a mandate, and gives the others an EPC QR code', async () => {
    const { invoices, tenants } = await invoicedBuilding(['Maker K', 'Maker L'], {}, async (issuer, [withMandate]) => {
      expect((await signMandate(withMandate!.tenant.id, issuer.id, { reference: 'K-MANDATE-1' })).status).toBe(201);
    });
    const textOf = async (tenantId: string) => {
      const invoice = invoices.find((candidate) => candidate.tenantId === tenantId)!;
      let pdf: Buffer | undefined;
      await eventually(async () => {
        const response = await t.http().get(`/api/invoices/${invoice.id}/pdf`).set(t.admin).buffer(true).parse(binary);
        expect(response.status).toBe(200);
        pdf = response.body as Buffer;
      });
      return (await pdfText(pdf!)).replace(/\s+/g, ' ');
    };
    const debited = await textOf(tenants[0]!.tenant.id);
    expect(debited).toContain('Automatische incasso');
    expect(debited).toContain('machtigingskenmerk K-MANDATE-1 en incassant-ID NL05ZZZ342635380000');
    expect(debited).toContain('NL02 ABNA 0123 4567 89');
    expect(debited).not.toContain('QR-code');
    const transferred = await textOf(tenants[1]!.tenant.id);
    expect(transferred).toContain('Of scan de QR-code met uw bank-app');
    expect(transferred).not.toContain('Automatische incasso');
  });

  it('tells the bank the original creditor and reference after a new umbrella took over the collecting', async () => {
    let mandate: { id: string } = { id: '' };
    const { issuer, building } = await invoicedBuilding(['Maker M'], {}, async (umbrella, tenants) => {
      mandate = (await signMandate(tenants[0]!.tenant.id, umbrella.id, { reference: 'OLD-REF-1' })).body;
    });
    const successor = await createIssuer(t);
    const unready = await t
      .http()
      .post(`/api/mandates/${mandate.id}/amendments`)
      .set(t.admin)
      .send({ creditorId: successor.id, amendedOn: '2012-03-02', reason: 'New umbrella' });
    expect([unready.status, unready.body.code]).toEqual([422, 'creditor_incomplete']);
    await t.http().patch(`/api/organisations/${successor.id}`).set(t.admin).send({ creditorIdentifier: 'NL79ZZZ999999990000' });
    const amended = await t
      .http()
      .post(`/api/mandates/${mandate.id}/amendments`)
      .set(t.admin)
      .send({ creditorId: successor.id, reference: 'NEW-REF-1', amendedOn: '2012-03-02', reason: 'New umbrella' });
    expect(amended.status).toBe(201);
    expect(amended.body).toMatchObject({ creditorId: successor.id, reference: 'NEW-REF-1' });
    expect(amended.body.amendments).toEqual([
      expect.objectContaining({
        creditorIdBefore: issuer.id,
        creditorIdentifierBefore: CREDITOR_IDENTIFIER,
        creditorIdAfter: successor.id,
        referenceBefore: 'OLD-REF-1',
      }),
    ]);
    expect((await t.http().patch(`/api/buildings/${building.id}`).set(t.admin).send({ umbrellaId: successor.id })).status).toBe(200);

    const made = await t.http().post(`/api/buildings/${building.id}/collections`).set(t.admin).send({ collectionDate: '2012-03-15' });
    expect(made.status).toBe(201);
    const xml = await collectionFile(made.body.id);
    expect(xsdErrors('sepa/pain.008.001.08.xsd', xml)).toEqual([]);
    const block = parse(xml).PmtInf[0]!;
    expect(JSON.stringify(block.CdtrSchmeId)).toContain('NL79ZZZ999999990000');
    expect(block.DrctDbtTxInf[0]!.DrctDbtTx.MndtRltdInf).toEqual({
      MndtId: 'NEW-REF-1',
      DtOfSgntr: '2011-12-15',
      AmdmntInd: 'true',
      AmdmntInfDtls: {
        OrgnlMndtId: 'OLD-REF-1',
        OrgnlCdtrSchmeId: { Id: { PrvtId: { Othr: { Id: CREDITOR_IDENTIFIER, SchmeNm: { Prtry: 'SEPA' } } } } },
      },
    });
  });

  it('collects what is open on each invoice to the cent: 123,45, 0,01 and 999.999,99 sum exactly', async () => {
    // 25 m² in band A is 12,500 cents a month, 200,000 m² is 100,000,000; partial payments leave the odd amounts open.
    const { building, tenants, invoices } = await invoicedBuilding(
      ['Maker N', 'Maker O', { name: 'Maker P', areaM2: 200_000 }],
      {},
      async (issuer, leased) => {
        for (const { tenant } of leased) await signMandate(tenant.id, issuer.id);
      },
    );
    const openOf = new Map([
      [tenants[0]!.tenant.id, 12_345],
      [tenants[1]!.tenant.id, 1],
      [tenants[2]!.tenant.id, 99_999_999],
    ]);
    for (const invoice of invoices) {
      const paid = await t
        .http()
        .post(`/api/invoices/${invoice.id}/payments`)
        .set(t.admin)
        .send({ amountCents: invoice.totalCents - openOf.get(invoice.tenantId)!, paidOn: '2012-03-01' });
      expect(paid.status).toBe(201);
    }
    const made = await t.http().post(`/api/buildings/${building.id}/collections`).set(t.admin).send({ collectionDate: '2012-03-15' });
    expect(made.body).toMatchObject({ itemCount: 3, totalCents: 100_012_345 });
    const xml = await collectionFile(made.body.id);
    expect(xsdErrors('sepa/pain.008.001.08.xsd', xml)).toEqual([]);
    const initiation = parse(xml);
    expect(initiation.GrpHdr.CtrlSum).toBe('1000123.45');
    expect(initiation.PmtInf[0]!.DrctDbtTxInf.map((debit) => debit.InstdAmt['#text']).sort()).toEqual(['0.01', '123.45', '999999.99']);
  });

  it('collects only what the invoice pre-notified: issued under the mandate and at least 14 days before the collection date', async () => {
    const pdfTextOf = async (invoiceId: string) => {
      let pdf: Buffer | undefined;
      await eventually(async () => {
        const response = await t.http().get(`/api/invoices/${invoiceId}/pdf`).set(t.admin).buffer(true).parse(binary);
        expect(response.status).toBe(200);
        pdf = response.body as Buffer;
      });
      return (await pdfText(pdf!)).replace(/\s+/g, ' ');
    };
    const collect = (buildingId: string, collectionDate: string) =>
      t.http().post(`/api/buildings/${buildingId}/collections`).set(t.admin).send({ collectionDate });
    // March is invoiced on 15 February (due 22 February): the first tenant signed before, the second after.
    clock.setDay('2012-02-15');
    try {
      const { issuer, building, tenants, invoices } = await invoicedBuilding(
        ['Signed Before', 'Signed After'],
        {},
        async (umbrella, [before]) => {
          expect((await signMandate(before!.tenant.id, umbrella.id, { reference: 'PRE-NOTIFIED-1' })).status).toBe(201);
        },
      );
      const [before, after] = tenants.map(({ tenant }) => tenant);
      expect((await signMandate(after!.id, issuer.id, { reference: 'TOO-LATE-1' })).status).toBe(201);
      const march = (tenantId: string) => invoices.find((invoice) => invoice.tenantId === tenantId)!;

      // The PDF issued under the mandate announces the debit: mandate, creditor id, account and day.
      const announced = await pdfTextOf(march(before!.id).id);
      expect(announced).toContain('Automatische incasso');
      expect(announced).toContain('machtigingskenmerk PRE-NOTIFIED-1 en incassant-ID NL05ZZZ342635380000');
      expect(announced).toContain('wordt rond 22-02-2012 afgeschreven van rekening NL02 ABNA 0123 4567 89');
      // The one issued before the mandate asks for a transfer: it was never pre-notified.
      const transfer = await pdfTextOf(march(after!.id).id);
      expect(transfer).toContain('Of scan de QR-code met uw bank-app');
      expect(transfer).not.toContain('Automatische incasso');
      // The invoice keeps which mandate its PDF announced, and that is fixed with the PDF.
      const dataSource = t.app.get(DataSource);
      const kept = await dataSource.query<{ id: string; reference: string | null }[]>(
        `SELECT i.id, m.reference FROM invoice i LEFT JOIN mandate m ON m.id = i.pre_notified_mandate_id WHERE i.id = ANY($1)`,
        [[march(before!.id).id, march(after!.id).id]],
      );
      expect(new Map(kept.map((row) => [row.id, row.reference]))).toEqual(
        new Map([
          [march(before!.id).id, 'PRE-NOTIFIED-1'],
          [march(after!.id).id, null],
        ]),
      );
      await expect(
        dataSource.query(
          `UPDATE invoice SET pre_notified_mandate_id = (SELECT id FROM mandate WHERE reference = 'TOO-LATE-1') WHERE id = $1`,
          [march(after!.id).id],
        ),
      ).rejects.toThrow(/cannot change/);

      // April is invoiced on 1 March (due 8 March), both tenants under their mandates.
      clock.setDay('2012-03-01');
      const run = await t.http().post(`/api/buildings/${building.id}/invoice-runs`).set(t.admin).send({ period: '2012-04' });
      await eventually(async () => {
        expect((await t.http().get(`/api/invoice-runs/${run.body.id}`).set(t.admin)).body.status).toBe('completed');
      }, 30_000);
      const all = (await t.http().get(`/api/invoices?buildingId=${building.id}`).set(t.admin)).body.items as {
        id: string;
        tenantId: string;
        number: string;
        period: string;
      }[];
      const april = all.filter((invoice) => invoice.period === '2012-04').sort((x, y) => x.number.localeCompare(y.number));
      expect(april).toHaveLength(2);
      expect(await pdfTextOf(april.find((invoice) => invoice.tenantId === after!.id)!.id)).toContain(
        'machtigingskenmerk TOO-LATE-1 en incassant-ID NL05ZZZ342635380000',
      );

      // On 10 March: April's invoices are due but were issued only 9 days before; March's second was never pre-notified.
      const first = await collect(building.id, '2012-03-10');
      expect(first.status).toBe(201);
      expect(first.body.items.map((item: { invoiceId: string; mandateId: string }) => item.invoiceId)).toEqual([march(before!.id).id]);
      const skipped = first.body.skipped as { invoiceId: string; number: string; reason: string }[];
      expect([...skipped].sort((x, y) => x.number.localeCompare(y.number))).toEqual(
        [
          { invoiceId: march(after!.id).id, number: march(after!.id).number, reason: 'not_pre_notified' },
          ...april.map((invoice) => ({ invoiceId: invoice.id, number: invoice.number, reason: 'pre_notice_too_short' })),
        ].sort((x, y) => x.number.localeCompare(y.number)),
      );
      const file = parse(await collectionFile(first.body.id));
      expect(file.PmtInf[0]!.DrctDbtTxInf.map((debit) => debit.DrctDbtTx.MndtRltdInf.MndtId)).toEqual(['PRE-NOTIFIED-1']);

      // On 15 March April's two are collected; March's second still is not, and stays open for a transfer.
      const second = await collect(building.id, '2012-03-15');
      expect(second.status).toBe(201);
      expect(second.body.items.map((item: { invoiceId: string }) => item.invoiceId).sort()).toEqual(
        april.map((invoice) => invoice.id).sort(),
      );
      expect(second.body.skipped).toEqual([
        { invoiceId: march(after!.id).id, number: march(after!.id).number, reason: 'not_pre_notified' },
      ]);
      const nothing = await collect(building.id, '2012-03-20');
      expect([nothing.status, nothing.body.code]).toEqual([422, 'nothing_to_collect']);
      expect(nothing.body.message).toContain('1 with a mandate skipped');
      expect(
        (
          await t
            .http()
            .get(`/api/invoices/${march(after!.id).id}`)
            .set(t.admin)
        ).body.status,
      ).toBe('open');
    } finally {
      clock.setDay('2012-03-01');
    }
  });
});
