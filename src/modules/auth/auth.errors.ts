import { RateLimitedError, UnauthorizedError } from '../../common/errors/domain-error.js';

export class InvalidCredentialsError extends UnauthorizedError {
  constructor() {
    super('invalid_credentials', 'Wrong e-mail address or password');
  }
}

export class TooManyLoginAttemptsError extends RateLimitedError {
  constructor(windowMinutes: number, retryAfterSeconds: number) {
    super(
      'too_many_login_attempts',
      `Too many failed sign-ins for this address; try again within ${windowMinutes} minutes`,
      retryAfterSeconds,
    );
  }
}
