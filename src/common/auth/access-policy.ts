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
  'reports.double-balance',
  'reports.vacancy-pipeline',
  'audit.read',
  'messages.read',
  'time.record',
  'time.manage',
  'search-profiles.read',
  'search-profiles.write',
  'tenders.read',
  'tenders.run',
  'tenders.propose',
  'tenders.review',
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
  // Admins approve and manage hours; only makers record their own.
  admin: CAPABILITIES.filter((capability) => !PORTALS.includes(capability) && capability !== 'time.record'),
  tenant: [
    ...SIGNED_IN,
    'tenants.read',
    'band-assessments.read',
    'leases.read',
    'invoices.read',
    'reminders.read',
    'payment-arrangements.read',
    'mandates.read',
    'time.record',
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
    'reports.double-balance',
    'tenders.read',
    'tenders.run',
    'tenders.review',
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
    'reports.double-balance',
    'tenders.read',
    'tenders.run',
    'tenders.review',
    'reports.vacancy-pipeline',
    'portal.city',
  ],
};

/**
 * What only the installation's own admins do: an umbrella's staff never manage users or
 * organisations (they could make themselves an installation admin), never read the whole audit log,
 * and neither keep the property register nor decide vacancy files (the owners' and the city's). Bank
 * statements they do import, but scoped: see `bankStatementScopeOf`.
 */
const INSTALLATION_ONLY: readonly Capability[] = [
  'users.read',
  'users.write',
  'organisations.write',
  'audit.read',
  'properties.write',
  'vacancy-files.decide',
];

/**
 * The umbrella whose staff a principal is: an admin with an organisation (of kind umbrella) sees and
 * manages only that umbrella's buildings, tenants, profiles and proposals; null for an admin without one
 * (who runs the installation) and for every other role.
 */
export function staffUmbrellaOf(principal: Principal): string | null {
  return principal.role === 'admin' ? principal.organisationId : null;
}

/** An admin without an organisation: runs the installation and sees every umbrella's records. */
function isInstallationAdmin(principal: Principal): boolean {
  return principal.role === 'admin' && principal.organisationId === null;
}

function grantedTo(principal: Principal): readonly Capability[] {
  const granted = CAPABILITIES_OF_ROLE[principal.role];
  return staffUmbrellaOf(principal) === null ? granted : granted.filter((capability) => !INSTALLATION_ONLY.includes(capability));
}

/** In the order of CAPABILITIES, so a client can compare lists. */
export function capabilitiesOf(principal: Principal): Capability[] {
  const granted = new Set(grantedTo(principal));
  return CAPABILITIES.filter((capability) => granted.has(capability));
}

export function can(principal: Principal, capability: Capability): boolean {
  return grantedTo(principal).includes(capability);
}

export function requireCapability(principal: Principal, capability: Capability): void {
  if (!can(principal, capability)) throw new ForbiddenError();
}

/**
 * Which buildings a principal may see. Installation admins see all, an umbrella's staff the buildings
 * its umbrella rents; an owner sees the buildings its organisation owns; the municipality those in its
 * city; tenants (and applicants) read the public register.
 */
export type BuildingScope =
  | { kind: 'all' }
  | { kind: 'owner'; organisationId: string }
  | { kind: 'city'; organisationId: string }
  | { kind: 'umbrella'; organisationId: string };

export function buildingScopeOf(principal: Principal): BuildingScope {
  switch (principal.role) {
    case 'owner':
      return { kind: 'owner', organisationId: principal.organisationId ?? '' };
    case 'municipality':
      return { kind: 'city', organisationId: principal.organisationId ?? '' };
    case 'admin':
      return principal.organisationId === null ? { kind: 'all' } : { kind: 'umbrella', organisationId: principal.organisationId };
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
  if (principal.role === 'admin') return true; // an umbrella's staff reach this only for a building of theirs
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
 * (no tenantId: everyone's), an umbrella's staff only within its umbrella's buildings, a tenant user
 * only its own; null when nothing asked for may be shown.
 */
export function tenantFilterOf(principal: Principal, requestedTenantId?: string): { tenantId?: string; umbrellaId?: string } | null {
  const umbrellaId = staffUmbrellaOf(principal);
  if (umbrellaId !== null) return { tenantId: requestedTenantId, umbrellaId };
  if (principal.role === 'admin') return { tenantId: requestedTenantId };
  if (principal.role !== 'tenant' || principal.tenantId === null) return null;
  if (requestedTenantId !== undefined && requestedTenantId !== principal.tenantId) return null;
  return { tenantId: principal.tenantId };
}

/**
 * A tenant's own records (its tenant row, leases, invoices, assessments, notices): staff and that tenant.
 * An umbrella's staff only when the record lies within its umbrella (`withinUmbrella`, which the caller
 * asks the building or tenant scope for; see `staffUmbrellaOf`).
 */
export function mayReadTenantRecord(principal: Principal, tenantId: string | null, withinUmbrella = false): boolean {
  if (principal.role === 'admin') return principal.organisationId === null || withinUmbrella;
  return principal.role === 'tenant' && principal.tenantId !== null && principal.tenantId === tenantId;
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
  if (isInstallationAdmin(principal) || report.requestedBy === principal.userId) return true;
  return (
    report.requestedBy === null &&
    report.kind === 'municipality-monitor' &&
    report.city !== null &&
    mayMonitorCity(principal, report.city, ownCity)
  );
}

/** Which reports a list may show, as `mayReadReport` decides for one: installation admins all, anyone else those they requested. */
export function reportListScopeOf(principal: Principal): { requestedBy?: string } {
  return isInstallationAdmin(principal) ? {} : { requestedBy: principal.userId };
}

/** A mail in the outbox: admins, and whoever it was addressed to (the user, or the tenant the user acts as). */
export function mayReadMessage(
  principal: Principal,
  message: { recipientUserId: string | null; recipientTenantId: string | null },
): boolean {
  if (isInstallationAdmin(principal)) return true;
  return message.recipientUserId === principal.userId || (principal.tenantId !== null && message.recipientTenantId === principal.tenantId);
}

/** Which messages a list may show, as `mayReadMessage` decides for one. */
export function messageListScopeOf(principal: Principal): { addressedTo?: { userId: string; tenantId: string | null } } {
  return isInstallationAdmin(principal) ? {} : { addressedTo: { userId: principal.userId, tenantId: principal.tenantId } };
}

/** A municipality monitors its own city only; installation admins any. */
export function mayMonitorCity(principal: Principal, city: string, ownCity: string | null): boolean {
  if (isInstallationAdmin(principal)) return true;
  return principal.role === 'municipality' && ownCity !== null && city.toLowerCase() === ownCity.toLowerCase();
}

/**
 * An application: admins, its contact and its members; an umbrella's staff only for a round in one of its
 * buildings (`withinUmbrella`, asked of the building scope).
 */
export function mayReadApplication(principal: Principal, participant: boolean, withinUmbrella = false): boolean {
  return participant || (principal.role === 'admin' && (principal.organisationId === null || withinUmbrella));
}

/**
 * Which applications (and their offers) a list may show: admins all (an umbrella's staff those to rounds
 * in its buildings), or with `mine` only those they take part in; anyone else only those they take part
 * in (the contact or a member).
 */
export function applicationListScopeOf(principal: Principal, mine: boolean): { participantUserId?: string; umbrellaId?: string } {
  if (principal.role !== 'admin' || mine) return { participantUserId: principal.userId };
  return principal.organisationId === null ? {} : { umbrellaId: principal.organisationId };
}

/** Acting for a group (submit, withdraw, answer an offer): its contact, or an admin. */
export function mayActForApplication(principal: Principal, application: { contactUserId: string }): boolean {
  return principal.role === 'admin' || application.contactUserId === principal.userId;
}

/**
 * A time entry: the maker who gave the hours, the coordinator of its working group and admins; to
 * anyone else (another maker, owners, the city) it does not exist. `coordinates`: the principal's
 * tenant coordinates the entry's working group.
 */
export function mayReadTimeEntry(principal: Principal, entry: { tenantId: string }, coordinates: boolean): boolean {
  if (principal.role === 'admin') return true;
  return principal.role === 'tenant' && principal.tenantId !== null && (principal.tenantId === entry.tenantId || coordinates);
}

/** Approving or rejecting hours: admins and the coordinator of the entry's working group, never for the coordinator's own hours. */
export function mayDecideTimeEntry(principal: Principal, entry: { tenantId: string }, coordinates: boolean): boolean {
  if (principal.role === 'admin') return true;
  return principal.role === 'tenant' && coordinates && principal.tenantId !== entry.tenantId;
}

/** Changing or withdrawing an entry that is still pending: only the maker who recorded it (admins correct by rejecting). */
export function mayChangeTimeEntry(principal: Principal, entry: { tenantId: string }): boolean {
  return principal.role === 'tenant' && principal.tenantId !== null && principal.tenantId === entry.tenantId;
}

/**
 * Which time entries a list may show: admins every entry (or one maker's); a maker its own and, as a coordinator, those of
 * its working groups; null: none (owners and the city see totals only, in the double balance).
 */
export function timeEntryListScopeOf(principal: Principal): { tenantId?: string; orCoordinatedBy?: string } | null {
  if (principal.role === 'admin') return {};
  if (principal.role === 'tenant' && principal.tenantId !== null)
    return { tenantId: principal.tenantId, orCoordinatedBy: principal.tenantId };
  return null;
}

/**
 * How much of the time account a principal sees: admins every figure; owners and the city totals only, each count of people
 * below five shown as `<5` and the hours behind it withheld.
 */
export function timeAccountDetailOf(principal: Principal): 'exact' | 'masked' {
  return principal.role === 'admin' ? 'exact' : 'masked';
}

/**
 * Which umbrella's own records (search profiles, tender proposals) a principal reaches: an umbrella's
 * staff only its own umbrella's; the installation's admins every umbrella's (`umbrellaId` undefined);
 * anyone else none (null).
 */
export function umbrellaRecordScopeOf(principal: Principal): { umbrellaId?: string } | null {
  if (principal.role !== 'admin') return null;
  return principal.organisationId === null ? {} : { umbrellaId: principal.organisationId };
}

/** For which umbrella a principal acts (a profile, a proposal): its own, or for the installation's admins the one it names. */
export function actingUmbrellaOf(principal: Principal, requestedUmbrellaId: string | undefined): string | null {
  const scope = umbrellaRecordScopeOf(principal);
  if (scope === null) throw new ForbiddenError();
  if (scope.umbrellaId !== undefined) {
    if (requestedUmbrellaId !== undefined && requestedUmbrellaId !== scope.umbrellaId) throw new ForbiddenError();
    return scope.umbrellaId;
  }
  return requestedUmbrellaId ?? null;
}

/**
 * A tender is run by an organisation (the city for properties in its city, the owner for its own):
 * its users and the installation's admins manage it.
 */
export function mayRunTender(principal: Principal, tender: { runById: string }): boolean {
  return (
    isInstallationAdmin(principal) ||
    (principal.organisationId !== null && principal.role !== 'admin' && principal.organisationId === tender.runById)
  );
}

/**
 * A proposal: sealed until the tender closes (only the umbrella that submitted it sees it before), never
 * shown to another umbrella; after closing also to whoever runs the tender and to its reviewers.
 */
export function mayReadProposal(
  principal: Principal,
  proposal: { umbrellaId: string },
  tender: { runById: string; closed: boolean; reviewerIds: readonly string[] },
): boolean {
  const umbrellaId = staffUmbrellaOf(principal);
  if (umbrellaId !== null) return umbrellaId === proposal.umbrellaId;
  if (!tender.closed) return false;
  return mayRunTender(principal, tender) || tender.reviewerIds.includes(principal.userId);
}

/**
 * Which properties a principal may see in full (the register, the vacancy file): the installation's
 * admins all; an owner its own; the municipality those in its city. An umbrella's staff and tenants
 * none in full: they read the public list (and the tenders they take part in), an umbrella's staff also
 * the candidate view below; so an internal property is 404 to them.
 */
export type PropertyScope =
  { kind: 'all' } | { kind: 'owner'; organisationId: string } | { kind: 'city'; organisationId: string } | { kind: 'none' };

export function propertyScopeOf(principal: Principal): PropertyScope {
  switch (principal.role) {
    case 'admin':
      return principal.organisationId === null ? { kind: 'all' } : { kind: 'none' };
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

/**
 * The umbrella for which a principal reads properties as a candidate (null: not as one): an umbrella's
 * staff see the properties published as `public`, and those published for matching (`matching` or
 * `public`) that one of its umbrella's search profiles fits on every hard condition, with only what a
 * candidate needs (address, m², availability, building type, district): never the owner, the reason or
 * the file. An `internal` property, or one whose profile does not fit, stays unknown (404) to them.
 */
export function propertyCandidateUmbrellaOf(principal: Principal): string | null {
  return staffUmbrellaOf(principal);
}

/**
 * Which bank statements a principal reaches, and onto which invoices an import of its books: the
 * installation's admins every statement and every invoice; an umbrella's staff only the statements its
 * umbrella's staff imported, booked only onto invoices of its own buildings (`buildingScopeOf`), so an
 * entry naming another umbrella's invoice stays unmatched for them and another umbrella's statement is unknown (404).
 */
export function bankStatementScopeOf(principal: Principal): { umbrellaId: string | null } {
  return { umbrellaId: staffUmbrellaOf(principal) };
}
