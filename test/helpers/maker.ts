import { expect } from '@jest/globals';
import type { FixedClock } from '../../src/common/clock/clock.js';
import { eventually } from './eventually.js';
import { assessBand, createBuilding, createFloor, createIssuer, createLease, createSpace, createTenant, createUser } from './factories.js';
import type { TestApp } from './test-app.js';

/** A building whose umbrella may issue invoices, with one floor; the test adds spaces and leases to it. */
export async function invoicingBuilding(t: TestApp, prefix: string) {
  const issuer = await createIssuer(t);
  const building = await createBuilding(t, { umbrellaId: issuer.id, invoicePrefix: prefix, useStart: '2007-06-01', useEnd: '2013-07-01' });
  const floor = await createFloor(t, building.id, { level: 1 });
  return { issuer, building, floor };
}

/** A maker (tenant record and its user) renting a space of the floor through 2012, band A. */
export async function makerWithLease(t: TestApp, buildingId: string, floorId: string, areaM2 = 25) {
  const space = await createSpace(t, floorId, { areaM2 });
  const tenant = await createTenant(t, { address: 'Wibautstraat 150-3.14, 1091 GR Amsterdam', postcode: '1091 GR' });
  await assessBand(t, tenant.id, buildingId, 2_000_000);
  const lease = await createLease(t, {
    tenantId: tenant.id,
    spaceId: space.id,
    startDate: '2012-01-01',
    endDate: '2012-12-31',
    noticeMonths: 2,
  });
  const user = await createUser(t, { role: 'tenant', tenantId: tenant.id, name: tenant.name });
  return { space, tenant, lease, user };
}

/** Runs a building's invoicing for a month, on the clock's day, until every invoice has its PDF. */
export async function invoiceMonth(t: TestApp, clock: FixedClock, buildingId: string, period: string, day: string) {
  clock.setDay(day);
  const started = await t.http().post(`/api/buildings/${buildingId}/invoice-runs`).set(t.admin).send({ period });
  expect([200, 202]).toContain(started.status);
  await eventually(async () => {
    const run = (await t.http().get(`/api/invoice-runs/${started.body.id}`).set(t.admin)).body;
    expect(run.status).toBe('completed');
    const invoices = (await t.http().get(`/api/invoices?buildingId=${buildingId}&period=${period}`).set(t.admin)).body.items;
    for (const invoice of invoices) {
      expect((await t.http().get(`/api/invoices/${invoice.id}/pdf`).set(t.admin)).status).toBe(200);
    }
  }, 30_000);
}

/** The tenant's invoice of a month, as the API lists it. */
export async function invoiceOf(t: TestApp, tenantId: string, period: string): Promise<{ id: string; number: string; totalCents: number }> {
  const { items } = (await t.http().get(`/api/invoices?tenantId=${tenantId}&period=${period}`).set(t.admin)).body;
  expect(items).toHaveLength(1);
  return items[0];
}
