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
  user_deletes_itself: {
    kind: 'rule',
    en: 'You cannot delete your own account; another admin can',
    nl: 'Je kunt je eigen account niet verwijderen; een andere beheerder kan dat',
  },
  user_has_applications: {
    kind: 'conflict',
    en: 'The user is the contact of applications',
    nl: 'De gebruiker is het aanspreekpunt van aanvragen',
  },
  user_has_reviews: { kind: 'conflict', en: 'The user scored applications', nl: 'De gebruiker heeft aanvragen beoordeeld' },
});

/** What still refers to a user that is to be deleted, by the foreign key that refused it. */
export const USER_REFERENCES: Record<string, () => Error> = {
  fk_application_contact_user: () => new ConflictError(USERS_ERRORS.user_has_applications),
  fk_application_review_reviewer: () => new ConflictError(USERS_ERRORS.user_has_reviews),
};

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
