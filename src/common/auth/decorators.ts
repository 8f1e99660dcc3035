import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Capability } from './access-policy.js';
import type { Principal } from './principal.js';

export const PUBLIC_ROUTE = 'auth:public';
export const REQUIRED_CAPABILITY = 'auth:capability';

/** A route anyone may call without a token (login, health). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only principals the access policy grants this capability may call the route (or every route of the controller). */
export const Can = (capability: Capability) => SetMetadata(REQUIRED_CAPABILITY, capability);

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});
