import { pdfCreationDay, pdfText } from '../../../test/helpers/pdf-text.js';
import { type InvoiceDocumentData, invoiceQrPayload, renderInvoicePdf, VAT_EXEMPTION_NOTE } from './invoice-pdf.js';

const invoice: InvoiceDocumentData = {
  kind: 'invoice',
  number: 'VKG-2012-000123',
  credits: null,
  creditReason: null,
  buildingName: 'Volkskrantgebouw',
  issueDate: '2012-03-01',
  dueDate: '2012-03-15',
  period: '2012-03',
  issuer: {
    name: 'Stichting Urban Resort',
    address: 'Wibautstraat 150, 1091 GR Amsterdam',
    kvkNumber: '34263538',
    vatNumber: 'NL123456782B01',
    iban: 'NL91ABNA0417164300',
    email: 'administratie@urbanresort.nl',
  },
  customer: {
    name: 'Łukasz Petőfi-Şahin Öztürk',
    address: 'Wibautstraat 150-3.14, 1091 GR Amsterdam',
    kvkNumber: null,
    vatNumber: 'NL000099998B57',
    iban: null,
    email: 'l@x.nl',
  },
  lines: [
    {
      description: 'Huur ruimte 3.14, tarief A',
      periodStart: '2012-03-01',
      periodEnd: '2012-03-31',
      amountExVatCents: 123_456,
      vatRateBps: 2100,
      vatCents: 25_926,
    },
    {
      description: 'Voorschot servicekosten ruimte 3.14',
      periodStart: '2012-03-01',
      periodEnd: '2012-03-31',
      amountExVatCents: 3000,
      vatRateBps: 0,
      vatCents: 0,
    },
  ],
  totalExVatCents: 126_456,
  vatCents: 25_926,
  totalCents: 152_382,
  paymentReference: '9000012012000123',
  payment: { kind: 'transfer', bic: 'ABNANL2A' },
};

const collected: InvoiceDocumentData = {
  ...invoice,
  payment: {
    kind: 'direct-debit',
    mandateId: '00000000-0000-4000-8000-000000000001',
    mandateReference: 'VKG-M-000123',
    creditorIdentifier: 'NL05ZZZ342635380000',
    debtorIban: 'NL02ABNA0123456789',
  },
};

describe('the invoice PDF', () => {
  it('holds every field Dutch law asks for, in Dutch formats', async () => {
    const pdf = await renderInvoicePdf(invoice);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    for (const expected of [
      'Stichting Urban Resort', // issuer name and address
      'Wibautstraat 150',
      'KvK 34263538', // issuer KvK and VAT number
      'NL123456782B01',
      'Łukasz Petőfi-Şahin Öztürk', // customer name (with its letters) and address
      'Wibautstraat 150-3.14',
      'Factuurnummer: VKG-2012-000123', // number and date
      'Factuurdatum: 01-03-2012',
      'maart 2012', // what was supplied for which period
      'Huur ruimte 3.14',
      '01-03-2012 – 31-03-2012',
      'Bedrag excl. btw 21% € 1.234,56', // amount excluding VAT per rate
      'Btw 21% € 259,26', // VAT rate and amount
      'Bedrag vrijgesteld van btw € 30,00',
      VAT_EXEMPTION_NOTE,
      'Totaal te betalen € 1.523,82', // total
      'Vervaldatum: 15-03-2012', // due date
      'IBAN NL91 ABNA 0417 1643 00', // issuer IBAN, in groups of four
      '9000 0120 1200 0123', // betalingskenmerk
      'Pand: Volkskrantgebouw',
      'administratie@urbanresort.nl', // the footer: how to reach the issuer
      'pagina 1 van 1',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('is dated the day it was issued', async () => {
    expect(await pdfCreationDay(await renderInvoicePdf(invoice))).toBe('2012-03-01');
  });

  it('numbers every page in the footer', async () => {
    const lines = Array.from({ length: 60 }, (_, index) => ({ ...invoice.lines[0]!, description: `Regel ${index + 1}` }));
    const text = await pdfText(await renderInvoicePdf({ ...invoice, lines }));
    expect(text).toContain('pagina 1 van 2');
    expect(text).toContain('pagina 2 van 2');
    expect(text).not.toContain('pagina 3');
  });

  it('reads as a credit note: its own number, the credited invoice with its date, nothing to pay', async () => {
    const text = (
      await pdfText(
        await renderInvoicePdf({
          ...invoice,
          kind: 'credit_note',
          number: 'VKG-2012-000124',
          issueDate: '2012-03-20',
          credits: { number: 'VKG-2012-000123', issueDate: '2012-03-01' },
          creditReason: 'Dubbel gefactureerd, tarief C',
          lines: [{ ...invoice.lines[1]!, amountExVatCents: -15_600 }],
          totalExVatCents: -15_600,
          vatCents: 0,
          totalCents: -15_600,
        }),
      )
    ).replace(/\s+/g, ' ');
    expect(text).toContain('Creditnota');
    expect(text).toContain('Creditnotanummer: VKG-2012-000124');
    expect(text).toContain('Datum: 20-03-2012');
    expect(text).toContain('Crediteert factuur VKG-2012-000123 van 01-03-2012');
    expect(text).toContain('Dubbel gefactureerd, tarief C');
    expect(text).toContain('Totaal gecrediteerd € -156,00');
    expect(text).not.toContain('Vervaldatum');
    expect(text).not.toMatch(/te betalen/i);
  });

  it('carries the EPC QR code of the transfer beside the payment text when paid by transfer', async () => {
    expect(invoiceQrPayload(invoice)).toBe(
      ['BCD', '002', '1', 'SCT', 'ABNANL2A', 'Stichting Urban Resort', 'NL91ABNA0417164300', 'EUR1523.82', '', '9000012012000123'].join(
        '\n',
      ),
    );
    const text = (await pdfText(await renderInvoicePdf(invoice))).replace(/\s+/g, ' ');
    expect(text).toContain('Gelieve € 1.523,82 vóór 15-03-2012 over te maken naar NL91 ABNA 0417 1643 00');
    expect(text).toContain('Of scan de QR-code met uw bank-app');
    expect(text).toContain('Betalen met QR-code');
    expect(text).toContain('pagina 1 van 1');
  });

  it('announces the direct debit instead when the tenant has a mandate, with mandate and creditor, and has no QR code', async () => {
    expect(invoiceQrPayload(collected)).toBeNull();
    const text = (await pdfText(await renderInvoicePdf(collected))).replace(/\s+/g, ' ');
    expect(text).toContain(
      'Automatische incasso: € 1.523,82 wordt rond 15-03-2012 afgeschreven van rekening NL02 ABNA 0123 4567 89, onder machtigingskenmerk VKG-M-000123 en incassant-ID NL05ZZZ342635380000',
    );
    expect(text).toContain('9000 0120 1200 0123');
    expect(text).not.toContain('Gelieve');
    expect(text).not.toContain('QR-code');
  });

  it('has no QR code on a credit note nor without the issuer’s IBAN', () => {
    expect(invoiceQrPayload({ ...invoice, kind: 'credit_note', totalCents: -15_600 })).toBeNull();
    expect(invoiceQrPayload({ ...invoice, issuer: { ...invoice.issuer, iban: null } })).toBeNull();
  });
});
