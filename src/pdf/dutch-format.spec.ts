import { dutchDate, dutchPeriod, euros, groupedIban, groupedReference, squareMetres } from './dutch-format.js';

describe('Dutch formats', () => {
  it('writes money, areas, dates and periods the Dutch way', () => {
    expect(euros(123456)).toBe('€ 1.234,56');
    expect(euros(5)).toBe('€ 0,05');
    expect(euros(-12500)).toBe('€ -125,00');
    expect(squareMetres(25)).toBe('25,00 m²');
    expect(squareMetres(1234.5)).toBe('1.234,50 m²');
    expect(dutchDate('2012-03-15')).toBe('15-03-2012');
    expect(dutchPeriod('2012-03')).toBe('maart 2012');
    expect(groupedReference('1234567890123456')).toBe('1234 5678 9012 3456');
    expect(groupedIban('NL91ABNA0417164300')).toBe('NL91 ABNA 0417 1643 00');
  });
});
