/**
 * The SEPA reason codes of returned and refused direct debits (EPC guidance on R-transactions) that
 * Dutch banks report most, so a reversal says why in words beside the code.
 */
const RETURN_REASONS: Readonly<Record<string, string>> = {
  AC01: 'account number incorrect',
  AC04: 'account closed',
  AC06: 'account blocked',
  AC13: 'debtor account is a consumer account',
  AG01: 'direct debit forbidden on this account',
  AG02: 'invalid bank operation code',
  AM04: 'insufficient funds',
  AM05: 'duplicate collection',
  BE05: 'creditor unknown to the debtor',
  FF01: 'invalid file format',
  MD01: 'no mandate',
  MD02: 'mandate data missing or incorrect',
  MD06: 'refund requested by the debtor',
  MD07: 'debtor deceased',
  MS02: 'refused by the debtor',
  MS03: 'reason not specified',
  RC01: 'bank identifier incorrect',
  RR01: 'regulatory reason',
  RR02: 'regulatory reason',
  RR03: 'regulatory reason',
  RR04: 'regulatory reason',
  SL01: 'specific service of the debtor bank',
};

/** "AM04 (insufficient funds)"; an unknown code as it came. */
export function returnReasonText(code: string): string {
  const words = RETURN_REASONS[code];
  return words ? `${code} (${words})` : code;
}
