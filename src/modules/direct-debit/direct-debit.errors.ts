import { declareErrorCodes } from '../../common/errors/error-codes.js';

export const DIRECT_DEBIT_ERRORS = declareErrorCodes('direct-debit', {
  mandate_not_found: { kind: 'not_found', en: 'No mandate {id}', nl: 'Geen machtiging {id}' },
  collection_not_found: { kind: 'not_found', en: 'No collection {id}', nl: 'Geen incassobatch {id}' },
  creditor_incomplete: {
    kind: 'rule',
    en: '{creditor} cannot collect by direct debit without {missing}',
    nl: '{creditor} kan niet incasseren zonder {missing}',
  },
  mandate_reference_taken: {
    kind: 'conflict',
    en: 'The creditor already has a mandate with reference {reference}',
    nl: 'De incassant heeft al een machtiging met kenmerk {reference}',
  },
  mandate_already_active: {
    kind: 'conflict',
    en: 'The tenant already has an active mandate with this creditor for this lease; revoke it first',
    nl: 'De huurder heeft al een lopende machtiging bij deze incassant voor dit contract; trek die eerst in',
  },
  creditor_not_yours: {
    kind: 'rule',
    en: 'An umbrella’s staff record mandates to their own umbrella only',
    nl: 'Medewerkers van een koepel leggen alleen machtigingen aan hun eigen koepel vast',
  },
  lease_of_other_tenant: {
    kind: 'rule',
    en: 'Lease {leaseId} is not a lease of this tenant',
    nl: 'Huurcontract {leaseId} is geen contract van deze huurder',
  },
  mandate_revoked: {
    kind: 'rule',
    en: 'The mandate was revoked on {revokedOn}; sign a new one',
    nl: 'De machtiging is op {revokedOn} ingetrokken; laat een nieuwe tekenen',
  },
  amendment_changes_nothing: {
    kind: 'rule',
    en: 'The amendment changes neither IBAN, creditor nor reference',
    nl: 'De wijziging verandert IBAN, incassant noch kenmerk',
  },
  collection_date_past: {
    kind: 'rule',
    en: 'A collection date lies ahead: {collectionDate} is before today ({today})',
    nl: 'Een incassodatum ligt in de toekomst: {collectionDate} is vóór vandaag ({today})',
  },
  invoice_in_other_batch: {
    kind: 'conflict',
    en: 'An invoice of the batch was put in another batch at the same moment; try again',
    nl: 'Een factuur van de batch kwam tegelijk in een andere batch; probeer het opnieuw',
  },
  nothing_to_collect: {
    kind: 'rule',
    en: 'No open invoice of the building due by {collectionDate} announced the debit under an active mandate at least 14 days before it ({skipped} with a mandate skipped)',
    nl: 'Geen openstaande factuur van het pand die uiterlijk {collectionDate} vervalt, kondigde de incasso onder een lopende machtiging minstens 14 dagen ervoor aan ({skipped} met een machtiging overgeslagen)',
  },
});
