import { declareErrorCodes } from '../../common/errors/error-codes.js';

export const INVOICES_ERRORS = declareErrorCodes('invoices', {
  invoice_not_found: { kind: 'not_found', en: 'No invoice {id}', nl: 'Geen factuur {id}' },
  invoice_run_not_found: { kind: 'not_found', en: 'No invoice run {id}', nl: 'Geen factuurrun {id}' },
  invoice_run_failed: {
    kind: 'rule',
    en: 'The invoice run stopped on an error; start it again to go on, or tell the administrator if it fails again',
    nl: 'De factuurrun is op een fout gestopt; start hem opnieuw om verder te gaan, of meld het de beheerder als het weer mislukt',
  },
  invoice_period_before_use: {
    kind: 'rule',
    en: "{period} is before the building's use, which starts on {useStart}",
    nl: '{period} ligt vóór het gebruik van het gebouw, dat op {useStart} begint',
  },
  invoice_period_after_use: {
    kind: 'rule',
    en: "{period} is after the building's use, which ended on {useEnd}",
    nl: '{period} ligt na het gebruik van het gebouw, dat op {useEnd} eindigde',
  },
  invoice_period_too_far_ahead: {
    kind: 'rule',
    en: '{period} is more than one month ahead; the latest month to invoice today is {latest}',
    nl: '{period} ligt meer dan een maand vooruit; vandaag kan uiterlijk {latest} gefactureerd worden',
  },
  issuer_incomplete: {
    kind: 'rule',
    en: '{issuer} lacks what an invoice must show: {missing}',
    nl: 'Van {issuer} ontbreekt wat op een factuur moet staan: {missing}',
  },
  no_invoices_in_year: {
    kind: 'not_found',
    en: 'No invoices dated in {year}',
    nl: 'Geen facturen gedateerd in {year}',
  },
  pdf_not_ready: {
    kind: 'conflict',
    en: 'The PDF of this invoice is still being made; try again shortly',
    nl: 'De pdf van deze factuur wordt nog gemaakt; probeer het zo meteen opnieuw',
  },
  e_invoice_not_ready: {
    kind: 'conflict',
    en: 'The e-invoice (UBL) of this invoice is still being made; try again shortly',
    nl: 'De e-factuur (UBL) van deze factuur wordt nog gemaakt; probeer het zo meteen opnieuw',
  },
  e_invoice_customer_without_kvk: {
    kind: 'rule',
    en: 'Invoice {number} has no e-invoice (UBL): the customer has no KvK number, which SI-UBL requires',
    nl: 'Factuur {number} heeft geen e-factuur (UBL): de klant heeft geen KvK-nummer, dat SI-UBL vereist',
  },
  e_invoice_customer_address_incomplete: {
    kind: 'rule',
    en: "Invoice {number} has no e-invoice (UBL): the customer's address lacks a street, postcode or city",
    nl: 'Factuur {number} heeft geen e-factuur (UBL): aan het adres van de klant ontbreekt een straat, postcode of plaats',
  },
  e_invoice_issuer_address_incomplete: {
    kind: 'rule',
    en: "Invoice {number} has no e-invoice (UBL): the issuer's address lacks a street, postcode or city",
    nl: 'Factuur {number} heeft geen e-factuur (UBL): aan het adres van de afzender ontbreekt een straat, postcode of plaats',
  },
  e_invoice_issued_before: {
    kind: 'rule',
    en: 'Invoice {number} has no e-invoice (UBL): it was issued before e-invoices were made',
    nl: 'Factuur {number} heeft geen e-factuur (UBL): hij is uitgereikt voordat er e-facturen werden gemaakt',
  },
  e_invoices_off: {
    kind: 'rule',
    en: 'Invoice {number} has no e-invoice (UBL): this installation made none when it was issued',
    nl: 'Factuur {number} heeft geen e-factuur (UBL): deze installatie maakte er geen toen hij werd uitgereikt',
  },
  credit_note_not_payable: {
    kind: 'rule',
    en: 'A credit note is not paid; it is settled against invoices',
    nl: 'Een creditnota wordt niet betaald, maar met facturen verrekend',
  },
  invoice_credited: {
    kind: 'rule',
    en: 'Invoice {number} was credited; it is no longer owed',
    nl: 'Factuur {number} is gecrediteerd en hoeft niet meer betaald te worden',
  },
  cannot_credit_credit_note: {
    kind: 'rule',
    en: 'A credit note cannot itself be credited',
    nl: 'Een creditnota kan zelf niet gecrediteerd worden',
  },
  invoice_already_credited: {
    kind: 'conflict',
    en: 'Invoice {number} was already credited',
    nl: 'Factuur {number} is al gecrediteerd',
  },
  idempotency_key_reused: {
    kind: 'conflict',
    en: 'Idempotency-Key {key} was already used for another payment',
    nl: 'Idempotency-Key {key} is al voor een andere betaling gebruikt',
  },
  payment_reference_booked: {
    kind: 'conflict',
    en: 'A payment with reference {reference} is already booked on invoice {number}; send force: true to book it again',
    nl: 'Op factuur {number} is al een betaling met kenmerk {reference} geboekt; stuur force: true om hem nog eens te boeken',
  },
  payment_too_large: {
    kind: 'rule',
    en: 'A payment of {amountCents} cents is more than ten times the {openCents} cents open on invoice {number}',
    nl: 'Een betaling van {amountCents} cent is meer dan tien keer de {openCents} cent die op factuur {number} openstaat',
  },
  payment_not_found: { kind: 'not_found', en: 'No payment {id}', nl: 'Geen betaling {id}' },
  payment_already_reversed: {
    kind: 'conflict',
    en: 'Payment {id} was already reversed',
    nl: 'Betaling {id} is al teruggedraaid',
  },
  cannot_reverse_reversal: {
    kind: 'rule',
    en: 'A reversal cannot itself be reversed; book the payment again instead',
    nl: 'Een terugdraaiing kan zelf niet teruggedraaid worden; boek de betaling opnieuw',
  },
  payment_credit_used: {
    kind: 'rule',
    en: 'Reversing this payment takes back {creditCents} cents of credit, but the tenant has {balanceCents} cents left: the rest was used or refunded. Reverse that first',
    nl: 'Deze betaling terugdraaien neemt {creditCents} cent tegoed terug, maar de huurder heeft nog {balanceCents} cent: de rest is gebruikt of terugbetaald. Draai dat eerst terug',
  },
  no_credit: {
    kind: 'rule',
    en: 'The tenant has no credit balance to use',
    nl: 'De huurder heeft geen tegoed om te gebruiken',
  },
  invoice_not_open: {
    kind: 'rule',
    en: 'Invoice {number} has nothing left to pay',
    nl: 'Op factuur {number} staat niets meer open',
  },
  credit_exceeds_open: {
    kind: 'rule',
    en: '{amountCents} cents is more than the {openCents} cents open on invoice {number}',
    nl: '{amountCents} cent is meer dan de {openCents} cent die op factuur {number} openstaat',
  },
  credit_exceeds_balance: {
    kind: 'rule',
    en: '{amountCents} cents is more than the tenant’s credit balance of {balanceCents} cents',
    nl: '{amountCents} cent is meer dan het tegoed van de huurder, {balanceCents} cent',
  },
  credit_balance_negative: {
    kind: 'rule',
    en: 'This would take the tenant’s credit balance below 0',
    nl: 'Hierdoor zou het tegoed van de huurder onder 0 komen',
  },
  refund_exceeds_credit: {
    kind: 'rule',
    en: 'A refund of {amountCents} cents is more than the tenant’s credit balance of {balanceCents} cents',
    nl: 'Een terugbetaling van {amountCents} cent is meer dan het tegoed van de huurder, {balanceCents} cent',
  },
});
