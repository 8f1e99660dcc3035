import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { type Capability, requireCapability } from '../../common/auth/access-policy.js';
import { type AuthenticatedRequest, REQUIRED_CAPABILITY } from '../../common/auth/decorators.js';
import { TokenVerifier } from '../../common/auth/token-verifier.js';
import { sessionTokenOf } from './web-session.js';

/** Thrown when a page needs a session and the request has none (or an ended one): the filter sends the browser to sign in. */
export class SignInRequired extends Error {
  constructor(readonly expired: boolean) {
    super('sign-in required');
  }
}

/** Thrown when a form comes without its CSRF token, or with a wrong one. */
export class CsrfRefused extends Error {
  constructor() {
    super('csrf token missing or invalid');
  }
}

const SIGNED_OUT_PAGE = 'web:signed-out';

/** A page anyone may see (the sign-in page): no session needed, its forms still need their CSRF token. */
export const SignedOutPage = () => SetMetadata(SIGNED_OUT_PAGE, true);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

@Injectable()
export class WebSessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (!SAFE_METHODS.has(request.method)) await verifyCsrf(request, reply);

    const token = sessionTokenOf(request);
    const principal = token ? await this.tokens.verify(token) : null;
    if (principal) request.principal = principal;
    if (this.reflector.getAllAndOverride<boolean>(SIGNED_OUT_PAGE, targets)) return true;
    if (!principal) throw new SignInRequired(token !== undefined);

    const capability = this.reflector.getAllAndOverride<Capability | undefined>(REQUIRED_CAPABILITY, targets);
    if (capability) requireCapability(principal, capability);
    return true;
  }
}

/** @fastify/csrf-protection's check, its refusal turned into an error of ours instead of a reply it sends itself. */
function verifyCsrf(request: AuthenticatedRequest, reply: FastifyReply): Promise<void> {
  return new Promise((resolve, reject) => {
    const refusing = new Proxy(reply, {
      get: (target, property, receiver) =>
        property === 'send' ? () => reject(new CsrfRefused()) : Reflect.get(target, property, receiver),
    });
    request.server.csrfProtection(request, refusing, () => resolve());
  });
}
