import { inertCells, inertText } from './inert-text.js';

describe('text in spreadsheet cells', () => {
  it('cannot start a formula', () => {
    for (const formula of ['=HYPERLINK("http://x","y")', '+31 20 123', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(inertText(formula)).toBe(`'${formula}`);
  });

  it('is left as it is otherwise', () => {
    for (const text of ['Volkskrantgebouw', 'Łódź', 'a=b', '', "'quoted"]) expect(inertText(text)).toBe(text);
  });

  it('is made of every text cell of a row, whichever column, and of text only', () => {
    expect(inertCells({ name: '=1+1', district: '@x', city: 'Amsterdam', vacantM2: -5, monthsVacant: '' })).toEqual({
      name: "'=1+1",
      district: "'@x",
      city: 'Amsterdam',
      vacantM2: -5,
      monthsVacant: '',
    });
  });
});
