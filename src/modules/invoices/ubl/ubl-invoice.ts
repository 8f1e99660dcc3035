import { XMLBuilder } from 'fast-xml-parser';
import { decimalOfCents } from '../../../common/money.js';
import type { EInvoiceUnavailableReason, PartySnapshot } from '../invoice.entity.js';
import { VAT_EXEMPTION_NOTE, vatSummary, type InvoiceDocumentData } from '../invoice-pdf.js';
import { postalAddressOf, type PostalAddress } from './postal-address.js';

/** How the tenant pays: by transfer with the betalingskenmerk to the umbrella's IBAN, or collected under a SEPA mandate. */
export interface UblInvoiceData extends Omit<InvoiceDocumentData, 'buildingName'> {
  /** The customer's reference for what it is billed (SI-UBL asks for one, BR-NL-2): the lease. */
  buyerReference: string;
}

/** Why an invoice's data cannot make an SI-UBL e-invoice. */
export type EInvoiceRefusal = Exclude<EInvoiceUnavailableReason, 'issued_before_e_invoices' | 'e_invoices_off'>;

export const SI_UBL_CUSTOMIZATION = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:nen.nl:nlcius:v1.0';
export const PEPPOL_CUSTOMIZATION = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
const PEPPOL_PROFILE = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';
const KVK_SCHEME = '0106';

/** SI-UBL needs the customer's KvK number (BR-NL-10) and both parties' street, postcode and city (BR-NL-3, BR-NL-4). */
export function eInvoiceRefusalOf(data: Pick<UblInvoiceData, 'issuer' | 'customer'>): EInvoiceRefusal | null {
  if (!data.customer.kvkNumber) return 'customer_without_kvk';
  if (!postalAddressOf(data.customer.address)) return 'customer_address_incomplete';
  if (!postalAddressOf(data.issuer.address)) return 'issuer_address_incomplete';
  return null;
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true });

/**
 * The invoice or credit note as a UBL 2.1 document in the SI-UBL 2.0 profile (NLCIUS), or in the Peppol BIS 3
 * profile when the customer has a Peppol id. Pure: data in, XML out. A credit note carries the amounts the
 * product stores as negative as positive ones: in UBL the document type says which way the money goes.
 * Throws when `eInvoiceRefusalOf` refuses the data.
 */
export function renderUbl(data: UblInvoiceData): string {
  const refusal = eInvoiceRefusalOf(data);
  if (refusal) throw new Error(`invoice ${data.number} cannot be an e-invoice: ${refusal}`);
  const isInvoice = data.kind === 'invoice';
  const peppol = Boolean(data.customer.peppolId);
  const sign = isInvoice ? 1 : -1;
  const amount = (cents: number) => ({ '@_currencyID': 'EUR', '#text': decimalOfCents(sign * cents) });
  const lineTag = isInvoice ? 'cac:InvoiceLine' : 'cac:CreditNoteLine';
  const starts = data.lines.map((line) => line.periodStart).sort();
  const ends = data.lines.map((line) => line.periodEnd).sort();

  const document = {
    'cbc:CustomizationID': peppol ? PEPPOL_CUSTOMIZATION : SI_UBL_CUSTOMIZATION,
    'cbc:ProfileID': PEPPOL_PROFILE,
    'cbc:ID': data.number,
    'cbc:IssueDate': data.issueDate,
    ...(isInvoice ? { 'cbc:DueDate': data.dueDate, 'cbc:InvoiceTypeCode': '380' } : { 'cbc:CreditNoteTypeCode': '381' }),
    ...(data.creditReason ? { 'cbc:Note': data.creditReason } : {}),
    'cbc:DocumentCurrencyCode': 'EUR',
    'cbc:BuyerReference': data.buyerReference,
    ...(starts.length > 0 ? { 'cac:InvoicePeriod': { 'cbc:StartDate': starts[0], 'cbc:EndDate': ends.at(-1) } } : {}),
    ...(data.credits ? { 'cac:BillingReference': { 'cac:InvoiceDocumentReference': { 'cbc:ID': data.credits.number } } } : {}),
    'cac:AccountingSupplierParty': {
      'cac:Party': party(data.issuer, {
        endpoint: peppol ? { scheme: KVK_SCHEME, id: data.issuer.kvkNumber! } : null,
        creditorId: isInvoice && data.payment.kind === 'direct-debit' ? data.payment.creditorIdentifier : null,
      }),
    },
    'cac:AccountingCustomerParty': {
      'cac:Party': party(data.customer, { endpoint: peppol ? peppolEndpoint(data.customer.peppolId!) : null, creditorId: null }),
    },
    ...(isInvoice
      ? { 'cac:PaymentMeans': paymentMeans(data) }
      : { 'cac:PaymentTerms': { 'cbc:Note': 'Verrekend met openstaande facturen of teruggestort.' } }),
    'cac:TaxTotal': {
      'cbc:TaxAmount': amount(data.vatCents),
      'cac:TaxSubtotal': vatSummary(data.lines).map((rate) => ({
        'cbc:TaxableAmount': amount(rate.baseCents),
        'cbc:TaxAmount': amount(rate.vatCents),
        'cac:TaxCategory': taxCategory(rate.vatRateBps, true),
      })),
    },
    'cac:LegalMonetaryTotal': {
      'cbc:LineExtensionAmount': amount(data.totalExVatCents),
      'cbc:TaxExclusiveAmount': amount(data.totalExVatCents),
      'cbc:TaxInclusiveAmount': amount(data.totalCents),
      'cbc:PayableAmount': amount(data.totalCents),
    },
    [lineTag]: data.lines.map((line, index) => ({
      'cbc:ID': String(index + 1),
      [isInvoice ? 'cbc:InvoicedQuantity' : 'cbc:CreditedQuantity']: { '@_unitCode': 'C62', '#text': '1' },
      'cbc:LineExtensionAmount': amount(line.amountExVatCents),
      'cac:InvoicePeriod': { 'cbc:StartDate': line.periodStart, 'cbc:EndDate': line.periodEnd },
      'cac:Item': { 'cbc:Name': line.description, 'cac:ClassifiedTaxCategory': taxCategory(line.vatRateBps, false) },
      'cac:Price': { 'cbc:PriceAmount': amount(line.amountExVatCents) },
    })),
  };
  const root = isInvoice ? 'Invoice' : 'CreditNote';
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    builder.build({
      [root]: {
        '@_xmlns': `urn:oasis:names:specification:ubl:schema:xsd:${root}-2`,
        '@_xmlns:cac': 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
        '@_xmlns:cbc': 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
        ...document,
      },
    })
  );
}

function peppolEndpoint(peppolId: string): { scheme: string; id: string } {
  const separator = peppolId.indexOf(':');
  return { scheme: peppolId.slice(0, separator), id: peppolId.slice(separator + 1) };
}

function party(snapshot: PartySnapshot, options: { endpoint: { scheme: string; id: string } | null; creditorId: string | null }) {
  const address: PostalAddress = postalAddressOf(snapshot.address)!;
  return {
    ...(options.endpoint ? { 'cbc:EndpointID': { '@_schemeID': options.endpoint.scheme, '#text': options.endpoint.id } } : {}),
    // The SEPA creditor identifier (BT-90) of who collects by direct debit.
    ...(options.creditorId ? { 'cac:PartyIdentification': { 'cbc:ID': { '@_schemeID': 'SEPA', '#text': options.creditorId } } } : {}),
    'cac:PartyName': { 'cbc:Name': snapshot.name },
    'cac:PostalAddress': {
      'cbc:StreetName': address.street,
      'cbc:CityName': address.city,
      'cbc:PostalZone': address.postalZone,
      'cac:Country': { 'cbc:IdentificationCode': 'NL' },
    },
    ...(snapshot.vatNumber ? { 'cac:PartyTaxScheme': { 'cbc:CompanyID': snapshot.vatNumber, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } } } : {}),
    'cac:PartyLegalEntity': {
      'cbc:RegistrationName': snapshot.name,
      'cbc:CompanyID': { '@_schemeID': KVK_SCHEME, '#text': snapshot.kvkNumber },
    },
    ...(snapshot.email ? { 'cac:Contact': { 'cbc:ElectronicMail': snapshot.email } } : {}),
  };
}

/**
 * Exempt rent (category E) says why in words: SI-UBL advises against the exemption reason code (BR-NL-35),
 * and EN 16931 takes a text instead (BR-E-10). The reason belongs to the document's VAT breakdown, not to its lines.
 */
function taxCategory(vatRateBps: number, withReason: boolean) {
  const exempt = vatRateBps === 0;
  return {
    'cbc:ID': exempt ? 'E' : 'S',
    'cbc:Percent': decimalOfCents(vatRateBps),
    ...(exempt && withReason ? { 'cbc:TaxExemptionReason': VAT_EXEMPTION_NOTE } : {}),
    'cac:TaxScheme': { 'cbc:ID': 'VAT' },
  };
}

function paymentMeans(data: UblInvoiceData) {
  if (data.payment.kind === 'direct-debit') {
    return {
      'cbc:PaymentMeansCode': '59',
      'cbc:PaymentID': data.paymentReference,
      'cac:PaymentMandate': {
        'cbc:ID': data.payment.mandateReference,
        'cac:PayerFinancialAccount': { 'cbc:ID': data.payment.debtorIban },
      },
    };
  }
  return {
    'cbc:PaymentMeansCode': '30',
    'cbc:PaymentID': data.paymentReference,
    'cac:PayeeFinancialAccount': { 'cbc:ID': data.issuer.iban },
  };
}
