import { addDays } from '../../common/dates.js';
import { CONTENT_WIDTH, drawTable, PAGE, renderPdf } from '../../pdf/document.js';
import { dutchDate, euros, groupedIban, groupedReference } from '../../pdf/dutch-format.js';
import type { DunningStep } from './dunning-rules.js';

export interface ReminderLetterData {
  step: DunningStep;
  sentOn: string;
  issuer: { name: string; address: string | null; iban: string | null };
  customer: { name: string; address: string | null };
  invoiceNumber: string;
  dueDate: string;
  totalCents: number;
  openCents: number;
  paymentReference: string;
  /** Days the tenant has to pay from the letter's date. */
  payWithinDays: number;
}

export const STEP_TITLES: Record<DunningStep, string> = {
  1: 'Betalingsherinnering',
  2: 'Tweede betalingsherinnering',
  3: 'Aanmaning',
};

const OPENINGS: Record<DunningStep, string> = {
  1: 'Volgens onze administratie is de onderstaande factuur nog niet (geheel) betaald. Misschien is het u ontgaan; wilt u het openstaande bedrag alsnog overmaken?',
  2: 'Wij herinnerden u eerder aan de onderstaande factuur, maar hebben het openstaande bedrag nog niet ontvangen. Wij vragen u het nu te betalen.',
  3: 'Ondanks onze eerdere herinneringen staat de onderstaande factuur nog open. Dit is onze laatste aanmaning: betaal het openstaande bedrag binnen de genoemde termijn.',
};

const CLOSINGS: Record<DunningStep, string> = {
  1: 'Heeft u inmiddels betaald, dan kunt u deze herinnering als niet verzonden beschouwen.',
  2: 'Lukt het niet om in één keer te betalen? Neem dan contact met ons op: een betalingsregeling is mogelijk.',
  3: 'Betaalt u niet binnen deze termijn, dan kunnen wij verdere stappen nemen om het bedrag te innen; de kosten daarvan kunnen voor uw rekening komen. Neem contact met ons op als u een betalingsregeling wilt treffen.',
};

/** A reminder letter (first, second, final notice) as PDF. Pure: data in, file out. */
export function renderReminderLetterPdf(data: ReminderLetterData): Promise<Buffer> {
  const title = STEP_TITLES[data.step];
  const iban = data.issuer.iban ? groupedIban(data.issuer.iban) : '—';
  const payBy = addDays(data.sentOn, data.payWithinDays);
  const footer = [data.issuer.name, data.issuer.address, data.issuer.iban && `IBAN ${iban}`].filter(Boolean).join(' · ');
  return renderPdf({ title: `${title} ${data.invoiceNumber}`, author: data.issuer.name, date: data.sentOn, footer }, (doc) => {
    doc.font('bold').fontSize(14).text(data.issuer.name);
    doc.font('regular').fontSize(9);
    for (const line of data.issuer.address?.split(/,\s*/) ?? []) doc.text(line);
    doc.moveDown(2);
    doc.fontSize(10).text(data.customer.name);
    for (const line of data.customer.address?.split(/,\s*/) ?? []) doc.text(line);
    doc.moveDown(2);
    doc.text(`Datum: ${dutchDate(data.sentOn)}`);
    doc.moveDown();
    doc.font('bold').fontSize(16).text(title);
    doc.font('regular').fontSize(10).text(`Betreft factuur ${data.invoiceNumber}`);
    doc.moveDown();
    doc.text(`Beste ${data.customer.name},`);
    doc.moveDown(0.5);
    doc.text(OPENINGS[data.step], { width: CONTENT_WIDTH });
    doc.moveDown();
    const half = CONTENT_WIDTH / 2;
    drawTable(
      doc,
      [
        { header: 'Factuurnummer', width: half / 2 },
        { header: 'Vervaldatum', width: half / 2 },
        { header: 'Factuurbedrag', width: half / 2, align: 'right' },
        { header: 'Nog te betalen', width: half / 2, align: 'right' },
      ],
      [[data.invoiceNumber, dutchDate(data.dueDate), euros(data.totalCents), euros(data.openCents)]],
      { fontSize: 10 },
    );
    doc.moveDown();
    doc.font('bold').text('Zo betaalt u');
    doc.font('regular');
    doc.text(`Maak ${euros(data.openCents)} vóór ${dutchDate(payBy)} over naar IBAN ${iban} ten name van ${data.issuer.name},`, {
      width: CONTENT_WIDTH,
    });
    doc.text(`met het betalingskenmerk ${groupedReference(data.paymentReference)}.`, { width: CONTENT_WIDTH });
    doc.moveDown();
    doc.text(CLOSINGS[data.step], { width: CONTENT_WIDTH });
    doc.moveDown();
    doc.text('Met vriendelijke groet,');
    doc.text(data.issuer.name);
    doc.x = PAGE.margin;
  });
}
