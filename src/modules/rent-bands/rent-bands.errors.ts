import { type ErrorDetail, RuleError } from '../../common/errors/domain-error.js';

export class InvalidBandSchemeError extends RuleError {
  constructor(problems: string[]) {
    super(
      'invalid_band_scheme',
      'The band scheme is not usable',
      problems.map((message) => ({ field: 'bands', message }) satisfies ErrorDetail),
    );
  }
}

export class NoValidAssessmentError extends RuleError {
  constructor(date: string) {
    super('no_valid_band_assessment', `The tenant has no band assessment for this building that is valid on ${date}`, [
      { field: 'tenantId', message: 'assess the tenant’s income band for this building first' },
    ]);
  }
}

export class BandNotInSchemeError extends RuleError {
  constructor(code: string, date: string) {
    super('band_not_in_scheme', `Band ${code} does not exist in the building’s band scheme on ${date}`);
  }
}
