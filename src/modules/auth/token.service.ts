import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG } from '../../config/config.module.js';
import { type AppConfig, generateSecret } from '../../config/config.js';
import { type Principal, ROLES } from '../../common/auth/principal.js';
import { TokenVerifier } from '../../common/auth/token-verifier.js';
import type { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { AuthRepository } from './auth.repository.js';

interface AccessTokenClaims {
  sub: string;
  role: Principal['role'];
  org: string | null;
  ten: string | null;
  /** The user's token version when issued; a raised version ends the token. */
  ver: number;
  exp?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class TokenService extends TokenVerifier implements OnModuleInit {
  private secret = '';
  private key: { secret: string; key: KeyObject } | undefined;

  constructor(
    private readonly jwt: JwtService,
    private readonly repository: AuthRepository,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onModuleInit(): Promise<void> {
    this.secret = this.config.auth.jwtSecret ?? (await this.repository.signingSecret(generateSecret()));
  }

  issue(user: User): Promise<string> {
    const claims: AccessTokenClaims = {
      sub: user.id,
      role: user.role,
      org: user.organisationId,
      ten: user.tenantId,
      ver: user.tokenVersion,
    };
    return this.jwt.signAsync(claims, { secret: this.secret, expiresIn: this.config.auth.tokenTtlSeconds, algorithm: 'HS256' });
  }

  /**
   * The secret as a key object, made once: given the string, jsonwebtoken first tries to read it as a
   * public key and throws, on every request.
   */
  private verifyKey(): Buffer {
    if (this.key?.secret !== this.secret) this.key = { secret: this.secret, key: createSecretKey(Buffer.from(this.secret, 'utf8')) };
    return this.key.key as unknown as Buffer;
  }

  /** Checked per request against the user row (kept a second, see tokenStateOf), so disabling, deleting or re-versioning a user ends its tokens within a second. */
  async verify(token: string): Promise<Principal | null> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { secret: this.verifyKey(), algorithms: ['HS256'] });
    } catch {
      return null;
    }
    // A token without expiry would be valid forever; a subject that is no id cannot be a user.
    if (typeof claims.exp !== 'number' || typeof claims.sub !== 'string' || !UUID.test(claims.sub)) return null;
    if (!ROLES.includes(claims.role) || !Number.isInteger(claims.ver)) return null;
    const state = await this.users.tokenStateOf(claims.sub);
    if (!state || state.disabled || state.tokenVersion !== claims.ver) return null;
    return { userId: claims.sub, role: claims.role, organisationId: claims.org ?? null, tenantId: claims.ten ?? null };
  }
}
