/**
 * Money is integer euro cents. Divisions round half away from zero ("half up" for amounts owed,
 * mirrored for credits), once, on exact integers: no floating-point cents.
 */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`divideRoundHalfUp needs safe integers and a positive denominator, got ${numerator}/${denominator}`);
  }
  const sign = numerator < 0 ? -1 : 1;
  const magnitude = Math.abs(numerator);
  const quotient = Math.floor(magnitude / denominator);
  const remainder = magnitude - quotient * denominator;
  // + 0 turns a negative zero into zero.
  return sign * (remainder * 2 >= denominator ? quotient + 1 : quotient) + 0;
}

/** Cents as an exact decimal string with two places (`-1234` → `'-12.34'`), for files that carry amounts in euros. */
export function decimalOfCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`decimalOfCents needs a safe integer, got ${cents}`);
  const magnitude = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`;
}
