import { DataSource } from 'typeorm';
import { FixedClock } from '../src/common/clock/clock.js';
import { OutboxEvent } from '../src/events/outbox-event.entity.js';
import { binary } from './helpers/binary.js';
import { failedAsserts, type EInvoiceRuleSet } from './helpers/einvoice-rules.js';
import { eventually } from './helpers/eventually.js';
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
} from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

describe('e-invoices (UBL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { clock: FixedClock.on('2012-03-01') });
  });
  afterAll(() => t.close());

  interface InvoiceBody {
    id: string;
    number: string;
    tenantId: string;
    totalCents: number;
    pdfReady: boolean;
    eInvoice: { available: boolean; code?: string; reason?: string };
  }

  async function invoicedMonth() {
    const issuer = await createIssuer(t);
    const building = await createBuilding(t, { umbrellaId: issuer.id, invoicePrefix: 'UBL' });
    const floor = await createFloor(t, building.id, { level: 1 });
    const make = async (tenant: Record<string, unknown>, lease: Record<string, unknown> = {}) => {
      const space = await createSpace(t, floor.id, { areaM2: 25 });
      const created = await createTenant(t, tenant);
      await assessBand(t, created.id, building.id, 2_000_000);
      await createLease(t, { tenantId: created.id, spaceId: space.id, serviceChargeMonthlyCents: 2500, ...lease });
      return created;
    };
    const withKvk = await make({ name: 'Atelier Zoë', kvkNumber: '69599084', address: 'Keizersgracht 1, 1015 CJ Amsterdam' });
    const withoutKvk = await make({ name: 'Łukasz Kowalski' });
    const onPeppol = await make(
      {
        name: 'Studio Peppol',
        kvkNumber: '12345678',
        vatNumber: 'NL000099998B57',
        address: 'Wibautstraat 150, 1091 GR Amsterdam',
        peppolId: '0106:12345678',
      },
      { vatRegime: 'standard', taxableUsePercent: 100, smallBusinessScheme: false, startDate: '2012-03-10' },
    );
    const byDebit = await make({ name: 'Incasso Atelier', kvkNumber: '34263538', address: 'Oudezijds Achterburgwal 2, 1012 DN Amsterdam' });
    await t.http().patch(`/api/organisations/${issuer.id}`).set(t.admin).send({ creditorIdentifier: 'NL05ZZZ342635380000' });
    const mandate = await t.http().post(`/api/tenants/${byDebit.id}/mandates`).set(t.admin).send({
      creditorId: issuer.id,
      iban: 'NL02ABNA0123456789',
      accountHolder: 'Incasso Atelier',
      signedOn: '2012-02-15',
      signedPlace: 'Amsterdam',
      method: 'paper',
      reference: 'UBL-M-1',
    });
    expect(mandate.status).toBe(201);
    const started = await t.http().post(`/api/buildings/${building.id}/invoice-runs`).set(t.admin).send({ period: '2012-03' });
    await eventually(async () => {
      const run = (await t.http().get(`/api/invoice-runs/${started.body.id}`).set(t.admin)).body;
      expect(run).toMatchObject({ status: 'completed' });
    }, 30_000);
    const invoices = (await t.http().get(`/api/invoices?buildingId=${building.id}`).set(t.admin)).body.items as InvoiceBody[];
    const of = (tenant: { id: string }) => invoices.find((invoice) => invoice.tenantId === tenant.id)!;
    return {
      withKvk,
      withoutKvk,
      onPeppol,
      invoiceOf: { withKvk: of(withKvk), withoutKvk: of(withoutKvk), onPeppol: of(onPeppol), byDebit: of(byDebit) },
    };
  }

  async function ublOf(invoiceId: string, headers: Record<string, string> = t.admin) {
    const response = await t.http().get(`/api/invoices/${invoiceId}/ubl`).set(headers).buffer(true).parse(binary);
    return { response, xml: (response.body as Buffer).toString('utf8') };
  }

  function expectRulesPass(xml: string, ruleSets: EInvoiceRuleSet[]) {
    for (const ruleSet of ruleSets) expect({ ruleSet, failed: failedAsserts(xml, ruleSet) }).toEqual({ ruleSet, failed: [] });
  }

  let month: Awaited<ReturnType<typeof invoicedMonth>>;
  beforeAll(async () => {
    month = await invoicedMonth();
  });

  it('an invoice run stores a UBL beside the PDF of each tenant with a KvK number, and it passes SI-UBL and EN 16931', async () => {
    const invoice = month.invoiceOf.withKvk;
    expect(invoice).toMatchObject({ pdfReady: true, eInvoice: { available: true } });
    const { response, xml } = await ublOf(invoice.id);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/xml/);
    expect(response.headers['content-disposition']).toContain(`${invoice.number}.xml`);
    expect(xml).toContain('urn:fdc:nen.nl:nlcius:v1.0');
    expect(xml).toContain(`<cbc:ID>${invoice.number}</cbc:ID>`);
    expect(xml).toContain(`<cbc:PayableAmount currencyID="EUR">${(invoice.totalCents / 100).toFixed(2)}</cbc:PayableAmount>`);
    expect(xml).toContain('<cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>');
    expectRulesPass(xml, ['si-ubl-2.0', 'CEN-EN16931-UBL']);
  });

  it('a tenant who pays by direct debit gets payment means 59 with its mandate, and the rules pass', async () => {
    const { response, xml } = await ublOf(month.invoiceOf.byDebit.id);
    expect(response.status).toBe(200);
    expect(xml).toContain('<cbc:PaymentMeansCode>59</cbc:PaymentMeansCode>');
    expect(xml).toMatch(/<cac:PaymentMandate>\s*<cbc:ID>UBL-M-1<\/cbc:ID>/);
    expect(xml).toContain('NL05ZZZ342635380000');
    expect(xml).not.toContain('<cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>');
    expectRulesPass(xml, ['si-ubl-2.0', 'CEN-EN16931-UBL']);
  });

  it('the event that the documents are stored names the PDF and the UBL, so mail attaches both', async () => {
    const events = await t.app.get(DataSource).getRepository(OutboxEvent).findBy({ type: 'invoice.documents_stored' });
    const payloadOf = (invoiceId: string) => events.find((event) => event.entityId === invoiceId)!.payload as { documentIds: string[] };
    expect(payloadOf(month.invoiceOf.withKvk.id).documentIds).toHaveLength(2);
    expect(payloadOf(month.invoiceOf.withoutKvk.id).documentIds).toHaveLength(1);
  });

  it('a tenant without a KvK number gets the PDF only, and the invoice says why', async () => {
    const invoice = month.invoiceOf.withoutKvk;
    expect(invoice.pdfReady).toBe(true);
    expect(invoice.eInvoice).toEqual({
      available: false,
      code: 'e_invoice_customer_without_kvk',
      reason: expect.stringContaining('the customer has no KvK number'),
    });
    const { response } = await ublOf(invoice.id);
    expect(response.status).toBe(422);
    expect(JSON.parse(response.body.toString('utf8'))).toMatchObject({ code: 'e_invoice_customer_without_kvk' });
  });

  it('a customer with a Peppol id gets the Peppol BIS 3 variant, 21% VAT and part of the month', async () => {
    const { response, xml } = await ublOf(month.invoiceOf.onPeppol.id);
    expect(response.status).toBe(200);
    expect(xml).toContain('urn:fdc:peppol.eu:2017:poacc:billing:3.0');
    expect(xml).toContain('<cbc:EndpointID schemeID="0106">12345678</cbc:EndpointID>');
    expect(xml).toContain('<cbc:Percent>21.00</cbc:Percent>');
    expect(xml).toContain('<cbc:StartDate>2012-03-10</cbc:StartDate>');
    expectRulesPass(xml, ['PEPPOL-EN16931-UBL', 'CEN-EN16931-UBL']);
  });

  it('a credit note gets a UBL credit note that cites its invoice', async () => {
    const invoice = month.invoiceOf.withKvk;
    const credit = await t.http().post(`/api/invoices/${invoice.id}/credit-notes`).set(t.admin).send({ reason: 'Dubbel gefactureerd' });
    expect(credit.status).toBe(201);
    let ubl!: Awaited<ReturnType<typeof ublOf>>;
    await eventually(async () => {
      ubl = await ublOf(credit.body.id);
      expect(ubl.response.status).toBe(200);
    });
    expect(ubl.xml).toContain('<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"');
    expect(ubl.xml).toContain(`<cac:InvoiceDocumentReference>\n      <cbc:ID>${invoice.number}</cbc:ID>`);
    expect(ubl.xml).toContain(`<cbc:PayableAmount currencyID="EUR">${(invoice.totalCents / 100).toFixed(2)}</cbc:PayableAmount>`);
    expectRulesPass(ubl.xml, ['si-ubl-2.0', 'CEN-EN16931-UBL']);
  });

  it('a tenant gets its own UBL only; an owner none', async () => {
    const user = await createUser(t, { role: 'tenant', tenantId: month.withKvk.id });
    const headers = await t.login(user.email, user.password);
    expect((await ublOf(month.invoiceOf.withKvk.id, headers)).response.status).toBe(200);
    expect((await ublOf(month.invoiceOf.onPeppol.id, headers)).response.status).toBe(404);

    const owner = await createUser(t, { role: 'owner', organisationId: (await createOrganisation(t)).id });
    const ownerHeaders = await t.login(owner.email, owner.password);
    expect([403, 404]).toContain((await ublOf(month.invoiceOf.withKvk.id, ownerHeaders)).response.status);
  });
});
