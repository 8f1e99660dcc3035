import { renderMail, TEMPLATES, type TemplateName } from './mail-templates.js';

const SAMPLE = {
  name: '<b>Bold</b> & "Co"',
  number: 'VKG-2012-000001',
  groupName: 'Oostblok',
  buildingName: 'Volkskrantgebouw',
  floorLevel: 3,
  floorName: null,
  areaM2: 512.5,
  replyBy: '2012-03-29',
  spaceCode: 'A1.01',
  endDate: '2012-06-30',
  period: '2012-02',
  format: 'pdf',
  propertyName: 'Wibauthuis',
  address: 'Wibautstraat 3',
  vacantSince: '2026-01-10',
  reportDueOn: '2026-07-10',
  fineCents: 750000,
  url: 'https://broedplaats.example/x?a=1&b=2',
  amountCents: 12345,
  openCents: 10500,
  collectionDate: '2012-03-15',
  mandateReference: 'VKG-M-000123',
  ibanEnd: '6789',
  creditorName: 'Stichting Urban Resort',
  creditorIdentifier: 'NL05ZZZ342635380000',
  step: 2,
  transferDate: '2012-06-01',
};

describe('mail templates', () => {
  it('name amounts and the reminder step in the recipient’s language', () => {
    expect(renderMail('direct-debit-prenotification', 'nl', SAMPLE).text).toMatch(/€\s123,45/);
    expect(renderMail('direct-debit-prenotification', 'en', SAMPLE).text).toContain('€123.45');
    expect(renderMail('payment-reminder', 'nl', SAMPLE).subject).toBe('Tweede herinnering: factuur VKG-2012-000001');
    expect(renderMail('payment-reminder', 'en', { ...SAMPLE, step: 3 }).subject).toBe('Final notice: invoice VKG-2012-000001');
  });

  const names = Object.keys(TEMPLATES) as TemplateName[];

  it.each(names)('%s says something in Dutch and in English, as text and HTML', (name) => {
    const nl = renderMail(name, 'nl', SAMPLE);
    const en = renderMail(name, 'en', SAMPLE);
    expect(nl.subject).not.toBe(en.subject);
    for (const mail of [nl, en]) {
      expect(mail.subject).not.toMatch(/undefined|null|NaN/);
      expect(mail.text).not.toMatch(/undefined|NaN/);
      expect(mail.html).toMatch(/^<!doctype html>/);
    }
  });

  it('keeps a name with markup as text in the HTML and as it is in the plain text', () => {
    const mail = renderMail('invoice', 'en', SAMPLE);
    expect(mail.text).toContain('Dear <b>Bold</b> & "Co",');
    expect(mail.html).toContain('Dear &lt;b&gt;Bold&lt;/b&gt; &amp; &quot;Co&quot;,');
    expect(mail.html).not.toContain('<b>Bold</b>');
  });

  it('says in the footer of legal mail that there is no unsubscribing, and not in other mail', () => {
    expect(renderMail('invoice', 'nl', SAMPLE).text).toContain('afmelden hiervoor is niet mogelijk');
    expect(renderMail('notice-to-vacate', 'en', SAMPLE).text).toContain('you cannot unsubscribe from it');
    expect(renderMail('offer-made', 'en', SAMPLE).text).not.toContain('unsubscribe');
  });

  it('writes dates and areas the way each language does, and escapes the link in the HTML', () => {
    const nl = renderMail('offer-made', 'nl', SAMPLE);
    expect(nl.text).toContain('29 maart 2012');
    expect(nl.text).toContain('512,5 m²');
    expect(nl.text).toContain('verdieping 3');
    expect(renderMail('offer-made', 'en', SAMPLE).text).toContain('29 March 2012');
    expect(nl.html).toContain('href="https://broedplaats.example/x?a=1&amp;b=2"');
  });
});
