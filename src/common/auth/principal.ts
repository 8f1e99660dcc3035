export const ROLES = ['admin', 'tenant', 'owner', 'municipality'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as carried in the access token. */
export interface Principal {
  userId: string;
  role: Role;
  organisationId: string | null;
  tenantId: string | null;
}

/** Scheduled and loading work acts as an admin would. */
export const SYSTEM_PRINCIPAL: Principal = { userId: 'system', role: 'admin', organisationId: null, tenantId: null };
