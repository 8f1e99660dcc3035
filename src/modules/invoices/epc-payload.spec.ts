import fc from 'fast-check';
import { epcPayload, isPayableByQr } from './epc-payload.js';

const request = {
  bic: 'ABNANL2A',
  name: 'Stichting Urban Resort',
  iban: 'NL91ABNA0417164300',
  amountCents: 12500,
  reference: '5000010120120001',
};

describe('EPC QR payload', () => {
  it('writes the SCT text of EPC069-12 version 002: twelve elements, the trailing empty ones (text, note) left out', () => {
    expect(epcPayload(request).split('\n')).toEqual([
      'BCD',
      '002',
      '1',
      'SCT',
      'ABNANL2A',
      'Stichting Urban Resort',
      'NL91ABNA0417164300',
      'EUR125.00',
      '',
      '5000010120120001',
    ]);
  });

  it('leaves the BIC empty when there is none, and cuts the name at 70 characters', () => {
    const lines = epcPayload({ ...request, bic: null, name: 'Ø'.repeat(80) }).split('\n');
    expect(lines[4]).toBe('');
    expect(lines[5]).toBe('Ø'.repeat(70));
  });

  it('asks for the exact amount in cents, within the range the guideline allows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999_999 }), (amountCents) => {
        const amount = epcPayload({ ...request, amountCents }).split('\n')[7]!;
        expect(amount).toMatch(/^EUR\d{1,9}\.\d{2}$/);
        expect(Number(amount.slice(3).replace('.', ''))).toBe(amountCents);
      }),
    );
    expect(isPayableByQr(0)).toBe(false);
    expect(isPayableByQr(100_000_000_000)).toBe(false);
    expect(() => epcPayload({ ...request, amountCents: 0 })).toThrow(RangeError);
  });

  it('stays within the 331 bytes a code may hold', () => {
    const longest = epcPayload({ ...request, name: 'W'.repeat(70), amountCents: 99_999_999_999 });
    expect(Buffer.byteLength(longest, 'utf8')).toBeLessThanOrEqual(331);
  });
});
