import { ForbiddenError } from '../errors/domain-error.js';
import type { Principal, Role } from './principal.js';

/**
 * The one access policy: who may do what (capabilities, by role), on which records (record
 * decisions: organisation, building, own records) and which rows a list may show (scope filters
 * that repositories turn into SQL, so a list stays one query). Services ask it before they act,
 * so a job handler or a page gets the same answer as the API; the guard maps routes onto it.
 */
export const CAPABILITIES = [
  'organisations.read',
  'organisations.write',
  'users.read',
  'users.write',
  'buildings.read',
  'buildings.write',
  'properties.read',
  'properties.write',
  'vacancy-files.decide',
  'rent-bands.write',
  'tenants.read',
  'tenants.list',
  'tenants.write',
  'band-assessments.read',
  'band-assessments.write',
  'applications.apply',
  'applications.read',
  'applications.review',
  'leases.read',
  'leases.write',
  'invoices.read',
  'invoices.run',
  'invoices.write',
  'reminders.read',
  'payment-arrangements.read',
  'payment-arrangements.write',
  'arrears.read',
  'bank-statements.read',
  'bank-statements.write',
  'mandates.read',
  'mandates.write',
  'collections.read',
  'collections.write',
  'owner-finance.read',
  'owner-finance.write',
  'handovers.read',
  'handovers.write',
  'reports.read',
  'reports.request',
  'reports.owner-occupancy',
  'reports.municipality-monitor',
  'reports.arrears',
  'reports.vacancy-pipeline',
  'audit.read',
  'messages.read',
  'umbrella.workspace',
  'portal.maker',
  'portal.owner',
  'portal.city',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/**
 * Everyone signed in reads the buildings in their scope and may apply with a group (and read and
 * answer for the applications they take part in). Owners and the city never get tenant records.
 */
const SIGNED_IN: readonly Capability[] = [
  'organisations.read',
  'buildings.read',
  'applications.apply',
  'applications.read',
  'messages.read',
];

/** The web portals are each one role's own pages: staff have the workspace instead, so admins get none of them. */
const PORTALS: readonly Capability[] = ['portal.maker', 'portal.owner', 'portal.city'];

const CAPABILITIES_OF_ROLE: Record<Role, readonly Capability[]> = {
  admin: CAPABILITIES.filter((capability) => !PORTALS.includes(capability)),
  tenant: [
    ...SIGNED_IN,
    'tenants.read',
    'band-assessments.read',
    'leases.read',
    'invoices.read',
    'reminders.read',
    'payment-arrangements.read',
    'mandates.read',
    'portal.maker',
  ],
  owner: [
    ...SIGNED_IN,
    'properties.read',
    'properties.write',
    'owner-finance.read',
    'handovers.read',
    'reports.read',
    'reports.request',
    'reports.owner-occupancy',
    'portal.owner',
  ],
  municipality: [
    ...SIGNED_IN,
    'properties.read',
    'properties.write',
    'vacancy-files.decide',
    'reports.read',
    'reports.request',
    'reports.municipality-monitor',
    'reports.vacancy-pipeline',
    'portal.city',
  ],
};

/** In the order of CAPABILITIES, so a client can compare lists. */
export function capabilitiesOf(principal: Principal): Capability[] {
  const granted = new Set(CAPABILITIES_OF_ROLE[principal.role]);
  return CAPABILITIES.filter((capability) => granted.has(capability));
}

export function can(principal: Principal, capability: Capability): boolean {
  return CAPABILITIES_OF_ROLE[principal.role].includes(capability);
}

export function requireCapability(principal: Principal, capability: Capability): void {
  if (!can(principal, capability)) throw new ForbiddenError();
}

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

/**
 * The buildings whose record (and the years of its own) a principal may read: the scope above, and
 * for an owner also the buildings it owned before a handover. What is about today (occupancy now,
 * leases, invoicing) stays with the current owner's scope.
 */
export type BuildingRecordScope = BuildingScope | { kind: 'owned'; organisationId: string };

export function buildingRecordScopeOf(principal: Principal): BuildingRecordScope {
  const scope = buildingScopeOf(principal);
  return scope.kind === 'owner' ? { kind: 'owned', organisationId: scope.organisationId } : scope;
}

/**
 * The periods of ownership whose figures (owner balance, owner reports) a principal may read:
 * admins every owner's, an owner only its own, so a buyer never sees the seller's years.
 */
export function mayReadOwnershipPeriod(principal: Principal, period: { ownerId: string }): boolean {
  if (principal.role === 'admin') return true;
  return principal.role === 'owner' && principal.organisationId !== null && principal.organisationId === period.ownerId;
}

/** Which of a building's handovers a list shows: admins all, an owner those it sold or bought; null: none. */
export function handoverListScopeOf(principal: Principal): { ownerId: string | null } | null {
  if (principal.role === 'admin') return { ownerId: null };
  if (principal.role === 'owner' && principal.organisationId !== null) return { ownerId: principal.organisationId };
  return null;
}

/** Which organisations a principal may list: admins all, anyone else only its own (none without one). */
export type OrganisationScope = { kind: 'all' } | { kind: 'only'; organisationId: string | null };

export function organisationScopeOf(principal: Principal): OrganisationScope {
  return principal.role === 'admin' ? { kind: 'all' } : { kind: 'only', organisationId: principal.organisationId };
}

/**
 * The tenant a list of tenant records (leases, invoices) is limited to: staff get what they asked
 * (no tenantId: everyone's), a tenant user only its own; null when nothing asked for may be shown.
 */
export function tenantFilterOf(principal: Principal, requestedTenantId?: string): { tenantId?: string } | null {
  if (principal.role === 'admin') return { tenantId: requestedTenantId };
  if (principal.role !== 'tenant' || principal.tenantId === null) return null;
  if (requestedTenantId !== undefined && requestedTenantId !== principal.tenantId) return null;
  return { tenantId: principal.tenantId };
}

/** A tenant's own records (its tenant row, leases, invoices, assessments, notices): staff and that tenant. */
export function mayReadTenantRecord(principal: Principal, tenantId: string | null): boolean {
  return principal.role === 'admin' || (principal.role === 'tenant' && principal.tenantId !== null && principal.tenantId === tenantId);
}

/**
 * The tenant record whose own contact details (contact e-mail, postcode, address) a user may change
 * itself: a tenant user's own; null for anyone else (staff correct any tenant with `tenants.write`).
 */
export function ownTenantOf(principal: Principal): string | null {
  return principal.role === 'tenant' ? principal.tenantId : null;
}

/** A handover: admins and the users of the owner that sold and the owner that bought. */
export function mayReadHandover(principal: Principal, handover: { fromOwnerId: string; toOwnerId: string }): boolean {
  if (principal.role === 'admin') return true;
  return (
    principal.role === 'owner' &&
    principal.organisationId !== null &&
    [handover.fromOwnerId, handover.toOwnerId].includes(principal.organisationId)
  );
}

/**
 * A report: admins and whoever requested it; a monthly monitor that the schedule requested (no requester) also the
 * municipality of its city (`ownCity`, the principal's city if it is a municipality's user).
 */
export function mayReadReport(
  principal: Principal,
  report: { requestedBy: string | null; kind: string; city: string | null },
  ownCity: string | null = null,
): boolean {
  if (principal.role === 'admin' || report.requestedBy === principal.userId) return true;
  return (
    report.requestedBy === null &&
    report.kind === 'municipality-monitor' &&
    report.city !== null &&
    mayMonitorCity(principal, report.city, ownCity)
  );
}

/** Which reports a list may show, as `mayReadReport` decides for one: admins all, anyone else those they requested. */
export function reportListScopeOf(principal: Principal): { requestedBy?: string } {
  return principal.role === 'admin' ? {} : { requestedBy: principal.userId };
}

/** A mail in the outbox: admins, and whoever it was addressed to (the user, or the tenant the user acts as). */
export function mayReadMessage(
  principal: Principal,
  message: { recipientUserId: string | null; recipientTenantId: string | null },
): boolean {
  if (principal.role === 'admin') return true;
  return message.recipientUserId === principal.userId || (principal.tenantId !== null && message.recipientTenantId === principal.tenantId);
}

/** Which messages a list may show, as `mayReadMessage` decides for one. */
export function messageListScopeOf(principal: Principal): { addressedTo?: { userId: string; tenantId: string | null } } {
  return principal.role === 'admin' ? {} : { addressedTo: { userId: principal.userId, tenantId: principal.tenantId } };
}

/** A municipality monitors its own city only; admins any. */
export function mayMonitorCity(principal: Principal, city: string, ownCity: string | null): boolean {
  if (principal.role === 'admin') return true;
  return principal.role === 'municipality' && ownCity !== null && city.toLowerCase() === ownCity.toLowerCase();
}

/** An application: admins, its contact and its members. */
export function mayReadApplication(principal: Principal, participant: boolean): boolean {
  return principal.role === 'admin' || participant;
}

/**
 * Which applications (and their offers) a list may show: admins all, or with `mine` only those they
 * take part in; anyone else only those they take part in (the contact or a member).
 */
export function applicationListScopeOf(principal: Principal, mine: boolean): { participantUserId?: string } {
  return principal.role === 'admin' && !mine ? {} : { participantUserId: principal.userId };
}

/** Acting for a group (submit, withdraw, answer an offer): its contact, or an admin. */
export function mayActForApplication(principal: Principal, application: { contactUserId: string }): boolean {
  return principal.role === 'admin' || application.contactUserId === principal.userId;
}

/**
 * Which properties a principal may see in full (the register, the vacancy file): admins all (an
 * umbrella's staff, for now, as the installation's: matching narrows that); an owner its own; the
 * municipality those in its city. Tenants none: they read the public list.
 */
export type PropertyScope =
  { kind: 'all' } | { kind: 'owner'; organisationId: string } | { kind: 'city'; organisationId: string } | { kind: 'none' };

export function propertyScopeOf(principal: Principal): PropertyScope {
  switch (principal.role) {
    case 'admin':
      return { kind: 'all' };
    case 'owner':
      return principal.organisationId === null ? { kind: 'none' } : { kind: 'owner', organisationId: principal.organisationId };
    case 'municipality':
      return principal.organisationId === null ? { kind: 'none' } : { kind: 'city', organisationId: principal.organisationId };
    case 'tenant':
      return { kind: 'none' };
  }
}

/**
 * For whom a principal may record a property: an owner only for its own organisation (null: it
 * names none, so the property is its own), the city and admins for any owner.
 */
export function propertyOwnerFor(principal: Principal, requestedOwnerId: string | undefined): string | null {
  if (principal.role === 'owner') {
    if (principal.organisationId === null) throw new ForbiddenError();
    if (requestedOwnerId !== undefined && requestedOwnerId !== principal.organisationId) throw new ForbiddenError();
    return principal.organisationId;
  }
  return requestedOwnerId ?? null;
}

/** The owner's report of a vacancy: the users of the owning organisation, and admins. */
export function mayFileVacancyReport(principal: Principal, property: { ownerId: string }): boolean {
  if (principal.role === 'admin') return true;
  return principal.role === 'owner' && principal.organisationId !== null && principal.organisationId === property.ownerId;
}
