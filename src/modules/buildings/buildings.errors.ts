import { ConflictError, RuleError } from '../../common/errors/domain-error.js';
import { declareErrorCodes } from '../../common/errors/error-codes.js';

export const BUILDINGS_ERRORS = declareErrorCodes('buildings', {
  building_not_found: { kind: 'not_found', en: 'No building {id}', nl: 'Geen gebouw {id}' },
  unknown_building: { kind: 'rule', en: 'buildingId names no building', nl: 'buildingId verwijst niet naar een gebouw' },
  invoice_prefix_taken: {
    kind: 'conflict',
    en: 'Invoice prefix {prefix} is used by another building',
    nl: 'Het factuurvoorvoegsel {prefix} wordt al door een ander gebouw gebruikt',
  },
  use_period_invalid: {
    kind: 'rule',
    en: 'The head lease must end after it starts',
    nl: 'Het hoofdhuurcontract moet na de ingangsdatum eindigen',
  },
});

export class InvoicePrefixTakenError extends ConflictError<'prefix'> {
  constructor(prefix: string) {
    super(BUILDINGS_ERRORS.invoice_prefix_taken, { prefix }, [{ field: 'invoicePrefix', message: 'already in use' }]);
  }
}

export class UsePeriodError extends RuleError {
  constructor() {
    super(BUILDINGS_ERRORS.use_period_invalid, {}, [{ field: 'useEnd', message: 'must be after useStart' }]);
  }
}
