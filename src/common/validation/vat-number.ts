/**
 * The Belastingdienst's check of a Dutch VAT identification number, NL + 9 digits + B + 2 digits.
 * Numbers issued before 2020 pass the mod-11 test: the first eight digits weighted 9 down to 2,
 * summed, modulo 11, give the ninth. The newer numbers (the btw-identificatienummer that no longer
 * contains the BSN) pass the mod-97 test of ISO 7064 over the whole number, letters counted as in an
 * IBAN (B = 11, L = 21, N = 23). A number passes when either test does.
 */
export function isValidDutchVatNumber(value: string): boolean {
  const match = /^NL(\d{9})B(\d{2})$/.exec(value);
  if (!match) return false;
  const digits = match[1]!;
  return passesMod11(digits) || passesMod97(value);
}

function passesMod11(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < 8; index++) sum += Number(digits[index]) * (9 - index);
  return sum % 11 === Number(digits[8]);
}

function passesMod97(value: string): boolean {
  let remainder = 0;
  for (const character of value) {
    const code = /[A-Z]/.test(character) ? String(character.charCodeAt(0) - 55) : character;
    for (const digit of code) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}
