const WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1];

/** The check digit of a Dutch betalingskenmerk over 15 digits (weights from the rightmost digit). */
export function checkDigit(fifteenDigits: string): number {
  if (!/^\d{15}$/.test(fifteenDigits)) throw new RangeError('a betalingskenmerk checks 15 digits');
  let sum = 0;
  for (let index = 0; index < 15; index++) {
    const digit = Number(fifteenDigits[14 - index]);
    sum += digit * WEIGHTS[index % WEIGHTS.length]!;
  }
  const check = 11 - (sum % 11);
  return check === 11 ? 0 : check === 10 ? 1 : check;
}

/** 16 digits: the check digit, then the 15 digits it checks. */
export function betalingskenmerk(fifteenDigits: string): string {
  return `${checkDigit(fifteenDigits)}${fifteenDigits}`;
}

export function isValidBetalingskenmerk(reference: string): boolean {
  return /^\d{16}$/.test(reference) && checkDigit(reference.slice(1)) === Number(reference[0]);
}

/**
 * Unique per invoice: the number series (5 digits), the year (4) and the number in the series (6).
 * Two invoices never share series, year and number, so no two share a reference.
 */
export function paymentReferenceOf(seriesId: number, year: number, number: number): string {
  return betalingskenmerk(`${String(seriesId).padStart(5, '0')}${year}${String(number).padStart(6, '0')}`);
}

export function invoiceNumber(prefix: string, year: number, number: number): string {
  return `${prefix}-${year}-${String(number).padStart(6, '0')}`;
}
