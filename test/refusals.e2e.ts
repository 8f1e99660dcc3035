import { FixedClock } from '../src/common/clock/clock.js';
import { eventually } from './helpers/eventually.js';
import {
  assessBand,
  createBuilding,
  createFloor,
  createIssuer,
  createLease,
  createOrganisation,
  createSpace,
  createTenant,
} from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/** Requests that would hurt the user if they were accepted: each is refused with a reason. */
describe('refusals that protect the user', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { clock: FixedClock.on('2011-10-01') });
  });
  afterAll(() => t.close());

  describe('VAT numbers', () => {
    it('refuses a Dutch VAT number that fails the Belastingdienst check, for organisations and tenants', async () => {
      const organisation = await t
        .http()
        .post('/api/organisations')
        .set(t.admin)
        .send({ name: 'Fout BV', kind: 'owner', vatNumber: 'NL123456783B01' });
      expect(organisation.status).toBe(400);
      expect(organisation.body.details).toEqual([{ field: 'vatNumber', message: expect.stringContaining("Belastingdienst's check") }]);
      const tenant = await t
        .http()
        .post('/api/tenants')
        .set(t.admin)
        .send({ name: 'Fout', email: 'fout@test.example', vatNumber: 'NL000099998B58' });
      expect(tenant.status).toBe(400);
      expect(tenant.body.details.map((detail: { field: string }) => detail.field)).toEqual(['vatNumber']);
    });

    it('accepts old numbers that pass the mod-11 test and new ones that pass the mod-97 test', async () => {
      expect((await createOrganisation(t, { vatNumber: 'NL123456782B01' })).vatNumber).toBe('NL123456782B01');
      expect((await createTenant(t, { vatNumber: 'NL000099998B57' })).vatNumber).toBe('NL000099998B57');
      expect((await createTenant(t, { vatNumber: 'DE123456789' })).vatNumber).toBe('DE123456789');
    });

    it('refuses such a number in a correction too, and keeps the number that was there', async () => {
      const organisation = await createOrganisation(t, { vatNumber: 'NL123456782B01' });
      const tenant = await createTenant(t, { vatNumber: 'NL000099998B57' });
      for (const [path, bad] of [
        [`/api/organisations/${organisation.id}`, 'NL123456783B01'],
        [`/api/tenants/${tenant.id}`, 'NL000099998B58'],
      ] as const) {
        const refused = await t.http().patch(path).set(t.admin).send({ vatNumber: bad });
        expect([refused.status, refused.body.details]).toEqual([
          400,
          [{ field: 'vatNumber', message: expect.stringContaining("Belastingdienst's check") }],
        ]);
      }
      const organisations = (await t.http().get('/api/organisations?limit=1000').set(t.admin)).body.items as {
        id: string;
        vatNumber: string;
      }[];
      expect(organisations.find((item) => item.id === organisation.id)!.vatNumber).toBe('NL123456782B01');
      expect((await t.http().get(`/api/tenants/${tenant.id}`).set(t.admin)).body.vatNumber).toBe('NL000099998B57');
    });
  });

  describe('invoice runs', () => {
    it('refuse a month before the building’s use or more than one month ahead, and say why', async () => {
      const building = await createBuilding(t, { umbrellaId: (await createIssuer(t)).id, useStart: '2007-06-01' });
      const run = (period: string) => t.http().post(`/api/buildings/${building.id}/invoice-runs`).set(t.admin).send({ period });

      const before = await run('2007-05');
      expect(before.status).toBe(422);
      expect(before.body).toMatchObject({
        code: 'invoice_period_before_use',
        message: expect.stringContaining("before the building's use"),
      });
      const ahead = await run('2012-04');
      expect(ahead.status).toBe(422);
      expect(ahead.body).toMatchObject({
        code: 'invoice_period_too_far_ahead',
        message: expect.stringContaining('more than one month ahead'),
      });
      expect((await run('2011-11')).status).toBe(202);
      expect((await run('2007-06')).status).toBe(202);
    });

    it('refuse a month after the building’s use ended, and say why', async () => {
      const ended = await createBuilding(t, { umbrellaId: (await createIssuer(t)).id, useStart: '2007-06-01', useEnd: '2010-12-31' });
      const after = await t.http().post(`/api/buildings/${ended.id}/invoice-runs`).set(t.admin).send({ period: '2011-01' });
      expect(after.status).toBe(422);
      expect(after.body).toMatchObject({
        code: 'invoice_period_after_use',
        message: expect.stringContaining("after the building's use"),
        details: [{ field: 'period', message: expect.any(String) }],
      });
      expect((await t.http().get(`/api/buildings/${ended.id}/invoice-runs`).set(t.admin)).body).toEqual({ items: [], total: 0 });
    });
  });

  describe('floors that left the broedplaats', () => {
    it('cannot be offered in a round or let once a handover did not retain them', async () => {
      const building = await createBuilding(t);
      const leaving = await createFloor(t, building.id, { level: 1 });
      const staying = await createFloor(t, building.id, { level: 2 });
      const leavingSpace = await createSpace(t, leaving.id);
      const stayingSpace = await createSpace(t, staying.id);
      const buyer = await createOrganisation(t, { kind: 'owner', name: 'Magnificent 8' });
      const round = (floorIds: string[]) =>
        t
          .http()
          .post(`/api/buildings/${building.id}/application-rounds`)
          .set(t.admin)
          .send({ name: 'Ronde 2012', opensOn: '2012-01-01', closesOn: '2012-02-15', floorIds });
      const tenant = await createTenant(t);
      await assessBand(t, tenant.id, building.id, 2_000_000, 2011);

      // Before the handover the floor is still the broedplaats's to let.
      expect((await round([leaving.id])).status).toBe(201);

      const handover = await t
        .http()
        .post(`/api/buildings/${building.id}/handovers`)
        .set(t.admin)
        .send({ newOwnerId: buyer.id, transferDate: '2011-10-01', retainedFloorIds: [staying.id] });
      expect(handover.status).toBe(202);
      await eventually(async () => {
        expect((await t.http().get(`/api/handovers/${handover.body.id}`).set(t.admin)).body.status).toBe('completed');
      });

      const refusedRound = await round([staying.id, leaving.id]);
      expect(refusedRound.status).toBe(422);
      expect(refusedRound.body).toMatchObject({
        code: 'floor_left_broedplaats',
        details: [{ field: 'floorIds', message: `floor ${leaving.id} left the broedplaats on 2011-10-01` }],
      });
      expect((await round([staying.id])).status).toBe(201);

      const refusedLease = await t
        .http()
        .post('/api/leases')
        .set(t.admin)
        .send({ tenantId: tenant.id, spaceId: leavingSpace.id, startDate: '2012-01-01', endDate: '2012-12-31' });
      expect(refusedLease.status).toBe(422);
      expect(refusedLease.body).toMatchObject({ code: 'floor_left_broedplaats', message: expect.stringContaining('2011-10-01') });
      expect((await createLease(t, { tenantId: tenant.id, spaceId: stayingSpace.id })).status).toBe('upcoming');
    });
  });
});
