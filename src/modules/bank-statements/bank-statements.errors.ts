import { declareErrorCodes } from '../../common/errors/error-codes.js';

export const BANK_STATEMENTS_ERRORS = declareErrorCodes('bank-statements', {
  statement_imported_elsewhere: {
    kind: 'conflict',
    en: 'This statement was imported before by someone else; nothing was booked',
    nl: 'Dit afschrift is al eerder door een ander ingelezen; er is niets geboekt',
  },
  statement_missing: {
    kind: 'validation',
    en: 'Send the camt.053 file as the request body, with Content-Type: application/xml',
    nl: 'Stuur het camt.053-bestand als de body van het verzoek, met Content-Type: application/xml',
  },
  statement_not_xml: {
    kind: 'validation',
    en: 'The file is not well-formed XML: {reason} (line {line})',
    nl: 'Het bestand is geen geldige XML: {reason} (regel {line})',
  },
  statement_not_camt053: {
    kind: 'validation',
    en: 'The file is not a camt.053.001.02 or camt.053.001.08 bank statement (its namespace is {namespace})',
    nl: 'Het bestand is geen camt.053.001.02- of camt.053.001.08-rekeningafschrift (de namespace is {namespace})',
  },
  statement_schema_invalid: {
    kind: 'validation',
    en: 'The statement does not pass the camt.053.001.{version} schema: {reason} (line {line})',
    nl: 'Het afschrift voldoet niet aan het camt.053.001.{version}-schema: {reason} (regel {line})',
  },
  statement_amount_invalid: {
    kind: 'validation',
    en: 'The statement holds an amount that is not in whole cents: {amount}',
    nl: 'Het afschrift bevat een bedrag dat niet in hele centen is: {amount}',
  },
  statement_doctype: {
    kind: 'validation',
    en: 'A bank statement may not declare a DOCTYPE',
    nl: 'Een rekeningafschrift mag geen DOCTYPE declareren',
  },
  statement_not_found: { kind: 'not_found', en: 'No bank statement {id}', nl: 'Geen rekeningafschrift {id}' },
  bank_entry_not_found: { kind: 'not_found', en: 'No bank entry {id}', nl: 'Geen bankboeking {id}' },
  bank_entry_already_matched: {
    kind: 'conflict',
    en: 'The bank entry is already booked ({outcome})',
    nl: 'De bankboeking is al verwerkt ({outcome})',
  },
  bank_entry_not_matchable: {
    kind: 'rule',
    en: 'Only an incoming payment or a direct-debit return can be matched to an invoice; this entry is {kind}',
    nl: 'Alleen een ontvangen betaling of een gestorneerde incasso kan aan een factuur worden gekoppeld; deze boeking is {kind}',
  },
});
