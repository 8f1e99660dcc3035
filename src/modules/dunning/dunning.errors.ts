import { declareErrorCodes } from '../../common/errors/error-codes.js';

export const DUNNING_ERRORS = declareErrorCodes('dunning', {
  reminder_not_found: { kind: 'not_found', en: 'No reminder {id}', nl: 'Geen herinnering {id}' },
  arrangement_not_found: { kind: 'not_found', en: 'No payment arrangement {id}', nl: 'Geen betalingsregeling {id}' },
  invoice_not_open_of_tenant: {
    kind: 'rule',
    en: 'Invoice {invoiceId} is not an open invoice of this tenant',
    nl: 'Factuur {invoiceId} is geen openstaande factuur van deze huurder',
  },
  instalments_do_not_add_up: {
    kind: 'rule',
    en: 'The instalments add up to {sumCents} cents, but {openCents} cents are open on the invoices',
    nl: 'De termijnen tellen op tot {sumCents} cent, maar op de facturen staat {openCents} cent open',
  },
  instalments_out_of_order: {
    kind: 'rule',
    en: 'Instalments fall due one after the other, from today ({today}) on',
    nl: 'Termijnen vervallen na elkaar, vanaf vandaag ({today})',
  },
  invoice_under_arrangement: {
    kind: 'conflict',
    en: 'Invoice {invoiceId} is already under an active payment arrangement',
    nl: 'Factuur {invoiceId} valt al onder een lopende betalingsregeling',
  },
  arrangement_not_active: {
    kind: 'conflict',
    en: 'Only an active payment arrangement can be cancelled; this one is {status}',
    nl: 'Alleen een lopende betalingsregeling kan worden beëindigd; deze heeft de status {status}',
  },
});
