import { declareErrorCodes } from '../../common/errors/error-codes.js';

export const SEARCH_PROFILES_ERRORS = declareErrorCodes('search-profiles', {
  search_profile_not_found: { kind: 'not_found', en: 'No search profile {id}', nl: 'Geen zoekprofiel {id}' },
  umbrella_required: {
    kind: 'rule',
    en: 'Name the umbrella whose profile this is',
    nl: 'Geef aan van welke koepel dit profiel is',
  },
  area_range_invalid: {
    kind: 'rule',
    en: 'The largest area sought must be at least the smallest',
    nl: 'De grootste gezochte oppervlakte moet minstens de kleinste zijn',
  },
});
