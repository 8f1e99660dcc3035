import { ConflictError, RuleError } from '../../common/errors/domain-error.js';

export class EmailTakenError extends ConflictError {
  constructor(email: string) {
    super('email_taken', `A user with e-mail ${email} already exists`, [{ field: 'email', message: 'already in use' }]);
  }
}

export class RoleNeedsOrganisationError extends RuleError {
  constructor(role: string, kind: string) {
    super('role_needs_organisation', `A ${role} user belongs to an organisation of kind ${kind}`, [
      { field: 'organisationId', message: `must name an organisation of kind ${kind}` },
    ]);
  }
}
