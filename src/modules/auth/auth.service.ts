import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { verifyAgainstDecoy, verifyPassword } from '../users/password.js';
import type { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { InvalidCredentialsError, TooManyLoginAttemptsError } from './auth.errors.js';
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
    const { loginMaxFailures, loginWindowMinutes } = this.config.auth;
    const windowMs = loginWindowMinutes * 60_000;
    const windowStart = new Date(now.getTime() - windowMs);
    const attempt = await this.repository.recordAttemptWithin(email, windowStart, loginMaxFailures);
    if (!attempt.recorded) {
      const retryAfterSeconds = Math.max(1, Math.ceil((attempt.blockedSince.getTime() + windowMs - now.getTime()) / 1000));
      throw new TooManyLoginAttemptsError(loginWindowMinutes, retryAfterSeconds);
    }
    const user = await this.users.findByEmail(email);
    const valid = user ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDecoy(password);
    if (!user || !valid || user.disabledAt) {
      this.schedulePurge(windowStart);
      throw new InvalidCredentialsError();
    }
    await this.repository.forgetAttempt(attempt.attemptId);
    return { accessToken: await this.tokens.issue(user), user };
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
