import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { failedAsserts, type EInvoiceRuleSet } from '../../../../test/helpers/einvoice-rules.js';
import { decimalOfCents } from '../../../common/money.js';
import { eInvoiceRefusalOf, PEPPOL_CUSTOMIZATION, renderUbl, SI_UBL_CUSTOMIZATION, type UblInvoiceData } from './ubl-invoice.js';

const issuer = {
  name: 'Stichting Urban Resort',
  address: 'Wibautstraat 150, 1091 GR Amsterdam',
  kvkNumber: '34263538',
  vatNumber: 'NL123456782B01',
  iban: 'NL91ABNA0417164300',
  email: null,
};
const customer = {
  name: 'Atelier Zoë Çelik',
  address: 'Wibautstraat 150, 1091 GR (ruimte 3.12), Amsterdam',
  kvkNumber: '69599084',
  vatNumber: null,
  iban: null,
  email: 'zoe@example.org',
};

function exemptInvoice(overrides: Partial<UblInvoiceData> = {}): UblInvoiceData {
  return {
    kind: 'invoice',
    number: 'VKG-2012-000123',
    credits: null,
    creditReason: null,
    issueDate: '2012-03-01',
    dueDate: '2012-03-15',
    period: '2012-03',
    issuer,
    customer,
    lines: [
      {
        description: 'Huur ruimte 3.12, tarief A (25 m² à € 60,00 per m² per jaar)',
        periodStart: '2012-03-01',
        periodEnd: '2012-03-31',
        amountExVatCents: 12500,
        vatRateBps: 0,
        vatCents: 0,
      },
      {
        description: 'Voorschot servicekosten ruimte 3.12',
        periodStart: '2012-03-01',
        periodEnd: '2012-03-31',
        amountExVatCents: 2500,
        vatRateBps: 0,
        vatCents: 0,
      },
    ],
    totalExVatCents: 15000,
    vatCents: 0,
    totalCents: 15000,
    paymentReference: '1234567890123456',
    buyerReference: '5b6c9d2e-0000-4000-8000-000000000001',
    payment: { kind: 'transfer', bic: null },
    ...overrides,
  };
}

const standardInvoice = exemptInvoice({
  customer: { ...customer, vatNumber: 'NL002455799B11' },
  lines: [
    {
      description: 'Huur ruimte 3.12, tarief B (25 m² à € 80,00 per m² per jaar)',
      periodStart: '2012-03-01',
      periodEnd: '2012-03-31',
      amountExVatCents: 16667,
      vatRateBps: 2100,
      vatCents: 3500,
    },
    {
      description: 'Voorschot servicekosten ruimte 3.12',
      periodStart: '2012-03-01',
      periodEnd: '2012-03-31',
      amountExVatCents: 2500,
      vatRateBps: 2100,
      vatCents: 525,
    },
  ],
  totalExVatCents: 19167,
  vatCents: 4025,
  totalCents: 23192,
});

const partMonth = exemptInvoice({
  lines: [
    {
      description: 'Huur ruimte 3.12, tarief A (25 m² à € 60,00 per m² per jaar)',
      periodStart: '2012-03-12',
      periodEnd: '2012-03-31',
      amountExVatCents: 8065,
      vatRateBps: 0,
      vatCents: 0,
    },
    {
      description: 'Voorschot servicekosten ruimte 3.12',
      periodStart: '2012-03-12',
      periodEnd: '2012-03-31',
      amountExVatCents: 1613,
      vatRateBps: 0,
      vatCents: 0,
    },
  ],
  totalExVatCents: 9678,
  totalCents: 9678,
});

const creditNote = exemptInvoice({
  kind: 'credit_note',
  number: 'VKG-2012-000124',
  credits: { number: 'VKG-2012-000123', issueDate: '2012-03-01' },
  creditReason: 'Ruimte dubbel gefactureerd',
  issueDate: '2012-03-20',
  dueDate: '2012-03-20',
  lines: exemptInvoice().lines.map((line) => ({ ...line, amountExVatCents: -line.amountExVatCents })),
  totalExVatCents: -15000,
  totalCents: -15000,
});

const directDebit = exemptInvoice({
  payment: {
    kind: 'direct-debit',
    mandateId: '00000000-0000-4000-8000-000000000001',
    mandateReference: 'VKG-M-000042',
    creditorIdentifier: 'NL98ZZZ999999990000',
    debtorIban: 'NL20INGB0001234567',
  },
});

const RULES: EInvoiceRuleSet[] = ['si-ubl-2.0', 'CEN-EN16931-UBL'];

describe('renderUbl (SI-UBL 2.0 and EN 16931 rules)', () => {
  it.each([
    ['an exempt invoice', exemptInvoice()],
    ['a 21% VAT invoice', standardInvoice],
    ['a part month', partMonth],
    ['a credit note', creditNote],
    ['an invoice collected by direct debit', directDebit],
  ])('%s passes every rule', (_name, data) => {
    const xml = renderUbl(data);
    for (const ruleSet of RULES) expect({ ruleSet, failed: failedAsserts(xml, ruleSet) }).toEqual({ ruleSet, failed: [] });
    expect(xml).toContain(`<cbc:CustomizationID>${SI_UBL_CUSTOMIZATION}</cbc:CustomizationID>`);
  });

  it('a customer with a Peppol id gets the Peppol BIS 3 variant, which passes the Peppol rules too', () => {
    const xml = renderUbl(exemptInvoice({ customer: { ...customer, peppolId: '0106:69599084' } }));
    expect(xml).toContain(`<cbc:CustomizationID>${PEPPOL_CUSTOMIZATION}</cbc:CustomizationID>`);
    expect(xml).toContain('<cbc:EndpointID schemeID="0106">69599084</cbc:EndpointID>');
    for (const ruleSet of ['PEPPOL-EN16931-UBL', 'CEN-EN16931-UBL'] as const) {
      expect({ ruleSet, failed: failedAsserts(xml, ruleSet) }).toEqual({ ruleSet, failed: [] });
    }
  });

  it('a wrong total fails the rules', () => {
    const xml = renderUbl(exemptInvoice({ totalCents: 15001 }));
    expect(failedAsserts(xml, 'CEN-EN16931-UBL').map((failed) => failed.id)).toContain('BR-CO-15');
    expect(failedAsserts(xml, 'si-ubl-2.0').length).toBeGreaterThan(0);
  });

  it('payment means: 30 with the betalingskenmerk and the IBAN, or 59 with the mandate', () => {
    const transfer = parse(renderUbl(exemptInvoice())).Invoice['cac:PaymentMeans'];
    expect(transfer).toEqual({
      'cbc:PaymentMeansCode': '30',
      'cbc:PaymentID': '1234567890123456',
      'cac:PayeeFinancialAccount': { 'cbc:ID': 'NL91ABNA0417164300' },
    });
    const invoice = parse(renderUbl(directDebit)).Invoice;
    expect(invoice['cac:PaymentMeans']['cbc:PaymentMeansCode']).toBe('59');
    expect(invoice['cac:PaymentMeans']['cac:PaymentMandate']).toEqual({
      'cbc:ID': 'VKG-M-000042',
      'cac:PayerFinancialAccount': { 'cbc:ID': 'NL20INGB0001234567' },
    });
    expect(invoice['cac:AccountingSupplierParty']['cac:Party']['cac:PartyIdentification']['cbc:ID']).toBe('NL98ZZZ999999990000');
  });

  it('a credit note cites its invoice and carries positive amounts', () => {
    const note = parse(renderUbl(creditNote)).CreditNote;
    expect(note['cac:BillingReference']['cac:InvoiceDocumentReference']['cbc:ID']).toBe('VKG-2012-000123');
    expect(note['cac:LegalMonetaryTotal']['cbc:PayableAmount']).toBe('150.00');
  });

  it('refuses a customer without a KvK number, and an address without a postcode', () => {
    expect(eInvoiceRefusalOf({ issuer, customer: { ...customer, kvkNumber: null } })).toBe('customer_without_kvk');
    expect(eInvoiceRefusalOf({ issuer, customer: { ...customer, address: 'Wibautstraat 150 (ruimte 3.12), Amsterdam' } })).toBe(
      'customer_address_incomplete',
    );
    expect(eInvoiceRefusalOf({ issuer: { ...issuer, address: 'Wibautstraat 150' }, customer })).toBe('issuer_address_incomplete');
    expect(() => renderUbl(exemptInvoice({ customer: { ...customer, kvkNumber: null } }))).toThrow(/customer_without_kvk/);
  });
});

describe('amounts', () => {
  it('PayableAmount is the invoice total in cents, for any total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000_00 }), fc.integer({ min: 0, max: 2_000_000_00 }), (baseCents, vatCents) => {
        const data = exemptInvoice({
          lines: [{ ...exemptInvoice().lines[0]!, amountExVatCents: baseCents, vatRateBps: 2100, vatCents }],
          totalExVatCents: baseCents,
          vatCents,
          totalCents: baseCents + vatCents,
        });
        const payable = parse(renderUbl(data)).Invoice['cac:LegalMonetaryTotal']['cbc:PayableAmount'] as string;
        expect(payable).toMatch(/^\d+\.\d{2}$/);
        expect(Number(payable.replace('.', ''))).toBe(baseCents + vatCents);
      }),
    );
  });

  it('decimalOfCents writes exact decimals', () => {
    expect([0, 5, -5, 100, 12345, -12345, 900719925474099].map(decimalOfCents)).toEqual([
      '0.00',
      '0.05',
      '-0.05',
      '1.00',
      '123.45',
      '-123.45',
      '9007199254740.99',
    ]);
  });
});

// Every value stays the text the file holds (a parser would make 150.00 the number 150).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function parse(xml: string): any {
  return new XMLParser({ ignoreAttributes: true, parseTagValue: false }).parse(xml);
}
