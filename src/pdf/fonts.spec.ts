import { pdfText } from '../../test/helpers/pdf-text.js';
import { renderPdf } from './document.js';

const WORDS = 'Creditnota Tarief C ICT Łódź Őrs Şahin € 1.234,56';

describe('the embedded fonts', () => {
  it('give back every letter, also after a document with composite letters (Ç is C plus a cedilla)', async () => {
    const render = (text: string) =>
      renderPdf({ title: text, author: 'test', date: '2012-03-01' }, (doc) => {
        doc.font('regular').text(text);
        doc.font('bold').text(text);
      });
    await render('ÇĆČ ÀÉÖ François');
    const text = await pdfText(await render(WORDS));
    expect(text).toContain(`${WORDS}\n${WORDS}`);
  });
});
