import { ConflictError, type DomainError, RuleError } from '../../../common/errors/domain-error.js';
import { type DeclaredError, messageOf } from '../../../common/errors/error-codes.js';
import type { EInvoiceUnavailableReason, Invoice } from '../invoice.entity.js';
import { INVOICES_ERRORS } from '../invoices.errors.js';

const UNAVAILABLE: Record<EInvoiceUnavailableReason, DeclaredError<'rule', 'number'>> = {
  customer_without_kvk: INVOICES_ERRORS.e_invoice_customer_without_kvk,
  customer_address_incomplete: INVOICES_ERRORS.e_invoice_customer_address_incomplete,
  issuer_address_incomplete: INVOICES_ERRORS.e_invoice_issuer_address_incomplete,
  issued_before_e_invoices: INVOICES_ERRORS.e_invoice_issued_before,
  e_invoices_off: INVOICES_ERRORS.e_invoices_off,
};

/** The error to throw for an invoice stored without its e-invoice. */
function unavailable(reason: EInvoiceUnavailableReason, number: string): RuleError<'number'> {
  switch (reason) {
    case 'customer_without_kvk':
      return new RuleError(INVOICES_ERRORS.e_invoice_customer_without_kvk, { number });
    case 'customer_address_incomplete':
      return new RuleError(INVOICES_ERRORS.e_invoice_customer_address_incomplete, { number });
    case 'issuer_address_incomplete':
      return new RuleError(INVOICES_ERRORS.e_invoice_issuer_address_incomplete, { number });
    case 'issued_before_e_invoices':
      return new RuleError(INVOICES_ERRORS.e_invoice_issued_before, { number });
    case 'e_invoices_off':
      return new RuleError(INVOICES_ERRORS.e_invoices_off, { number });
  }
}

/**
 * Whether an invoice has its UBL e-invoice, or the coded error that says why not: still being made
 * (with its PDF), or stored without one for the reason it keeps. The code and English message come
 * without making the error (a list of invoices shows them for each); `error()` makes it to throw.
 */
export function eInvoiceAvailability(
  invoice: Pick<Invoice, 'number' | 'ublDocumentId' | 'eInvoiceUnavailable'>,
):
  | { available: true; documentId: string }
  | { available: false; code: string; message: string; error: () => DomainError<'number'> | DomainError } {
  if (invoice.ublDocumentId) return { available: true, documentId: invoice.ublDocumentId };
  const reason = invoice.eInvoiceUnavailable;
  if (reason) {
    const declared = UNAVAILABLE[reason];
    const params = { number: invoice.number };
    return {
      available: false,
      code: declared.code,
      message: messageOf(declared, 'en', params),
      error: () => unavailable(reason, invoice.number),
    };
  }
  const notReady = INVOICES_ERRORS.e_invoice_not_ready;
  return {
    available: false,
    code: notReady.code,
    message: messageOf(notReady, 'en'),
    error: () => new ConflictError(INVOICES_ERRORS.e_invoice_not_ready),
  };
}
