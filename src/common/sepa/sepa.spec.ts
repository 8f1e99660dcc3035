import fc from 'fast-check';
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { creditorCheckDigits, dutchCreditorIdentifier, isValidCreditorIdentifier, mod97 } from './creditor-identifier.js';
import { decimalOfCents } from '../money.js';
import { isSepaIdentifier, isSepaText, toSepaText } from './sepa-text.js';

describe('creditor identifier (incassant-ID)', () => {
  it('accepts the published examples and refuses a changed digit, a wrong length or another shape', () => {
    expect(isValidCreditorIdentifier('NL79ZZZ999999990000')).toBe(true);
    expect(dutchCreditorIdentifier('34263538')).toBe('NL05ZZZ342635380000');
    expect(isValidCreditorIdentifier('NL05ZZZ342635380000')).toBe(true);
    expect(isValidCreditorIdentifier('NL06ZZZ342635380000')).toBe(false);
    expect(isValidCreditorIdentifier('NL05ZZZ342635380001')).toBe(false);
    expect(isValidCreditorIdentifier('NL05ZZZ34263538000')).toBe(false);
    expect(isValidCreditorIdentifier('nl05zzz342635380000')).toBe(false);
    expect(isValidCreditorIdentifier('DE98ZZZ09999999999')).toBe(false);
    // The German example checks with the same rule, which the Dutch format then narrows.
    expect(creditorCheckDigits('DE', '09999999999')).toBe('98');
  });

  it('leaves the business code out of the check, as the rulebook says', () => {
    expect(isValidCreditorIdentifier('NL05ABC342635380000')).toBe(true);
  });

  it('checks every KvK number and suffix it builds, and catches any one digit changed', () => {
    const digits = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
    fc.assert(
      fc.property(digits(8), digits(4), fc.integer({ min: 7, max: 18 }), fc.integer({ min: 1, max: 9 }), (kvk, suffix, position, delta) => {
        const identifier = dutchCreditorIdentifier(kvk, suffix);
        expect(isValidCreditorIdentifier(identifier)).toBe(true);
        const changed = (Number(identifier[position]) + delta) % 10;
        const broken = `${identifier.slice(0, position)}${changed}${identifier.slice(position + 1)}`;
        expect(isValidCreditorIdentifier(broken)).toBe(false);
      }),
    );
  });

  it('computes mod 97 like the IBAN check: a valid IBAN rearranged leaves 1', () => {
    const iban = 'NL91ABNA0417164300';
    expect(isValidIBAN(iban)).toBe(true);
    expect(mod97(`${iban.slice(4)}${iban.slice(0, 4)}`)).toBe(1);
    expect(isValidIBAN(electronicFormatIBAN('NL91 ABNA 0417 1643 01') ?? '')).toBe(false);
  });
});

describe('SEPA text', () => {
  it('transliterates European names into the SEPA character set', () => {
    expect(toSepaText('Łódź', 70)).toBe('Lodz');
    expect(toSepaText('Ørsted', 70)).toBe('Orsted');
    expect(toSepaText('Groß & Söhne', 70)).toBe('Gross + Sohne');
    expect(toSepaText('Ærø Çelik — Ðorđe', 70)).toBe('AEro Celik - Dorde');
    expect(toSepaText('Café "De Kroeg"; 50%', 70)).toBe('Cafe De Kroeg 50');
  });

  it('gives only SEPA characters, never longer than asked, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.integer({ min: 1, max: 140 }), (text, maxLength) => {
        const sepa = toSepaText(text, maxLength);
        expect(isSepaText(sepa)).toBe(true);
        expect(sepa.length).toBeLessThanOrEqual(maxLength);
      }),
    );
  });

  it('leaves text already in the set as it is', () => {
    const sepaCharacter = fc.constantFrom(...`abcXYZ019/-?:().,'+`);
    fc.assert(
      fc.property(fc.string({ unit: sepaCharacter, minLength: 1, maxLength: 70 }), (text) => {
        expect(toSepaText(text, 70)).toBe(text);
      }),
    );
  });

  it('knows a mandate reference or EndToEndId from what the rulebook refuses', () => {
    expect(isSepaIdentifier('VKG-M-000123')).toBe(true);
    expect(isSepaIdentifier('VKG M 1')).toBe(false);
    expect(isSepaIdentifier('/VKG')).toBe(false);
    expect(isSepaIdentifier('VKG//1')).toBe(false);
    expect(isSepaIdentifier('Ł-1')).toBe(false);
    expect(isSepaIdentifier('A'.repeat(35))).toBe(true);
    expect(isSepaIdentifier('A'.repeat(36))).toBe(false);
  });
});

describe('amounts', () => {
  it('writes integer cents as exact decimals', () => {
    expect(decimalOfCents(12345)).toBe('123.45');
    expect(decimalOfCents(1)).toBe('0.01');
    expect(decimalOfCents(0)).toBe('0.00');
    expect(decimalOfCents(99999999)).toBe('999999.99');
    expect(decimalOfCents(-505)).toBe('-5.05');
    expect(() => decimalOfCents(1.5)).toThrow(RangeError);
  });

  it('reads back to the same cents for any safe integer', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (cents) => {
        const decimal = decimalOfCents(cents);
        expect(decimal).toMatch(/^-?\d+\.\d{2}$/);
        expect(BigInt(decimal.replace('.', ''))).toBe(BigInt(cents));
      }),
    );
  });
});
