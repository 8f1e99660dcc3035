import { CONTENT_WIDTH, drawTable, PAGE, type Pdf, renderPdf } from '../../pdf/document.js';
import { dutchDate, dutchPeriod, euros, groupedIban, groupedReference } from '../../pdf/dutch-format.js';
import { drawQrCode } from '../../pdf/qr-code.js';
import { epcPayload, isPayableByQr } from './epc-payload.js';
import type { PartySnapshot } from './invoice.entity.js';

/** How the tenant pays: by direct debit under an active mandate, or by transfer (the BIC is for the QR code). */
export type InvoicePaymentMethod =
  | { kind: 'direct-debit'; mandateId: string; mandateReference: string; creditorIdentifier: string; debtorIban: string }
  | { kind: 'transfer'; bic: string | null };

export interface InvoiceDocumentData {
  kind: 'invoice' | 'credit_note';
  number: string;
  /** The invoice a credit note cancels. */
  credits: { number: string; issueDate: string } | null;
  creditReason: string | null;
  buildingName: string;
  issueDate: string;
  dueDate: string;
  period: string;
  issuer: PartySnapshot;
  customer: PartySnapshot;
  lines: { description: string; periodStart: string; periodEnd: string; amountExVatCents: number; vatRateBps: number; vatCents: number }[];
  totalExVatCents: number;
  vatCents: number;
  totalCents: number;
  paymentReference: string;
  payment: InvoicePaymentMethod;
}

export const VAT_EXEMPTION_NOTE = 'Vrijgesteld van btw (verhuur onroerende zaak, art. 11 lid 1 sub b Wet OB 1968)';

/** Amount excluding VAT and the VAT, per rate: what Dutch law asks an invoice to show. */
export function vatSummary(lines: InvoiceDocumentData['lines']): { vatRateBps: number; baseCents: number; vatCents: number }[] {
  const byRate = new Map<number, { vatRateBps: number; baseCents: number; vatCents: number }>();
  for (const line of lines) {
    const entry = byRate.get(line.vatRateBps) ?? { vatRateBps: line.vatRateBps, baseCents: 0, vatCents: 0 };
    entry.baseCents += line.amountExVatCents;
    entry.vatCents += line.vatCents;
    byRate.set(line.vatRateBps, entry);
  }
  return [...byRate.values()].sort((a, b) => b.vatRateBps - a.vatRateBps);
}

function partyLines(party: PartySnapshot): string[] {
  return [party.name, ...(party.address ? party.address.split(/,\s*/) : [])];
}

/** Who sent it and how to reach them, at the foot of every page. */
export function issuerFooter(issuer: PartySnapshot): string {
  return [
    issuer.name,
    issuer.address,
    issuer.email,
    issuer.kvkNumber && `KvK ${issuer.kvkNumber}`,
    issuer.vatNumber && `btw ${issuer.vatNumber}`,
    issuer.iban && `IBAN ${groupedIban(issuer.iban)}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * The EPC QR code's text for an invoice paid by transfer, so a banking app fills in the transfer;
 * none for a credit note, an invoice collected by direct debit or one without the issuer's IBAN.
 */
export function invoiceQrPayload(data: InvoiceDocumentData): string | null {
  if (data.kind !== 'invoice' || data.payment.kind !== 'transfer' || !data.issuer.iban || !isPayableByQr(data.totalCents)) return null;
  return epcPayload({
    bic: data.payment.bic,
    name: data.issuer.name,
    iban: data.issuer.iban,
    amountCents: data.totalCents,
    reference: data.paymentReference,
  });
}

const QR_SIZE = 100;

/** The request to pay by transfer, with the QR code at its right. */
function drawTransferRequest(doc: Pdf, data: InvoiceDocumentData, iban: string): void {
  const qr = invoiceQrPayload(data);
  const textWidth = qr ? CONTENT_WIDTH - QR_SIZE - 20 : CONTENT_WIDTH;
  if (qr && doc.y + QR_SIZE + 20 > PAGE.height - PAGE.margin) doc.addPage();
  const top = doc.y;
  doc.text(
    `Gelieve ${euros(data.totalCents)} vóór ${dutchDate(data.dueDate)} over te maken naar ${iban} ` +
      `t.n.v. ${data.issuer.name} onder vermelding van betalingskenmerk ${groupedReference(data.paymentReference)}.`,
    PAGE.margin,
    top,
    { width: textWidth },
  );
  if (!qr) return;
  doc.moveDown(0.5).text('Of scan de QR-code met uw bank-app: bedrag, rekening en betalingskenmerk staan er al in.', { width: textWidth });
  const bottomOfText = doc.y;
  const qrLeft = PAGE.margin + CONTENT_WIDTH - QR_SIZE;
  drawQrCode(doc, qr, qrLeft, top, QR_SIZE);
  doc
    .fontSize(7)
    .text('Betalen met QR-code', qrLeft, top + QR_SIZE + 2, { width: QR_SIZE, align: 'center' })
    .fontSize(9);
  doc.x = PAGE.margin;
  doc.y = Math.max(bottomOfText, top + QR_SIZE + 14);
}

/**
 * The pre-notification of a direct debit (at least 14 days ahead, as the SEPA rulebook asks): the
 * amount, around which day, from which account, under which mandate and creditor identifier.
 */
function drawPreNotification(doc: Pdf, data: InvoiceDocumentData, payment: Extract<InvoicePaymentMethod, { kind: 'direct-debit' }>): void {
  doc.text(
    `Automatische incasso: ${euros(data.totalCents)} wordt rond ${dutchDate(data.dueDate)} afgeschreven van rekening ` +
      `${groupedIban(payment.debtorIban)}, onder machtigingskenmerk ${payment.mandateReference} en incassant-ID ` +
      `${payment.creditorIdentifier} van ${data.issuer.name}, met betalingskenmerk ${groupedReference(data.paymentReference)}. ` +
      `U hoeft niets over te maken.`,
    PAGE.margin,
    doc.y,
    { width: CONTENT_WIDTH },
  );
}

/** A Dutch invoice or credit note as PDF. Pure: data in, file out. */
export function renderInvoicePdf(data: InvoiceDocumentData): Promise<Buffer> {
  const isInvoice = data.kind === 'invoice';
  const title = isInvoice ? 'Factuur' : 'Creditnota';
  const iban = data.issuer.iban ? groupedIban(data.issuer.iban) : '—';
  const info = { title: `${title} ${data.number}`, author: data.issuer.name, date: data.issueDate, footer: issuerFooter(data.issuer) };
  return renderPdf(info, (doc) => {
    doc.font('bold').fontSize(14).text(data.issuer.name);
    doc.font('regular').fontSize(9);
    for (const line of partyLines(data.issuer).slice(1)) doc.text(line);
    doc.text(`KvK ${data.issuer.kvkNumber ?? '—'} · Btw-nummer ${data.issuer.vatNumber ?? '—'}`);
    doc.text(`IBAN ${iban}`);

    doc.moveDown(2);
    const top = doc.y;
    doc.fontSize(10);
    for (const line of partyLines(data.customer)) doc.text(line, PAGE.margin, doc.y, { width: CONTENT_WIDTH / 2 });
    if (data.customer.vatNumber) doc.text(`Btw-nummer ${data.customer.vatNumber}`);
    const right = PAGE.margin + CONTENT_WIDTH / 2 + 20;
    doc.font('bold').fontSize(16).text(title, right, top);
    doc.font('regular').fontSize(10);
    const facts: [string, string][] = isInvoice
      ? [
          ['Factuurnummer', data.number],
          ['Factuurdatum', dutchDate(data.issueDate)],
          ['Periode', dutchPeriod(data.period)],
          ['Vervaldatum', dutchDate(data.dueDate)],
        ]
      : [
          ['Creditnotanummer', data.number],
          ['Datum', dutchDate(data.issueDate)],
          ['Periode', dutchPeriod(data.period)],
        ];
    facts.push(['Pand', data.buildingName]);
    for (const [label, value] of facts) doc.text(`${label}: ${value}`, right, doc.y, { width: CONTENT_WIDTH / 2 - 20 });
    if (data.credits) {
      doc.text(`Crediteert factuur ${data.credits.number} van ${dutchDate(data.credits.issueDate)}`, right, doc.y, {
        width: CONTENT_WIDTH / 2 - 20,
      });
    }

    doc.x = PAGE.margin;
    doc.y = Math.max(doc.y, top + 90);
    doc.moveDown();
    drawTable(
      doc,
      [
        { header: 'Omschrijving', width: 190 },
        { header: 'Van – tot en met', width: 115 },
        { header: 'Excl. btw', width: 70, align: 'right' },
        { header: 'Btw', width: 50, align: 'right' },
        { header: 'Btw-bedrag', width: 70, align: 'right' },
      ],
      data.lines.map((line) => [
        line.description,
        `${dutchDate(line.periodStart)} – ${dutchDate(line.periodEnd)}`,
        euros(line.amountExVatCents),
        line.vatRateBps === 0 ? 'vrij' : `${line.vatRateBps / 100}%`,
        euros(line.vatCents),
      ]),
      { fontSize: 8 },
    );

    doc.moveDown();
    const totalsX = PAGE.margin + 205;
    const row = (label: string, value: string, bold = false) => {
      const y = doc.y;
      doc.font(bold ? 'bold' : 'regular').text(label, totalsX, y, { width: 200 });
      doc.text(value, totalsX + 200, y, { width: 90, align: 'right' });
    };
    for (const rate of vatSummary(data.lines)) {
      if (rate.vatRateBps === 0) {
        row('Bedrag vrijgesteld van btw', euros(rate.baseCents));
      } else {
        row(`Bedrag excl. btw ${rate.vatRateBps / 100}%`, euros(rate.baseCents));
        row(`Btw ${rate.vatRateBps / 100}%`, euros(rate.vatCents));
      }
    }
    row('Totaal excl. btw', euros(data.totalExVatCents));
    row('Totaal btw', euros(data.vatCents));
    row(isInvoice ? 'Totaal te betalen' : 'Totaal gecrediteerd', euros(data.totalCents), true);

    doc.font('regular').fontSize(9);
    doc.x = PAGE.margin;
    doc.moveDown(2);
    if (data.lines.some((line) => line.vatRateBps === 0)) doc.text(VAT_EXEMPTION_NOTE, PAGE.margin, doc.y, { width: CONTENT_WIDTH });
    if (data.creditReason) doc.text(`Reden van creditering: ${data.creditReason}`, { width: CONTENT_WIDTH });
    doc.moveDown();
    if (isInvoice && data.payment.kind === 'direct-debit') {
      drawPreNotification(doc, data, data.payment);
    } else if (isInvoice) {
      drawTransferRequest(doc, data, iban);
    } else {
      doc.text(`Het bedrag van deze creditnota wordt verrekend met openstaande facturen of teruggestort.`, { width: CONTENT_WIDTH });
    }
  });
}
