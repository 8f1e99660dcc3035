import type { Principal } from './principal.js';

/**
 * Which buildings a principal may see. Admins see all; an owner sees the buildings its organisation
 * owns; the municipality those in its city; tenants (and applicants) read the public register.
 */
export type BuildingScope = { kind: 'all' } | { kind: 'owner'; organisationId: string } | { kind: 'city'; organisationId: string };

export function buildingScopeOf(principal: Principal): BuildingScope {
  switch (principal.role) {
    case 'owner':
      return { kind: 'owner', organisationId: principal.organisationId ?? '' };
    case 'municipality':
      return { kind: 'city', organisationId: principal.organisationId ?? '' };
    case 'admin':
    case 'tenant':
      return { kind: 'all' };
  }
}

/** Records of one tenant: a tenant user sees only its own; staff see everyone's. */
export function tenantScopeOf(principal: Principal): { tenantId: string | null } | null {
  return principal.role === 'tenant' ? { tenantId: principal.tenantId } : null;
}
