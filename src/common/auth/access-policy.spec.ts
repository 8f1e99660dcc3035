import {
  buildingRecordScopeOf,
  buildingScopeOf,
  can,
  handoverListScopeOf,
  mayActForApplication,
  mayMonitorCity,
  mayReadHandover,
  mayReadOwnershipPeriod,
  mayReadReport,
  mayReadTenantRecord,
  organisationScopeOf,
  requireCapability,
  tenantFilterOf,
} from './access-policy.js';
import { ForbiddenError } from '../errors/domain-error.js';
import type { Principal } from './principal.js';

const admin: Principal = { userId: 'u-admin', role: 'admin', organisationId: null, tenantId: null };
const tenant: Principal = { userId: 'u-tenant', role: 'tenant', organisationId: null, tenantId: 't-1' };
const applicant: Principal = { userId: 'u-applicant', role: 'tenant', organisationId: null, tenantId: null };
const owner: Principal = { userId: 'u-owner', role: 'owner', organisationId: 'o-1', tenantId: null };
const city: Principal = { userId: 'u-city', role: 'municipality', organisationId: 'm-1', tenantId: null };

const umbrellaStaff: Principal = { userId: 'u-staff', role: 'admin', organisationId: 'umb-1', tenantId: null };

describe('access policy', () => {
  it('scopes an umbrella’s staff to its own umbrella, and keeps the installation’s admin unscoped', () => {
    expect(buildingScopeOf(umbrellaStaff)).toEqual({ kind: 'umbrella', organisationId: 'umb-1' });
    expect(tenantFilterOf(umbrellaStaff, 't-2')).toEqual({ tenantId: 't-2', umbrellaId: 'umb-1' });
    expect(mayReadTenantRecord(umbrellaStaff, 't-2')).toBe(false);
    expect(mayReadTenantRecord(umbrellaStaff, 't-2', true)).toBe(true);
    expect(mayReadTenantRecord(admin, 't-2')).toBe(true);
    expect(can(umbrellaStaff, 'buildings.write')).toBe(true);
    expect(can(umbrellaStaff, 'users.write')).toBe(false);
    expect(can(admin, 'users.write')).toBe(true);
    expect(mayReadReport(umbrellaStaff, { requestedBy: 'someone', kind: 'owner-occupancy', city: null })).toBe(false);
  });

  it('keeps tenant personal data from owners and the city', () => {
    for (const principal of [owner, city]) {
      for (const capability of ['tenants.read', 'leases.read', 'invoices.read', 'band-assessments.read'] as const) {
        expect(can(principal, capability)).toBe(false);
      }
    }
    expect(() => requireCapability(owner, 'leases.read')).toThrow(ForbiddenError);
    expect(() => requireCapability(tenant, 'leases.read')).not.toThrow();
  });

  it('scopes buildings by owner organisation or city, and lets admins and tenants see the register', () => {
    expect(buildingScopeOf(admin)).toEqual({ kind: 'all' });
    expect(buildingScopeOf(tenant)).toEqual({ kind: 'all' });
    expect(buildingScopeOf(owner)).toEqual({ kind: 'owner', organisationId: 'o-1' });
    expect(buildingScopeOf(city)).toEqual({ kind: 'city', organisationId: 'm-1' });
    expect(organisationScopeOf(admin)).toEqual({ kind: 'all' });
    expect(organisationScopeOf(tenant)).toEqual({ kind: 'only', organisationId: null });
  });

  it('lets an owner read the record of a building it sold and its own years, never another owner’s years', () => {
    expect(buildingRecordScopeOf(owner)).toEqual({ kind: 'owned', organisationId: 'o-1' });
    expect(buildingRecordScopeOf(admin)).toEqual({ kind: 'all' });
    expect(buildingRecordScopeOf(city)).toEqual({ kind: 'city', organisationId: 'm-1' });
    expect(mayReadOwnershipPeriod(owner, { ownerId: 'o-1' })).toBe(true);
    expect(mayReadOwnershipPeriod(owner, { ownerId: 'o-2' })).toBe(false);
    expect(mayReadOwnershipPeriod(admin, { ownerId: 'o-2' })).toBe(true);
    expect(mayReadOwnershipPeriod(city, { ownerId: 'm-1' })).toBe(false);
    expect(handoverListScopeOf(admin)).toEqual({ ownerId: null });
    expect(handoverListScopeOf(owner)).toEqual({ ownerId: 'o-1' });
    expect(handoverListScopeOf(tenant)).toBeNull();
  });

  it('limits lists of tenant records to the tenant’s own, and to nothing when another is asked for', () => {
    expect(tenantFilterOf(admin)).toEqual({ tenantId: undefined });
    expect(tenantFilterOf(admin, 't-2')).toEqual({ tenantId: 't-2' });
    expect(tenantFilterOf(tenant)).toEqual({ tenantId: 't-1' });
    expect(tenantFilterOf(tenant, 't-1')).toEqual({ tenantId: 't-1' });
    expect(tenantFilterOf(tenant, 't-2')).toBeNull();
    expect(tenantFilterOf(applicant)).toBeNull();
    expect(tenantFilterOf(owner)).toBeNull();
  });

  it('decides on single records: own tenant records, handovers of both owners, own reports, own city, own group', () => {
    expect(mayReadTenantRecord(tenant, 't-1')).toBe(true);
    expect(mayReadTenantRecord(tenant, 't-2')).toBe(false);
    expect(mayReadTenantRecord(applicant, null)).toBe(false);
    expect(mayReadTenantRecord(admin, 't-2')).toBe(true);
    expect(mayReadTenantRecord(owner, 't-1')).toBe(false);

    expect(mayReadHandover(owner, { fromOwnerId: 'o-1', toOwnerId: 'o-2' })).toBe(true);
    expect(mayReadHandover(owner, { fromOwnerId: 'o-2', toOwnerId: 'o-1' })).toBe(true);
    expect(mayReadHandover(owner, { fromOwnerId: 'o-2', toOwnerId: 'o-3' })).toBe(false);
    expect(mayReadHandover({ ...owner, organisationId: null }, { fromOwnerId: 'o-2', toOwnerId: 'o-3' })).toBe(false);
    expect(mayReadHandover(admin, { fromOwnerId: 'o-2', toOwnerId: 'o-3' })).toBe(true);

    const monitor = { kind: 'municipality-monitor', city: 'Amsterdam' };
    expect(mayReadReport(city, { ...monitor, requestedBy: 'u-city' })).toBe(true);
    expect(mayReadReport(owner, { ...monitor, requestedBy: 'u-city' })).toBe(false);
    expect(mayReadReport(admin, { ...monitor, requestedBy: null })).toBe(true);
    // The schedule's monthly monitor (no requester): the city it is about reads it, no other city, no owner.
    expect(mayReadReport(city, { ...monitor, requestedBy: null }, 'amsterdam')).toBe(true);
    expect(mayReadReport(city, { ...monitor, requestedBy: null }, 'Utrecht')).toBe(false);
    expect(mayReadReport(city, { ...monitor, requestedBy: 'u-other' }, 'Amsterdam')).toBe(false);
    expect(mayReadReport(owner, { ...monitor, requestedBy: null }, 'Amsterdam')).toBe(false);

    expect(mayMonitorCity(city, 'amsterdam', 'Amsterdam')).toBe(true);
    expect(mayMonitorCity(city, 'Utrecht', 'Amsterdam')).toBe(false);
    expect(mayMonitorCity(city, 'Amsterdam', null)).toBe(false);
    expect(mayMonitorCity(admin, 'Utrecht', null)).toBe(true);

    expect(mayActForApplication(tenant, { contactUserId: 'u-tenant' })).toBe(true);
    expect(mayActForApplication(tenant, { contactUserId: 'u-other' })).toBe(false);
    expect(mayActForApplication(admin, { contactUserId: 'u-other' })).toBe(true);
  });
});
