import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AuthGuard } from '../../common/auth/auth.guard.js';
import { TokenVerifier } from '../../common/auth/token-verifier.js';
import { BuildingsModule } from '../buildings/buildings.module.js';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AuthRepository } from './auth.repository.js';
import { AuthService } from './auth.service.js';
import { PurgeLoginAttemptsHandler } from './purge-login-attempts.handler.js';
import { TokenService } from './token.service.js';

@Module({
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
})
export class AuthModule {}
