/**
 * The SEPA creditor identifier (incassant-ID) a Dutch umbrella collects under: `NL`, two check
 * digits, the creditor business code (`ZZZ` unless the creditor chose another) and the national
 * identifier, which in the Netherlands is the KvK number (8 digits) and a 4-digit suffix.
 */
const DUTCH_CREDITOR_IDENTIFIER = /^NL([0-9]{2})([A-Z0-9]{3})([0-9]{8}[0-9]{4})$/;

/** ISO 7064 mod 97-10 over letters and digits as IBANs use it: A = 10 … Z = 35. */
export function mod97(text: string): number {
  let remainder = 0;
  for (const character of text) {
    const value = parseInt(character, 36);
    for (const digit of String(value)) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

/** The check digits for a national identifier in a country; the business code is left out of the check. */
export function creditorCheckDigits(country: string, nationalIdentifier: string): string {
  return String(98 - mod97(`${nationalIdentifier}${country}00`)).padStart(2, '0');
}

export function isValidCreditorIdentifier(value: string): boolean {
  const match = DUTCH_CREDITOR_IDENTIFIER.exec(value);
  if (!match) return false;
  return mod97(`${match[3]!}NL${match[1]!}`) === 1;
}

/** The incassant-ID of a KvK number with its suffix (`0000` for the first). */
export function dutchCreditorIdentifier(kvkNumber: string, suffix = '0000'): string {
  const national = `${kvkNumber}${suffix}`;
  return `NL${creditorCheckDigits('NL', national)}ZZZ${national}`;
}
