import { pdfCreationDay, pdfText } from '../../../test/helpers/pdf-text.js';
import { renderReminderLetterPdf, type ReminderLetterData } from './reminder-letter-pdf.js';

const letter: ReminderLetterData = {
  step: 1,
  sentOn: '2012-03-29',
  issuer: { name: 'Stichting Urban Resort', address: 'Wibautstraat 150, 1091 GR Amsterdam', iban: 'NL91ABNA0417164300' },
  customer: { name: 'Łukasz Ørsted', address: 'Czerwona 5, Łódź' },
  invoiceNumber: 'VKG-2012-000123',
  dueDate: '2012-03-15',
  totalCents: 12_500,
  openCents: 10_000,
  paymentReference: '1234567890123456',
  payWithinDays: 14,
};

describe('the reminder letter', () => {
  it('says what is open on which invoice and how to pay it, in the tenant’s own letters', async () => {
    const bytes = await renderReminderLetterPdf(letter);
    const text = await pdfText(bytes);
    for (const expected of [
      'Betalingsherinnering',
      'VKG-2012-000123',
      '15-03-2012',
      '€ 125,00',
      '€ 100,00',
      'NL91 ABNA 0417 1643 00',
      '1234 5678 9012 3456',
      'vóór 12-04-2012',
      'Łukasz Ørsted',
      'Łódź',
    ])
      expect(text).toContain(expected);
    expect(await pdfCreationDay(bytes)).toBe('2012-03-29');
  });

  it('names each step', async () => {
    expect(await pdfText(await renderReminderLetterPdf({ ...letter, step: 2 }))).toContain('Tweede betalingsherinnering');
    const final = (await pdfText(await renderReminderLetterPdf({ ...letter, step: 3 }))).replace(/\s+/g, ' ');
    expect(final).toContain('Aanmaning');
    expect(final).toContain('Dit is onze laatste aanmaning');
  });
});
