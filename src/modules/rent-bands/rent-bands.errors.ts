import { type ErrorDetail, RuleError } from '../../common/errors/domain-error.js';
import { declareErrorCodes } from '../../common/errors/error-codes.js';

export const RENT_BANDS_ERRORS = declareErrorCodes('rent-bands', {
  invalid_band_scheme: { kind: 'rule', en: 'The band scheme is not usable', nl: 'De indeling in huurklassen is niet bruikbaar' },
  no_valid_band_assessment: {
    kind: 'rule',
    en: 'The tenant has no band assessment for this building that is valid on {date}',
    nl: 'De huurder heeft voor dit gebouw geen huurklassebepaling die op {date} geldig is',
  },
  band_not_in_scheme: {
    kind: 'rule',
    en: 'Band {code} does not exist in the building’s band scheme on {date}',
    nl: 'Huurklasse {code} komt op {date} niet voor in de huurklassen van het gebouw',
  },
});

export class InvalidBandSchemeError extends RuleError {
  constructor(problems: string[]) {
    super(
      RENT_BANDS_ERRORS.invalid_band_scheme,
      {},
      problems.map((message) => ({ field: 'bands', message }) satisfies ErrorDetail),
    );
  }
}

export class NoValidAssessmentError extends RuleError<'date'> {
  constructor(date: string) {
    super(RENT_BANDS_ERRORS.no_valid_band_assessment, { date }, [
      { field: 'tenantId', message: 'assess the tenant’s income band for this building first' },
    ]);
  }
}

export class BandNotInSchemeError extends RuleError<'code' | 'date'> {
  constructor(code: string, date: string) {
    super(RENT_BANDS_ERRORS.band_not_in_scheme, { code, date });
  }
}
