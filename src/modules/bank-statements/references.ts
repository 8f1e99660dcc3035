import { isValidBetalingskenmerk } from '../invoices/payment-reference.js';
import type { CamtTransaction } from './camt.js';

/** What a transaction may name its invoice by, most trusted first. */
export interface InvoiceKeys {
  paymentReferences: string[];
  numbers: string[];
}

const BETALINGSKENMERK_LENGTH = 16;
const INVOICE_NUMBER = /\b[A-Z][A-Z0-9]*-\d{4}-\d{6}\b/g;

/**
 * The betalingskenmerken a text quotes: 16 digits with a valid check digit, written together or in
 * groups split by spaces or dots ("5000 0120 1200 0012", "5000.0120.1200.0012"). Groups are joined
 * only while they add up to exactly 16 digits, so a date or an amount next to the reference does not
 * swallow it.
 */
export function betalingskenmerkenIn(text: string): string[] {
  const found: string[] = [];
  for (const run of text.match(/\d[\d .]*/g) ?? []) {
    const groups = run.split(/[ .]+/).filter((group) => group !== '');
    for (let start = 0; start < groups.length; start++) {
      let joined = '';
      for (let end = start; end < groups.length && joined.length < BETALINGSKENMERK_LENGTH; end++) {
        joined += groups[end];
        if (joined.length === BETALINGSKENMERK_LENGTH && isValidBetalingskenmerk(joined) && !found.includes(joined)) found.push(joined);
      }
    }
  }
  return found;
}

export function invoiceNumbersIn(text: string): string[] {
  return [...new Set(text.toUpperCase().match(INVOICE_NUMBER) ?? [])];
}

/**
 * The keys of a transaction: a direct debit names its invoice by its EndToEndId (the invoice number,
 * as the collection wrote it); a transfer by its structured creditor reference, else by a
 * betalingskenmerk or invoice number in its free text.
 */
export function invoiceKeysOf(transaction: CamtTransaction): InvoiceKeys {
  const structured = transaction.structuredReferences.map((reference) => reference.replace(/[ .]/g, ''));
  const freeText = transaction.freeText.join(' ');
  return {
    paymentReferences: [...new Set([...structured.filter(isValidBetalingskenmerk), ...betalingskenmerkenIn(freeText)])],
    numbers: [
      ...new Set([
        ...(transaction.endToEndId ? [transaction.endToEndId.toUpperCase()] : []),
        ...structured.flatMap(invoiceNumbersIn),
        ...invoiceNumbersIn(freeText),
      ]),
    ],
  };
}
