import { CONTENT_WIDTH, drawTable, PAGE, renderPdf } from '../../pdf/document.js';
import { dutchDate, dutchPeriod, euros, groupedIban, groupedReference } from '../../pdf/dutch-format.js';
import type { PartySnapshot } from './invoice.entity.js';

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
    if (isInvoice) {
      doc.text(
        `Gelieve ${euros(data.totalCents)} vóór ${dutchDate(data.dueDate)} over te maken naar ${iban} ` +
          `t.n.v. ${data.issuer.name} onder vermelding van betalingskenmerk ${groupedReference(data.paymentReference)}.`,
        { width: CONTENT_WIDTH },
      );
    } else {
      doc.text(`Het bedrag van deze creditnota wordt verrekend met openstaande facturen of teruggestort.`, { width: CONTENT_WIDTH });
    }
  });
}
