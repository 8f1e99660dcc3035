import type { Principal } from '../src/common/auth/principal.js';
import { ForbiddenError, NotFoundError } from '../src/common/errors/domain-error.js';
import { BuildingsService } from '../src/modules/buildings/buildings.service.js';
import { HandoversService } from '../src/modules/handovers/handovers.service.js';
import { InvoiceRunsService } from '../src/modules/invoices/invoice-runs.service.js';
import { InvoicesService } from '../src/modules/invoices/invoices.service.js';
import { LeasesService } from '../src/modules/leases/leases.service.js';
import { OwnerFinanceService } from '../src/modules/owner-finance/owner-finance.service.js';
import { ReportsService } from '../src/modules/reports/reports.service.js';
import { TenantsService } from '../src/modules/tenants/tenants.service.js';
import {
  assessBand,
  createLease,
  createLettableSpace,
  createOrganisation,
  createTenant,
  createUser,
  type Created,
} from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * The access policy seen from outside: /api/me tells each role what it may do and which buildings
 * it sees, and a service called directly (as a job handler or a page would) refuses what the
 * policy refuses, without the HTTP guard in front of it.
 */
describe('access policy', () => {
  let t: TestApp;
  let ownerOrganisation: Created;
  let municipality: Created;
  let inCity: Created;
  let elsewhere: Created;
  let mine: { tenant: Created; lease: Created };
  let theirs: { tenant: Created; lease: Created };
  const users = {} as Record<Principal['role'], Created & { email: string; password: string }>;
  const principals = {} as Record<Principal['role'], Principal>;

  async function leased(buildingOverrides: Record<string, unknown>) {
    const { building, space } = await createLettableSpace(t, { building: buildingOverrides });
    const tenant = await createTenant(t);
    await assessBand(t, tenant.id, building.id, 2_000_000);
    return { building, tenant, lease: await createLease(t, { tenantId: tenant.id, spaceId: space.id }) };
  }

  beforeAll(async () => {
    t = await startTestApp();
    ownerOrganisation = await createOrganisation(t, { kind: 'owner' });
    municipality = await createOrganisation(t, { kind: 'municipality', city: 'Amsterdam' });
    const inAmsterdam = await leased({ ownerId: ownerOrganisation.id, city: 'Amsterdam' });
    const inUtrecht = await leased({ city: 'Utrecht' });
    inCity = inAmsterdam.building;
    elsewhere = inUtrecht.building;
    mine = inAmsterdam;
    theirs = inUtrecht;
    users.admin = await createUser(t, { role: 'admin' });
    users.owner = await createUser(t, { role: 'owner', organisationId: ownerOrganisation.id });
    users.municipality = await createUser(t, { role: 'municipality', organisationId: municipality.id });
    users.tenant = await createUser(t, { role: 'tenant', tenantId: mine.tenant.id });
    for (const [role, user] of Object.entries(users) as [Principal['role'], Created][]) {
      principals[role] = {
        userId: user.id,
        role,
        organisationId: (user.organisationId as string | null) ?? null,
        tenantId: (user.tenantId as string | null) ?? null,
      };
    }
  });
  afterAll(() => t.close());

  async function me(role: Principal['role']) {
    const response = await t
      .http()
      .get('/api/me')
      .set(await t.login(users[role].email, users[role].password));
    expect(response.status).toBe(200);
    return response.body as { role: string; capabilities: string[]; buildingIds: string[] };
  }

  describe('GET /api/me', () => {
    it('gives an admin every capability and every building', async () => {
      const body = await me('admin');
      expect(body.role).toBe('admin');
      expect(body.capabilities).toEqual([
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
        'time.manage',
        'search-profiles.read',
        'search-profiles.write',
        'tenders.read',
        'tenders.run',
        'tenders.propose',
        'tenders.review',
        'umbrella.workspace',
      ]);
      expect(body.buildingIds.sort()).toEqual([inCity.id, elsewhere.id].sort());
    });

    it('gives an owner its own buildings, their finance, handovers and reports, and no tenant records', async () => {
      const body = await me('owner');
      expect(body.capabilities).toEqual([
        'organisations.read',
        'buildings.read',
        'properties.read',
        'properties.write',
        'applications.apply',
        'applications.read',
        'owner-finance.read',
        'handovers.read',
        'reports.read',
        'reports.request',
        'reports.owner-occupancy',
        'reports.double-balance',
        'messages.read',
        'tenders.read',
        'tenders.run',
        'tenders.review',
        'portal.owner',
      ]);
      expect(body.buildingIds).toEqual([inCity.id]);
    });

    it('gives the municipality the buildings of its city and the monitor only', async () => {
      const body = await me('municipality');
      expect(body.capabilities).toEqual([
        'organisations.read',
        'buildings.read',
        'properties.read',
        'properties.write',
        'vacancy-files.decide',
        'applications.apply',
        'applications.read',
        'reports.read',
        'reports.request',
        'reports.municipality-monitor',
        'reports.double-balance',
        'reports.vacancy-pipeline',
        'messages.read',
        'tenders.read',
        'tenders.run',
        'tenders.review',
        'portal.city',
      ]);
      expect(body.buildingIds).toEqual([inCity.id]);
    });

    it('gives a tenant its own records and the public register', async () => {
      const body = await me('tenant');
      expect(body.capabilities).toEqual([
        'organisations.read',
        'buildings.read',
        'tenants.read',
        'band-assessments.read',
        'applications.apply',
        'applications.read',
        'leases.read',
        'invoices.read',
        'reminders.read',
        'payment-arrangements.read',
        'mandates.read',
        'messages.read',
        'time.record',
        'portal.maker',
      ]);
      expect(body.buildingIds.sort()).toEqual([inCity.id, elsewhere.id].sort());
    });
  });

  describe('services called directly', () => {
    it('let an admin read any tenant’s records and list the tenants', async () => {
      const leases = t.app.get(LeasesService);
      expect((await leases.getVisible(theirs.lease.id, principals.admin)).lease.tenantId).toBe(theirs.tenant.id);
      const tenants = await t.app.get(TenantsService).list({ buildingId: elsewhere.id }, { limit: 10, offset: 0 }, principals.admin);
      expect(tenants.items.map((tenant) => tenant.id)).toEqual([theirs.tenant.id]);
    });

    it('refuse an owner tenant records, other owners’ buildings and handovers', async () => {
      const owner = principals.owner;
      await expect(t.app.get(LeasesService).list({ limit: 10, offset: 0 }, owner)).rejects.toThrow(ForbiddenError);
      await expect(t.app.get(LeasesService).getVisible(mine.lease.id, owner)).rejects.toThrow(ForbiddenError);
      await expect(t.app.get(TenantsService).getVisible(mine.tenant.id, owner)).rejects.toThrow(ForbiddenError);
      await expect(t.app.get(OwnerFinanceService).balance(elsewhere.id, owner, 2012)).rejects.toThrow(NotFoundError);
      expect((await t.app.get(OwnerFinanceService).balance(inCity.id, owner, 2012)).year).toBe(2012);
      await expect(
        t.app
          .get(HandoversService)
          .start(inCity.id, { newOwnerId: ownerOrganisation.id, transferDate: '2012-06-01', retainedFloorIds: [], dryRun: true }, owner),
      ).rejects.toThrow(ForbiddenError);
    });

    it('refuse the municipality an owner’s books and any tenant record, even in its city', async () => {
      const city = principals.municipality;
      await expect(t.app.get(OwnerFinanceService).balance(inCity.id, city, 2012)).rejects.toThrow(ForbiddenError);
      await expect(
        t.app.get(ReportsService).request({ kind: 'owner-occupancy', buildingId: inCity.id, period: '2012', format: 'json' }, city),
      ).rejects.toThrow(ForbiddenError);
      await expect(t.app.get(InvoicesService).list({ buildingId: inCity.id }, { limit: 10, offset: 0 }, city)).rejects.toThrow(
        ForbiddenError,
      );
      await expect(t.app.get(TenantsService).list({ buildingId: inCity.id }, { limit: 10, offset: 0 }, city)).rejects.toThrow(
        ForbiddenError,
      );
      expect((await t.app.get(BuildingsService).getVisible(inCity.id, city)).id).toBe(inCity.id);
      await expect(t.app.get(BuildingsService).getVisible(elsewhere.id, city)).rejects.toThrow(NotFoundError);
    });

    it('refuse a tenant staff work and hide another tenant’s lease as unknown', async () => {
      const tenant = principals.tenant;
      const leases = t.app.get(LeasesService);
      expect((await leases.getVisible(mine.lease.id, tenant)).lease.id).toBe(mine.lease.id);
      await expect(leases.getVisible(theirs.lease.id, tenant)).rejects.toThrow(NotFoundError);
      expect((await leases.list({ limit: 10, offset: 0, tenantId: theirs.tenant.id }, tenant)).total).toBe(0);
      await expect(
        leases.create(
          { tenantId: mine.tenant.id, spaceId: theirs.lease.spaceId as string, startDate: '2013-01-01', endDate: '2013-06-30' },
          tenant,
        ),
      ).rejects.toThrow(ForbiddenError);
      expect((await leases.list({ limit: 10, offset: 0, tenantId: mine.tenant.id }, principals.admin)).total).toBe(1);
      await expect(t.app.get(InvoiceRunsService).start(inCity.id, '2012-04', tenant)).rejects.toThrow(ForbiddenError);
      await expect(
        t.app.get(BuildingsService).create(
          {
            name: 'Eigen pand',
            address: 'Straat 1',
            city: 'Amsterdam',
            ownerId: ownerOrganisation.id,
            umbrellaId: inCity.umbrellaId as string,
            kind: 'permanent',
            useStart: '2012-01-01',
            invoicePrefix: 'OWN',
          },
          tenant,
        ),
      ).rejects.toThrow(ForbiddenError);
    });
  });
});
