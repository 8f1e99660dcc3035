import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { COMMON_ERRORS } from '../errors/common.errors.js';
import { UnauthorizedError } from '../errors/domain-error.js';
import { type Capability, requireCapability } from './access-policy.js';
import { type AuthenticatedRequest, PUBLIC_ROUTE, REQUIRED_CAPABILITY } from './decorators.js';
import { TokenVerifier } from './token-verifier.js';

/** Global guard: every route needs a valid bearer token unless marked @Public(); @Can() narrows it through the access policy. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const match = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new UnauthorizedError(COMMON_ERRORS.token_missing);
    const principal = await this.tokens.verify(match[1]!);
    if (!principal) throw new UnauthorizedError(COMMON_ERRORS.token_invalid);
    request.principal = principal;

    const capability = this.reflector.getAllAndOverride<Capability | undefined>(REQUIRED_CAPABILITY, targets);
    if (capability) requireCapability(principal, capability);
    return true;
  }
}
