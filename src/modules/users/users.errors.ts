import { ConflictError, RuleError } from '../../common/errors/domain-error.js';
import { declareErrorCodes } from '../../common/errors/error-codes.js';

export const USERS_ERRORS = declareErrorCodes('users', {
  user_not_found: { kind: 'not_found', en: 'No user {id}', nl: 'Geen gebruiker {id}' },
  email_taken: {
    kind: 'conflict',
    en: 'A user with e-mail {email} already exists',
    nl: 'Er bestaat al een gebruiker met het e-mailadres {email}',
  },
  role_needs_organisation: {
    kind: 'rule',
    en: 'A {role} user belongs to an organisation of kind {kind}',
    nl: 'Een gebruiker met de rol {role} hoort bij een organisatie van het soort {kind}',
  },
});

export class EmailTakenError extends ConflictError<'email'> {
  constructor(email: string) {
    super(USERS_ERRORS.email_taken, { email }, [{ field: 'email', message: 'already in use' }]);
  }
}

export class RoleNeedsOrganisationError extends RuleError<'role' | 'kind'> {
  constructor(role: string, kind: string) {
    super(USERS_ERRORS.role_needs_organisation, { role, kind }, [
      { field: 'organisationId', message: `must name an organisation of kind ${kind}` },
    ]);
  }
}
