import { ConflictError, RuleError } from '../../common/errors/domain-error.js';

export class InvoicePrefixTakenError extends ConflictError {
  constructor(prefix: string) {
    super('invoice_prefix_taken', `Invoice prefix ${prefix} is used by another building`, [
      { field: 'invoicePrefix', message: 'already in use' },
    ]);
  }
}

export class UsePeriodError extends RuleError {
  constructor() {
    super('use_period_invalid', 'The head lease must end after it starts', [{ field: 'useEnd', message: 'must be after useStart' }]);
  }
}
