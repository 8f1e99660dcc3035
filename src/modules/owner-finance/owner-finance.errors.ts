import { declareErrorCodes } from '../../common/errors/error-codes.js';

export const OWNER_FINANCE_ERRORS = declareErrorCodes('owner-finance', {
  owner_year_not_found: {
    kind: 'not_found',
    en: 'No owner of this building in {year} whose figures you may see',
    nl: 'Geen eigenaar van dit gebouw in {year} van wie u de cijfers mag zien',
  },
});
