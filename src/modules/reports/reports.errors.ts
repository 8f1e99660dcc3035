import { declareErrorCodes } from '../../common/errors/error-codes.js';

export const REPORTS_ERRORS = declareErrorCodes('reports', {
  report_not_found: { kind: 'not_found', en: 'No report {id}', nl: 'Geen rapport {id}' },
  report_not_ready: { kind: 'conflict', en: 'The report is {status}', nl: 'Het rapport heeft de status {status}' },
});
