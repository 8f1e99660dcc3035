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
  tenant_has_users: { kind: 'conflict', en: 'Users act as this tenant', nl: 'Er zijn gebruikers die als deze huurder optreden' },
  tenant_has_leases: { kind: 'conflict', en: 'The tenant has leases', nl: 'De huurder heeft huurcontracten' },
  tenant_has_band_assessments: {
    kind: 'conflict',
    en: 'The tenant has band assessments',
    nl: 'De huurder heeft inkomenstoetsen',
  },
  tenant_has_invoices: { kind: 'conflict', en: 'The tenant has invoices', nl: 'De huurder heeft facturen' },
  tenant_in_allocations: {
    kind: 'conflict',
    en: 'The tenant is a member of a group that was allocated a floor',
    nl: 'De huurder hoort bij een groep waaraan een verdieping is toegewezen',
  },
});

/** What still refers to a tenant that is to be deleted, by the foreign key that refused it. */
export const TENANT_REFERENCES: Record<string, () => Error> = {
  fk_app_user_tenant: () => new ConflictError(TENANTS_ERRORS.tenant_has_users),
  fk_lease_tenant: () => new ConflictError(TENANTS_ERRORS.tenant_has_leases),
  fk_band_assessment_tenant: () => new ConflictError(TENANTS_ERRORS.tenant_has_band_assessments),
  fk_invoice_tenant: () => new ConflictError(TENANTS_ERRORS.tenant_has_invoices),
  fk_allocation_tenant_tenant: () => new ConflictError(TENANTS_ERRORS.tenant_in_allocations),
};

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
