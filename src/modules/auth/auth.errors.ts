import { RateLimitedError, UnauthorizedError } from '../../common/errors/domain-error.js';
import { declareErrorCodes } from '../../common/errors/error-codes.js';

export const AUTH_ERRORS = declareErrorCodes('auth', {
  invalid_credentials: { kind: 'unauthorized', en: 'Wrong e-mail address or password', nl: 'Onjuist e-mailadres of wachtwoord' },
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
