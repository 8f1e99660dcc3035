import fc from 'fast-check';
import { isValidDutchVatNumber } from './vat-number.js';

describe('the Dutch VAT number check', () => {
  it('passes numbers that pass the mod-11 test', () => {
    expect(isValidDutchVatNumber('NL123456782B01')).toBe(true);
    expect(isValidDutchVatNumber('NL004495445B01')).toBe(true);
  });

  it('passes the newer numbers that pass the mod-97 test', () => {
    expect(isValidDutchVatNumber('NL000099998B57')).toBe(true);
  });

  it('refuses numbers that fail both tests or are not written NL + 9 digits + B + 2 digits', () => {
    for (const number of [
      'NL123456783B01',
      'NL000099998B58',
      'NL815763436B01',
      'NL12345678B01',
      'NL123456782X01',
      'nl123456782b01',
      'DE123456782B01',
    ])
      expect(isValidDutchVatNumber(number)).toBe(false);
  });

  it('catches every change of one digit in an old number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
        const digits = '123456782'.split('').map(Number);
        digits[position] = (digits[position]! + delta) % 10;
        const changed = `NL${digits.join('')}B01`;
        // A change can only pass by landing on a number that passes mod-97 instead.
        return !isValidDutchVatNumber(changed) || passesMod97Only(changed);
      }),
    );
  });
});

function passesMod97Only(value: string): boolean {
  const numeric = value.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  return BigInt(numeric) % 97n === 1n;
}
