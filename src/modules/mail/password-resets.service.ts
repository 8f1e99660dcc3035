import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { SYSTEM_PRINCIPAL } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { InputError, RuleError } from '../../common/errors/domain-error.js';
import { AuthService } from '../auth/auth.service.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordWeakness } from '../users/password-policy.js';
import { UsersService } from '../users/users.service.js';
import { MailFacts, type Recipient } from './mail-facts.service.js';
import { MailOutbox } from './mail-outbox.service.js';
import type { MessageParams } from './mail-templates.js';
import { MAIL_ERRORS } from './mail.errors.js';
import { MailRepository } from './mail.repository.js';

const RESET_LIFETIME_MS = 60 * 60 * 1000;
const WELCOME_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Links that set a password: asked for by e-mail address (one hour) or sent to a tenant made at
 * allocation (seven days). Each works once. The token exists only in the mail: it is made when the
 * mail is sent and only its sha256 is kept, so a resent mail's link replaces the earlier one.
 */
@Injectable()
export class PasswordResets {
  constructor(
    private readonly repository: MailRepository,
    private readonly outbox: MailOutbox,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly facts: MailFacts,
    private readonly clock: Clock,
  ) {}

  /**
   * Mails a link to the address's user, if there is one: the answer is the same either way, so nobody
   * learns which addresses have an account. Requests per address are limited like sign-ins.
   */
  async request(emailInput: string): Promise<void> {
    const email = emailInput.trim().toLowerCase();
    const now = this.clock.now();
    await this.auth.throttle('password-reset', email, now);
    const user = await this.users.findByEmail(email);
    if (!user || user.disabledAt) return;
    const to = await this.facts.user(user.id);
    await this.repository.transaction(async (manager) => {
      const passwordResetId = await this.repository.insertPasswordReset(manager, {
        userId: user.id,
        purpose: 'reset',
        expiresAt: new Date(now.getTime() + RESET_LIFETIME_MS),
      });
      await this.outbox.write(manager, { source: `password-reset:${passwordResetId}`, sourceType: 'password.reset', eventId: null }, [
        { to, template: 'password-reset', params: { passwordResetId } },
      ]);
    });
  }

  /**
   * A tenant made at allocation gets a user (role tenant, no password) and a link to set one; null
   * when the tenant already had a user, or its address belongs to one (who can sign in already).
   */
  async welcomeNewTenant(tenantId: string, manager: EntityManager): Promise<{ to: Recipient; params: MessageParams } | null> {
    const tenant = await this.facts.tenant(tenantId, manager);
    const user = await this.users.createForTenant({ id: tenantId, email: tenant.address, name: tenant.name }, manager);
    if (!user) return null;
    const passwordResetId = await this.repository.insertPasswordReset(manager, {
      userId: user.id,
      purpose: 'welcome',
      expiresAt: new Date(this.clock.now().getTime() + WELCOME_LIFETIME_MS),
    });
    return { to: { ...tenant, userId: user.id }, params: { passwordResetId } };
  }

  /** A fresh link for the mail being sent now; null when the reset was used or expired meanwhile. */
  async linkFor(passwordResetId: string): Promise<string | null> {
    const token = randomBytes(32).toString('base64url');
    if (!(await this.repository.replaceToken(passwordResetId, digest(token), this.clock.now()))) return null;
    return this.facts.link(`/password-reset/confirm?token=${token}`);
  }

  /** Sets the password of the link's user and uses the link up; every token of the user ends. */
  async confirm(token: string, password: string): Promise<void> {
    const weakness =
      password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH
        ? `must have ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`
        : passwordWeakness(password);
    if (weakness) throw new InputError([{ field: 'password', message: `password ${weakness}` }]);
    const userId = await this.repository.transaction((manager) => this.repository.useToken(manager, digest(token), this.clock.now()));
    if (!userId) throw new RuleError(MAIL_ERRORS.password_reset_link_invalid, {}, [{ field: 'token', message: 'is not valid (any more)' }]);
    await this.users.changePassword(userId, password, SYSTEM_PRINCIPAL);
  }
}
