import { declareErrorCodes } from '../../common/errors/error-codes.js';

export const REPORTS_ERRORS = declareErrorCodes('reports', {
  report_not_found: { kind: 'not_found', en: 'No report {id}', nl: 'Geen rapport {id}' },
  owner_period_not_found: {
    kind: 'not_found',
    en: 'The building was not yours at the end of {period}',
    nl: 'Het gebouw was aan het einde van {period} niet van u',
  },
  report_not_ready: { kind: 'conflict', en: 'The report is {status}', nl: 'Het rapport heeft de status {status}' },
  report_failed: {
    kind: 'rule',
    en: 'The report could not be made; ask for it again, or tell the administrator if it fails again',
    nl: 'Het rapport kon niet worden gemaakt; vraag het opnieuw aan, of meld het de beheerder als het weer mislukt',
  },
});
