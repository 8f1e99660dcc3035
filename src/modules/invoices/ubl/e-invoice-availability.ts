import { ConflictError, type DomainError, RuleError } from '../../../common/errors/domain-error.js';
import type { EInvoiceUnavailableReason, Invoice } from '../invoice.entity.js';
import { INVOICES_ERRORS } from '../invoices.errors.js';

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
 * (with its PDF), or stored without one for the reason it keeps.
 */
export function eInvoiceAvailability(
  invoice: Pick<Invoice, 'number' | 'ublDocumentId' | 'eInvoiceUnavailable'>,
): { available: true; documentId: string } | { available: false; error: DomainError<'number'> | DomainError } {
  if (invoice.ublDocumentId) return { available: true, documentId: invoice.ublDocumentId };
  if (invoice.eInvoiceUnavailable) {
    return { available: false, error: unavailable(invoice.eInvoiceUnavailable, invoice.number) };
  }
  return { available: false, error: new ConflictError(INVOICES_ERRORS.e_invoice_not_ready) };
}
