import { DataSource } from 'typeorm';
import { FixedClock } from '../src/common/clock/clock.js';
import { ExecuteHandoverService } from '../src/modules/handovers/execute-handover.service.js';
import { auditTrail } from './helpers/audit.js';
import { eventually } from './helpers/eventually.js';
import {
  assessBand,
  createBuilding,
  createFloor,
  createLease,
  createOrganisation,
  createSpace,
  createTenant,
  createUser,
} from './helpers/factories.js';
import { binary } from './helpers/binary.js';
import { pdfText } from './helpers/pdf-text.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

describe('owner finance and handovers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { clock: FixedClock.on('2011-10-01') });
  });
  afterAll(() => t.close());

  async function ownerUser(organisationId: string) {
    const user = await createUser(t, { role: 'owner', organisationId });
    return t.login(user.email, user.password);
  }

  /** A 2007–2013 building with floors 1–3, leases on floors 1 and 3, and one vacant 30 m² space on floor 3. */
  async function building() {
    const owner = await createOrganisation(t, { kind: 'owner', name: 'Stadgenoot' });
    const b = await createBuilding(t, { ownerId: owner.id });
    const floors = [
      await createFloor(t, b.id, { level: 1 }),
      await createFloor(t, b.id, { level: 2 }),
      await createFloor(t, b.id, { level: 3 }),
    ];
    const lease = async (floorId: string, noticeMonths: number, name: string) => {
      const tenant = await createTenant(t, { name });
      await assessBand(t, tenant.id, b.id, 2_000_000, 2010);
      const space = await createSpace(t, floorId, { areaM2: 30 });
      return {
        tenant,
        lease: await createLease(t, {
          tenantId: tenant.id,
          spaceId: space.id,
          startDate: '2011-01-01',
          endDate: '2013-06-30',
          noticeMonths,
          depositCents: 45_000,
        }),
      };
    };
    const leaving = [await lease(floors[0]!.id, 1, 'Łukasz Leaving'), await lease(floors[0]!.id, 3, 'Zoë Leaving')];
    const staying = [await lease(floors[2]!.id, 1, 'Ada Staying')];
    const vacant = await createSpace(t, floors[2]!.id, { areaM2: 32, code: 'V3' });
    return { owner, building: b, floors, leaving, staying, vacant };
  }

  describe('owner finance', () => {
    it('compares rent income with interest, prorated to the days of the head lease in the year', async () => {
      const { owner, building: b } = await building();
      const city = await createOrganisation(t, { kind: 'municipality', city: 'Amsterdam', name: 'Bureau Broedplaatsen' });
      const put = await t
        .http()
        .put(`/api/buildings/${b.id}/finance`)
        .set(t.admin)
        .send({
          headLeaseRentYearCents: 45_000_000,
          loanPrincipalCents: 1_000_000_000,
          interestRateBps: 450,
          investments: [
            { partyId: owner.id, description: 'Installaties', amountCents: 20_000_000, date: '2007-05-01' },
            { partyId: city.id, description: 'Installaties', amountCents: 30_000_000, date: '2007-05-15' },
            { partyId: city.id, description: 'Brandveiligheid', amountCents: 6_500_000, date: '2008-02-01' },
          ],
        });
      expect(put.status).toBe(200);
      expect(put.body.investments).toHaveLength(3);

      const full = await t
        .http()
        .get(`/api/buildings/${b.id}/owner-balance?year=2012`)
        .set(await ownerUser(owner.id));
      expect(full.status).toBe(200);
      expect(full.body).toMatchObject({ year: 2012, rentIncomeCents: 45_000_000, interestCostCents: 45_000_000, balanceCents: 0 });
      expect(full.body.occupancyRate).toBeCloseTo(90 / 122, 4);
      const first = (await t.http().get(`/api/buildings/${b.id}/owner-balance?year=2007`).set(t.admin)).body;
      // 1 June – 31 December 2007: 214 of 365 days
      expect(first).toMatchObject({ rentIncomeCents: 26_383_562, interestCostCents: 26_383_562, balanceCents: 0 });
      expect(first.investments.map((i: { description: string; partyName: string }) => `${i.partyName}: ${i.description}`)).toEqual([
        'Stadgenoot: Installaties',
        'Bureau Broedplaatsen: Installaties',
      ]);
    });

    it('shows the finance to admins and the owner only; refuses a party that does not exist', async () => {
      const { building: b } = await building();
      const other = await createOrganisation(t, { kind: 'owner' });
      const city = await createOrganisation(t, { kind: 'municipality', city: 'Amsterdam' });
      const cityUser = await createUser(t, { role: 'municipality', organisationId: city.id });
      expect(
        (
          await t
            .http()
            .get(`/api/buildings/${b.id}/owner-balance?year=2012`)
            .set(await ownerUser(other.id))
        ).status,
      ).toBe(404);
      expect(
        (
          await t
            .http()
            .get(`/api/buildings/${b.id}/owner-balance?year=2012`)
            .set(await t.login(cityUser.email, cityUser.password))
        ).status,
      ).toBe(403);
      const unknown = await t
        .http()
        .put(`/api/buildings/${b.id}/finance`)
        .set(t.admin)
        .send({
          headLeaseRentYearCents: 1,
          loanPrincipalCents: 1,
          interestRateBps: 1,
          investments: [{ partyId: '00000000-0000-4000-8000-000000000000', description: 'x', amountCents: 1, date: '2008-01-01' }],
        });
      expect(unknown.status).toBe(422);
      const bad = await t
        .http()
        .put(`/api/buildings/${b.id}/finance`)
        .set(t.admin)
        .send({ headLeaseRentYearCents: -1, loanPrincipalCents: 1.5, interestRateBps: 10_001, investments: [[]] });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'headLeaseRentYearCents',
        'interestRateBps',
        'investments',
        'loanPrincipalCents',
      ]);
      expect((await t.http().get(`/api/buildings/${b.id}/owner-balance?year=twenty`).set(t.admin)).status).toBe(400);
    });
  });

  describe('handovers', () => {
    it('previews a dry run without changing anything', async () => {
      const { building: b, floors, leaving, staying } = await building();
      const buyer = await createOrganisation(t, { kind: 'owner', name: 'Magnificent 8' });
      const preview = await t
        .http()
        .post(`/api/buildings/${b.id}/handovers`)
        .set(t.admin)
        .send({ newOwnerId: buyer.id, transferDate: '2011-12-01', retainedFloorIds: [floors[2]!.id], dryRun: true });
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({
        id: null,
        status: 'preview',
        transferDate: '2011-12-01',
        fromOwnerId: b.ownerId,
        toOwnerId: buyer.id,
        dossierReady: false,
      });
      expect(preview.body.leasesTransferred).toEqual([
        { leaseId: staying[0]!.lease.id, tenantId: staying[0]!.tenant.id, floorLevel: 3, endDate: '2013-06-30', runsPastUseEnd: false },
      ]);
      expect(
        Object.fromEntries(preview.body.leasesEnded.map((ended: { leaseId: string; endDate: string }) => [ended.leaseId, ended.endDate])),
      ).toEqual({
        [leaving[0]!.lease.id]: '2011-12-01', // notice 2011-10-01 + 1 month is before the transfer
        [leaving[1]!.lease.id]: '2012-01-01', // + 3 months
      });
      expect(preview.body.leasesEnded[0].relocationOptions).toEqual([expect.objectContaining({ code: 'V3', areaM2: 32 })]);

      expect((await t.http().get(`/api/buildings/${b.id}`).set(t.admin)).body.ownerId).toBe(b.ownerId);
      expect((await t.http().get(`/api/leases/${leaving[0]!.lease.id}`).set(t.admin)).body.endDate).toBe('2013-06-30');
      expect(Number((await t.app.get(DataSource).query(`SELECT count(*) AS n FROM handover WHERE building_id = $1`, [b.id]))[0].n)).toBe(0);
    });

    it('hands the building over at once when dated today: notices, the new owner, the dossier for both owners and a letter per tenant', async () => {
      const { owner, building: b, floors, leaving, staying } = await building();
      const buyer = await createOrganisation(t, { kind: 'owner', name: 'Magnificent 8' });
      const ownerMailboxes = [
        (await createUser(t, { role: 'owner', organisationId: owner.id })).email,
        (await createUser(t, { role: 'owner', organisationId: buyer.id })).email,
      ];
      const started = await t
        .http()
        .post(`/api/buildings/${b.id}/handovers`)
        .set(t.admin)
        .send({ newOwnerId: buyer.id, transferDate: '2011-10-01', retainedFloorIds: [floors[2]!.id], newUseEnd: '2014-12-31' });
      expect(started.status).toBe(202);
      expect(['queued', 'running', 'completed']).toContain(started.body.status);
      let handover = started.body;
      await eventually(async () => {
        handover = (await t.http().get(`/api/handovers/${started.body.id}`).set(t.admin)).body;
        expect(handover).toMatchObject({ status: 'completed', dossierReady: true });
      });
      expect(handover.leasesEnded.map((ended: { leaseId: string }) => ended.leaseId).sort()).toEqual(
        [leaving[0]!.lease.id, leaving[1]!.lease.id].sort(),
      );
      expect(handover.leasesTransferred.map((fate: { leaseId: string }) => fate.leaseId)).toEqual([staying[0]!.lease.id]);
      expect(await auditTrail(t, 'handover', started.body.id, 1)).toEqual([
        expect.objectContaining({
          action: 'handover.completed',
          changes: expect.objectContaining({ buildingId: b.id, toOwnerId: buyer.id, transferDate: '2011-10-01' }),
        }),
      ]);

      expect((await t.http().get(`/api/buildings/${b.id}`).set(t.admin)).body).toMatchObject({ ownerId: buyer.id, useEnd: '2014-12-31' });
      expect((await t.http().get(`/api/leases/${leaving[1]!.lease.id}`).set(t.admin)).body).toMatchObject({
        endDate: '2012-01-01',
        noticeGivenOn: '2011-10-01',
      });
      expect((await t.http().get(`/api/leases/${staying[0]!.lease.id}`).set(t.admin)).body.endDate).toBe('2013-06-30');
      // Each tenant with a notice is mailed its letter; the one who stays gets nothing.
      const mailTo = async (tenant: Record<string, unknown>) =>
        (
          await t
            .http()
            .get(`/api/messages?recipient=${encodeURIComponent(String(tenant.email))}`)
            .set(t.admin)
        ).body.items;
      await eventually(async () => {
        for (const { tenant } of leaving) {
          expect(await mailTo(tenant)).toEqual([
            expect.objectContaining({ status: 'sent', template: 'notice-to-vacate', attachmentIds: [expect.any(String)] }),
          ]);
        }
      });
      expect(await mailTo(staying[0]!.tenant)).toEqual([]);
      // The users of the seller and of the buyer are mailed the owners' dossier.
      await eventually(async () => {
        for (const email of ownerMailboxes) {
          expect(await mailTo({ email })).toEqual([
            expect.objectContaining({
              status: 'sent',
              template: 'handover-dossier',
              attachmentIds: [expect.any(String)],
            }),
          ]);
        }
      });

      const seller = await ownerUser(owner.id);
      const newOwner = await ownerUser(buyer.id);
      const stranger = await ownerUser((await createOrganisation(t, { kind: 'owner' })).id);
      // The seller keeps reading the building it owned.
      expect((await t.http().get(`/api/buildings/${b.id}`).set(seller)).status).toBe(200);
      expect((await t.http().get(`/api/buildings/${b.id}`).set(newOwner)).status).toBe(200);
      const dossierText = async (headers: Record<string, string>) => {
        const dossier = await t.http().get(`/api/handovers/${started.body.id}/dossier`).set(headers).buffer(true).parse(binary);
        expect(dossier.status).toBe(200);
        expect(dossier.headers['content-type']).toBe('application/pdf');
        const text = (await pdfText(dossier.body as Buffer)).replace(/\s+/g, ' ');
        expect(text).toContain('Overdrachtsdossier');
        expect(text).toContain('Magnificent 8');
        expect(text).toContain('eindigt 01-01-2012');
        return text;
      };
      // The umbrella's copy names its sub-tenants, with their deposits and arrears.
      const umbrellaCopy = await dossierText(t.admin);
      for (const expected of ['Łukasz Leaving', 'Zoë Leaving', 'Ada Staying', 'Waarborg', 'Achterstand', '€ 450,00'])
        expect(umbrellaCopy).toContain(expected);
      // The owners deal with the umbrella: spaces, areas, bands, rents and end dates, no person.
      const bandCode = staying[0]!.lease.bandCode as string;
      const monthlyRentCents = staying[0]!.lease.monthlyRentCents as number;
      const rent = `€ ${(monthlyRentCents / 100).toFixed(2).replace('.', ',')}`;
      for (const headers of [seller, newOwner]) {
        const ownersCopy = await dossierText(headers);
        for (const expected of ['30,00 m²', ` ${bandCode} `, rent, '30-06-2013', 'loopt door']) expect(ownersCopy).toContain(expected);
        for (const personal of ['Łukasz', 'Zoë', 'Ada Staying', 'Waarborg', 'waarborgsommen', 'Achterstand', 'achterstanden'])
          expect(ownersCopy).not.toContain(personal);
      }
      expect((await t.http().get(`/api/handovers/${started.body.id}`).set(stranger)).status).toBe(404);
      expect((await t.http().get(`/api/handovers/${started.body.id}/dossier`).set(stranger)).status).toBe(404);

      // The closest vacant space is held for one of the leaving tenants; that tenant's letter offers it.
      const offered = handover.leasesEnded.find((ended: { relocationOptions: unknown[] }) => ended.relocationOptions.length > 0);
      const other = handover.leasesEnded.find((ended: { leaseId: string }) => ended.leaseId !== offered.leaseId);
      const tenantUser = await createUser(t, { role: 'tenant', tenantId: offered.tenantId });
      const tenantHeaders = await t.login(tenantUser.email, tenantUser.password);
      const notice = await t.http().get(`/api/leases/${offered.leaseId}/notice`).set(tenantHeaders).buffer(true).parse(binary);
      expect(notice.status).toBe(200);
      const letter = (await pdfText(notice.body as Buffer)).replace(/\s+/g, ' ');
      expect(letter).toContain('Ontruimingsaanzegging');
      expect(letter).toContain(`uiterlijk op ${offered.endDate.split('-').reverse().join('-')}`);
      expect(letter).toContain('ruimte V3');
      expect((await t.http().get(`/api/leases/${other.leaseId}/notice`).set(tenantHeaders)).status).toBe(404);
      expect((await t.http().get(`/api/leases/${other.leaseId}/notice`).set(t.admin)).status).toBe(200);
      expect((await t.http().get(`/api/leases/${staying[0]!.lease.id}/notice`).set(t.admin)).status).toBe(404);

      const earlier = await t
        .http()
        .post(`/api/buildings/${b.id}/handovers`)
        .set(t.admin)
        .send({ newOwnerId: owner.id, transferDate: '2011-09-30', retainedFloorIds: [] });
      expect([earlier.status, earlier.body.code]).toEqual([422, 'transfer_before_previous_handover']);
    });

    it('checks the request before queuing: foreign floor, unknown owner, handover in progress; only admins', async () => {
      const { owner, building: b, floors } = await building();
      const buyer = await createOrganisation(t, { kind: 'owner' });
      const other = await building();
      const base = { newOwnerId: buyer.id, transferDate: '2011-12-01', retainedFloorIds: [floors[0]!.id] };
      const refuse = async (body: object, code: string) => {
        const response = await t.http().post(`/api/buildings/${b.id}/handovers`).set(t.admin).send(body);
        expect([response.status, response.body.code]).toEqual([422, code]);
      };
      await refuse({ ...base, retainedFloorIds: [other.floors[0]!.id] }, 'floor_not_in_building');
      await refuse({ ...base, newOwnerId: '00000000-0000-4000-8000-000000000000' }, 'unknown_owner');
      await refuse({ ...base, newOwnerId: owner.id }, 'same_owner');
      await refuse({ ...base, transferDate: '2014-01-01' }, 'transfer_outside_use');
      expect(
        (
          await t
            .http()
            .post(`/api/buildings/${b.id}/handovers`)
            .set(await ownerUser(owner.id))
            .send(base)
        ).status,
      ).toBe(403);
      expect(
        (
          await t
            .http()
            .post(`/api/buildings/${b.id}/handovers`)
            .set(t.admin)
            .send({ ...base, transferDate: 'soon' })
        ).status,
      ).toBe(400);

      await t.app
        .get(DataSource)
        .query(
          `INSERT INTO handover (building_id, from_owner_id, to_owner_id, transfer_date, retained_floor_ids, plan) VALUES ($1, $2, $3, '2011-12-01', '{}', '{"leasesTransferred":[],"leasesEnded":[]}')`,
          [b.id, owner.id, buyer.id],
        );
      const busy = await t.http().post(`/api/buildings/${b.id}/handovers`).set(t.admin).send(base);
      expect([busy.status, busy.body.code]).toEqual([409, 'handover_in_progress']);
    });

    it('leaves the building as it was when the handover fails (one transaction)', async () => {
      const { owner, building: b, floors, leaving } = await building();
      const buyer = await createOrganisation(t, { kind: 'owner' });
      const dataSource = t.app.get(DataSource);
      const [{ id }] = await dataSource.query(
        `INSERT INTO handover (building_id, from_owner_id, to_owner_id, transfer_date, retained_floor_ids, plan)
         VALUES ($1, $2, $3, '2011-12-01', $4, '{"leasesTransferred":[],"leasesEnded":[]}') RETURNING id`,
        [b.id, owner.id, buyer.id, [floors[2]!.id]],
      );
      const executor = t.app.get(ExecuteHandoverService);
      await expect(
        executor.execute(id, {
          afterLeasesEnded: () => {
            throw new Error('injected failure');
          },
        }),
      ).rejects.toThrow('injected failure');
      await executor.markFailed(id, new Error('injected failure'));

      expect((await t.http().get(`/api/buildings/${b.id}`).set(t.admin)).body.ownerId).toBe(owner.id);
      expect((await t.http().get(`/api/leases/${leaving[0]!.lease.id}`).set(t.admin)).body).toMatchObject({
        endDate: '2013-06-30',
        noticeGivenOn: null,
      });
      expect(Number((await dataSource.query(`SELECT count(*) AS n FROM lease_notice WHERE handover_id = $1`, [id]))[0].n)).toBe(0);
      expect((await t.http().get(`/api/handovers/${id}`).set(t.admin)).body).toMatchObject({
        status: 'failed',
        // The error's own text stays in the log; the row shows ours.
        error: 'The handover stopped on an error; tell the administrator',
        dossierReady: false,
      });
      expect(Number((await dataSource.query(`SELECT count(*) AS n FROM domain_event WHERE entity_id = $1`, [id]))[0].n)).toBe(0);
    });
  });
});
