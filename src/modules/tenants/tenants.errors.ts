import { ConflictError, RuleError } from '../../common/errors/domain-error.js';
import { declareErrorCodes } from '../../common/errors/error-codes.js';

export const TENANTS_ERRORS = declareErrorCodes('tenants', {
  tenant_not_found: { kind: 'not_found', en: 'No tenant {id}', nl: 'Geen huurder {id}' },
  tenant_email_taken: {
    kind: 'conflict',
    en: 'A tenant with e-mail {email} already exists',
    nl: 'Er bestaat al een huurder met het e-mailadres {email}',
  },
  unknown_tenant: { kind: 'rule', en: '{field} names no tenant', nl: '{field} verwijst niet naar een huurder' },
});

export class TenantEmailTakenError extends ConflictError<'email'> {
  constructor(email: string) {
    super(TENANTS_ERRORS.tenant_email_taken, { email }, [{ field: 'email', message: 'already in use' }]);
  }
}

export class UnknownTenantError extends RuleError<'field'> {
  constructor(id: string, field = 'tenantId') {
    super(TENANTS_ERRORS.unknown_tenant, { field }, [{ field, message: `no tenant ${id}` }]);
  }
}
