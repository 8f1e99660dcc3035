import { ConflictError, RuleError } from '../../common/errors/domain-error.js';

export class TenantEmailTakenError extends ConflictError {
  constructor(email: string) {
    super('tenant_email_taken', `A tenant with e-mail ${email} already exists`, [{ field: 'email', message: 'already in use' }]);
  }
}

export class UnknownTenantError extends RuleError {
  constructor(id: string, field = 'tenantId') {
    super('unknown_tenant', `${field} names no tenant`, [{ field, message: `no tenant ${id}` }]);
  }
}
