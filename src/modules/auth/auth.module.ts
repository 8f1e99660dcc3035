import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { FeatureModule } from '../../common/feature/feature-module.js';
import { AuthGuard } from '../../common/auth/auth.guard.js';
import { TokenVerifier } from '../../common/auth/token-verifier.js';
import { BuildingsModule } from '../buildings/buildings.module.js';
import { UsersModule } from '../users/users.module.js';
import { AUTH_CONFIG } from './auth.config.js';
import { AuthController } from './auth.controller.js';
import { AUTH_JOBS } from './auth.jobs.js';
import { AuthRepository } from './auth.repository.js';
import { AuthService } from './auth.service.js';
import { LoginFailure } from './login-failure.entity.js';
import { PurgeLoginAttemptsHandler } from './purge-login-attempts.handler.js';
import { SigningKey } from './signing-key.entity.js';
import { TokenService } from './token.service.js';

@FeatureModule({
  entities: [LoginFailure, SigningKey],
  jobs: AUTH_JOBS,
  config: AUTH_CONFIG,
  imports: [JwtModule.register({}), UsersModule, BuildingsModule],
  controllers: [AuthController],
  providers: [
    AuthRepository,
    AuthService,
    TokenService,
    PurgeLoginAttemptsHandler,
    { provide: TokenVerifier, useExisting: TokenService },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, TokenVerifier],
})
export class AuthModule {}
