import { RateLimitedError, RuleError, UnauthorizedError } from '../../common/errors/domain-error.js';
import { declareErrorCodes } from '../../common/errors/error-codes.js';

export const AUTH_ERRORS = declareErrorCodes('auth', {
  invalid_credentials: { kind: 'unauthorized', en: 'Wrong e-mail address or password', nl: 'Onjuist e-mailadres of wachtwoord' },
  current_password_wrong: {
    kind: 'rule',
    en: 'The current password is not right; the password stays as it was',
    nl: 'Het huidige wachtwoord klopt niet; het wachtwoord blijft ongewijzigd',
  },
  too_many_login_attempts: {
    kind: 'rate_limited',
    en: 'Too many failed sign-ins for this address; try again within {windowMinutes} minutes',
    nl: 'Te veel mislukte inlogpogingen voor dit adres; probeer het over {windowMinutes} minuten opnieuw',
  },
});

export class InvalidCredentialsError extends UnauthorizedError {
  constructor() {
    super(AUTH_ERRORS.invalid_credentials);
  }
}

export class TooManyLoginAttemptsError extends RateLimitedError<'windowMinutes'> {
  constructor(windowMinutes: number, retryAfterSeconds: number) {
    super(AUTH_ERRORS.too_many_login_attempts, retryAfterSeconds, { windowMinutes });
  }
}

/** 422, not 401: the caller's token is fine, and a client that signs out on 401 would lose the form. */
export class CurrentPasswordWrongError extends RuleError {
  constructor() {
    super(AUTH_ERRORS.current_password_wrong, {}, [{ field: 'currentPassword', message: 'is not the current password' }]);
  }
}
