import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG } from '../../config/config.module.js';
import { type AppConfig, generateSecret } from '../../config/config.js';
import { type Principal, ROLES } from '../../common/auth/principal.js';
import { TokenVerifier } from '../../common/auth/token-verifier.js';
import type { User } from '../users/user.entity.js';
import { AuthRepository } from './auth.repository.js';

interface AccessTokenClaims {
  sub: string;
  role: Principal['role'];
  org: string | null;
  ten: string | null;
}

@Injectable()
export class TokenService extends TokenVerifier implements OnModuleInit {
  private secret = '';

  constructor(
    private readonly jwt: JwtService,
    private readonly repository: AuthRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async onModuleInit(): Promise<void> {
    this.secret = this.config.auth.jwtSecret ?? (await this.repository.signingSecret(generateSecret()));
  }

  issue(user: User): Promise<string> {
    const claims: AccessTokenClaims = { sub: user.id, role: user.role, org: user.organisationId, ten: user.tenantId };
    return this.jwt.signAsync(claims, { secret: this.secret, expiresIn: this.config.auth.tokenTtlSeconds, algorithm: 'HS256' });
  }

  async verify(token: string): Promise<Principal | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { secret: this.secret, algorithms: ['HS256'] });
      if (typeof claims.sub !== 'string' || !ROLES.includes(claims.role)) return null;
      return { userId: claims.sub, role: claims.role, organisationId: claims.org ?? null, tenantId: claims.ten ?? null };
    } catch {
      return null;
    }
  }
}
