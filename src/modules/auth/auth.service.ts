import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { verifyAgainstDecoy, verifyPassword } from '../users/password.js';
import type { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import type { Principal } from '../../common/auth/principal.js';
import { InputError } from '../../common/errors/domain-error.js';
import { CurrentPasswordWrongError, InvalidCredentialsError, TooManyLoginAttemptsError } from './auth.errors.js';
import { AuthRepository } from './auth.repository.js';
import { TokenService } from './token.service.js';

@Injectable()
export class AuthService {
  private readonly logger = new Logger('AuthService');

  constructor(
    private readonly users: UsersService,
    private readonly repository: AuthRepository,
    private readonly tokens: TokenService,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Rate-limited per e-mail address: after too many failures in the window, even the right password waits.
   * Every attempt is recorded as a failure before its password is checked, and forgotten when it succeeds,
   * so parallel attempts cannot all pass the count before any of them is recorded.
   */
  async login(emailInput: string, password: string, now = new Date()): Promise<{ accessToken: string; user: User }> {
    const email = emailInput.trim().toLowerCase();
    const { attemptId, windowStart } = await this.countAttempt(email, now);
    const user = await this.users.findByEmail(email);
    const valid = user ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDecoy(password);
    if (!user || !valid || user.disabledAt) {
      this.schedulePurge(windowStart);
      throw new InvalidCredentialsError();
    }
    await this.repository.forgetAttempt(attemptId);
    return { accessToken: await this.tokens.issue(user), user };
  }

  /**
   * A user's own new password, given the current one. A wrong current password counts as a failed
   * sign-in of the user's address, so a stolen token cannot be used to guess it. On success every token
   * of the user ends, this request's too: the client signs in again with the new password.
   */
  async changePassword(principal: Principal, currentPassword: string, newPassword: string, now = new Date()): Promise<void> {
    const user = await this.users.get(principal.userId);
    if (newPassword === currentPassword) {
      throw new InputError([{ field: 'newPassword', message: 'newPassword must differ from currentPassword' }]);
    }
    const { attemptId, windowStart } = await this.countAttempt(user.email, now);
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      this.schedulePurge(windowStart);
      throw new CurrentPasswordWrongError();
    }
    await this.repository.forgetAttempt(attemptId);
    await this.users.changePassword(user.id, newPassword, principal);
  }

  /**
   * Counts a request made for an address (a password reset link …), on a counter of its own per
   * `purpose`, and refuses it like a sign-in once the window is full.
   */
  async throttle(purpose: string, emailInput: string, now = new Date()): Promise<void> {
    const { windowStart } = await this.countAttempt(`${purpose}:${emailInput.trim().toLowerCase()}`, now);
    this.schedulePurge(windowStart);
  }

  /** Records an attempt for the address before its password is checked; refused once the window is full. */
  private async countAttempt(email: string, now: Date): Promise<{ attemptId: string; windowStart: Date }> {
    const { loginMaxFailures, loginWindowMinutes } = this.config.auth;
    const windowMs = loginWindowMinutes * 60_000;
    const windowStart = new Date(now.getTime() - windowMs);
    const attempt = await this.repository.recordAttemptWithin(email, windowStart, loginMaxFailures);
    if (!attempt.recorded) {
      const retryAfterSeconds = Math.max(1, Math.ceil((attempt.blockedSince.getTime() + windowMs - now.getTime()) / 1000));
      throw new TooManyLoginAttemptsError(loginWindowMinutes, retryAfterSeconds);
    }
    return { attemptId: attempt.attemptId, windowStart };
  }

  async purgeFailuresBefore(before: Date): Promise<void> {
    await this.repository.deleteFailuresBefore(before);
  }

  /**
   * At most one purge per hour, whichever process asks. Fire and forget: a sign-in never waits for
   * the queue (a Redis outage must not hold up a 401), and a purge that could not be queued is asked
   * for again by the next failed sign-in.
   */
  private schedulePurge(windowStart: Date): void {
    const hour = windowStart.toISOString().slice(0, 13);
    void this.jobs
      .enqueue('auth.purge-login-attempts', { before: windowStart.toISOString() }, { jobId: `purge-login-failures:${hour}` })
      .catch((error: Error) => this.logger.warn({ message: 'could not queue the purge of old sign-in failures', error: error.message }));
  }
}
