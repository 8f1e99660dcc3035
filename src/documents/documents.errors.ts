import { declareErrorCodes } from '../common/errors/error-codes.js';

export const DOCUMENTS_ERRORS = declareErrorCodes('documents', {
  document_not_found: { kind: 'not_found', en: 'No document {id}', nl: 'Geen document {id}' },
});
