import { randomBytes } from 'node:crypto';
import { FixedClock } from '../src/common/clock/clock.js';
import { type AuditEntryBody, auditTrail } from './helpers/audit.js';
import { binary } from './helpers/binary.js';
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
  createUser,
} from './helpers/factories.js';
import { pdfText } from './helpers/pdf-text.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const UNKNOWN_ID = '7d0c3f7e-1c1b-4d8e-9b7e-2a6f4f0e9a11';

describe('corrections and the audit trail', () => {
  let t: TestApp;
  let adminId: string;
  let tenantHeaders: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp({}, { clock: FixedClock.on('2012-03-01') });
    adminId = (await t.http().get('/api/me').set(t.admin)).body.id;
    const tenantUser = await createUser(t, { role: 'tenant' });
    tenantHeaders = await t.login(tenantUser.email, tenantUser.password);
  });
  afterAll(() => t.close());

  const unique = () => randomBytes(3).toString('hex').toUpperCase();
  const patch = (path: string, body: unknown, headers = t.admin) =>
    t
      .http()
      .patch(path)
      .set(headers)
      .send(body as object);
  const remove = (path: string, headers = t.admin) => t.http().delete(path).set(headers);
  const lastEntry = async (entity: string, id: string, length: number): Promise<AuditEntryBody> =>
    (await auditTrail(t, entity, id, length))[length - 1]!;

  /** What every PATCH refuses the same way: an empty body, an unknown field, other roles, unknown ids. */
  async function refusesBadCorrections(path: (id: string) => string, id: string, validBody: Record<string, unknown>) {
    const empty = await patch(path(id), {});
    expect([empty.status, empty.body.code]).toEqual([400, 'validation_failed']);
    const unknownField = await patch(path(id), { ...validBody, colour: 'red' });
    expect(unknownField.status).toBe(400);
    expect((await patch(path(id), validBody, tenantHeaders)).status).toBe(403);
    expect((await remove(path(id), tenantHeaders)).status).toBe(403);
    expect((await patch(path(UNKNOWN_ID), validBody)).status).toBe(404);
    expect((await patch(path('not-an-id'), validBody)).status).toBe(404);
    expect((await remove(path(UNKNOWN_ID))).status).toBe(404);
  }

  describe('organisations', () => {
    it('corrects any fields but the kind, audited with before, after and who; bad input changes nothing', async () => {
      const organisation = await createOrganisation(t, { kind: 'umbrella', name: 'Stichting Urbn Resort', address: 'Wibautstraat 150' });
      const path = (id: string) => `/api/organisations/${id}`;
      await refusesBadCorrections(path, organisation.id, { name: 'X' });

      const corrected = await patch(path(organisation.id), { name: 'Stichting Urban Resort', address: null, kvkNumber: '34263538' });
      expect(corrected.status).toBe(200);
      expect(corrected.body).toMatchObject({ id: organisation.id, name: 'Stichting Urban Resort', address: null, kvkNumber: '34263538' });
      const entry = await lastEntry('organisation', organisation.id, 1);
      expect(entry).toMatchObject({ action: 'organisation.updated', userId: adminId, entity: 'organisation', entityId: organisation.id });
      expect(entry.changes).toEqual([
        { field: 'name', before: 'Stichting Urbn Resort', after: 'Stichting Urban Resort' },
        { field: 'address', before: 'Wibautstraat 150', after: null },
        { field: 'kvkNumber', before: null, after: '34263538' },
      ]);

      const badIban = await patch(path(organisation.id), { name: 'Half written', iban: 'NL00BANK0000000000' });
      expect(badIban.status).toBe(400);
      const kind = await patch(path(organisation.id), { name: 'Half written', kind: 'owner' });
      expect([kind.status, kind.body.code]).toEqual([422, 'organisation_kind_fixed']);
      const emptied = await patch(path(organisation.id), { name: null });
      expect(emptied.status).toBe(400);
      const listed = (await t.http().get('/api/organisations?limit=1000').set(t.admin)).body.items;
      expect(listed.find((row: { id: string }) => row.id === organisation.id)).toMatchObject({
        name: 'Stichting Urban Resort',
        kind: 'umbrella',
      });
      await auditTrail(t, 'organisation', organisation.id, 1);
    });

    it('deletes an organisation nothing refers to, and names what refers to one that stays (409)', async () => {
      const building = await createBuilding(t);
      const owner = await remove(`/api/organisations/${building.ownerId}`);
      expect([owner.status, owner.body.code]).toEqual([409, 'organisation_has_buildings']);
      const withUser = await createOrganisation(t, { kind: 'owner' });
      await createUser(t, { role: 'owner', organisationId: withUser.id });
      expect((await remove(`/api/organisations/${withUser.id}`)).body.code).toBe('organisation_has_users');

      const stray = await createOrganisation(t, { kind: 'owner', name: 'Typo BV' });
      const deleted = await remove(`/api/organisations/${stray.id}`);
      expect(deleted.status).toBe(204);
      expect(deleted.text).toBe('');
      expect((await remove(`/api/organisations/${stray.id}`)).status).toBe(404);
      const entry = await lastEntry('organisation', stray.id, 1);
      expect(entry).toMatchObject({ action: 'organisation.deleted', userId: adminId });
      expect(entry.changes).toContainEqual({ field: 'name', before: 'Typo BV', after: null });
    });
  });

  describe('buildings, floors and spaces', () => {
    it('hands a building whose owner was mistyped to the right owner, for its whole past too', async () => {
      const wrong = await createOrganisation(t, { kind: 'owner' });
      const right = await createOrganisation(t, { kind: 'owner' });
      const building = await createBuilding(t, { ownerId: wrong.id });
      const signIn = async (organisationId: string) => {
        const user = await createUser(t, { role: 'owner', organisationId });
        return t.login(user.email, user.password);
      };
      const [wrongOwner, rightOwner] = [await signIn(wrong.id), await signIn(right.id)];
      expect((await patch(`/api/buildings/${building.id}`, { ownerId: right.id })).status).toBe(200);
      expect((await t.http().get(`/api/buildings/${building.id}`).set(rightOwner)).status).toBe(200);
      expect((await t.http().get(`/api/buildings/${building.id}`).set(wrongOwner)).status).toBe(404);
      const balance = await t.http().get(`/api/buildings/${building.id}/owner-balance?year=2008`).set(rightOwner);
      expect([balance.status, balance.body.ownerId]).toEqual([200, right.id]);
    });

    it('corrects a building; a taken invoice prefix is 409 and a temporary building keeps an end of use', async () => {
      const building = await createBuilding(t, { name: 'Volkskrantgebouwt' });
      const other = await createBuilding(t);
      const path = (id: string) => `/api/buildings/${id}`;
      await refusesBadCorrections(path, building.id, { name: 'X' });

      const corrected = await patch(path(building.id), { name: 'Volkskrantgebouw', useEnd: '2013-12-31' });
      expect(corrected.status).toBe(200);
      expect(corrected.body).toMatchObject({ name: 'Volkskrantgebouw', useEnd: '2013-12-31' });
      expect((await lastEntry('building', building.id, 1)).changes).toEqual([
        { field: 'name', before: 'Volkskrantgebouwt', after: 'Volkskrantgebouw' },
        { field: 'useEnd', before: '2013-07-01', after: '2013-12-31' },
      ]);

      const taken = await patch(path(building.id), { name: 'Half written', invoicePrefix: other.invoicePrefix });
      expect([taken.status, taken.body.code]).toEqual([409, 'invoice_prefix_taken']);
      expect((await patch(path(building.id), { name: 'Half written', useEnd: null })).status).toBe(400);
      const period = await patch(path(building.id), { name: 'Half written', useStart: '2014-01-01' });
      expect([period.status, period.body.code]).toEqual([422, 'use_period_invalid']);
      const notAnOwner = await patch(path(building.id), { ownerId: building.umbrellaId });
      expect([notAnOwner.status, notAnOwner.body.code]).toEqual([422, 'unknown_owner']);
      expect((await t.http().get(path(building.id)).set(t.admin)).body).toMatchObject({
        name: 'Volkskrantgebouw',
        useEnd: '2013-12-31',
        invoicePrefix: building.invoicePrefix,
        ownerId: building.ownerId,
      });
      const permanent = await patch(path(building.id), { kind: 'permanent', useEnd: null });
      expect(permanent.body).toMatchObject({ kind: 'permanent', useEnd: null });
    });

    it('corrects floors and spaces, and deletes each only once nothing refers to it', async () => {
      const building = await createBuilding(t);
      const floor = await createFloor(t, building.id, { level: 3, name: 'Derde' });
      await createFloor(t, building.id, { level: 4 });
      await refusesBadCorrections((id) => `/api/floors/${id}`, floor.id, { name: 'X' });
      const level = await patch(`/api/floors/${floor.id}`, { level: 4 });
      expect([level.status, level.body.code]).toEqual([409, 'floor_level_taken']);
      const renamed = await patch(`/api/floors/${floor.id}`, { name: 'Derde verdieping', theme: 'design' });
      expect(renamed.body).toMatchObject({ id: floor.id, level: 3, name: 'Derde verdieping', theme: 'design' });
      expect((await lastEntry('floor', floor.id, 1)).changes).toEqual([
        { field: 'name', before: 'Derde', after: 'Derde verdieping' },
        { field: 'theme', before: null, after: 'design' },
      ]);

      const space = await createSpace(t, floor.id, { code: '3.14', areaM2: 25 });
      await createSpace(t, floor.id, { code: '3.15' });
      await refusesBadCorrections((id) => `/api/spaces/${id}`, space.id, { use: 'office' });
      const code = await patch(`/api/spaces/${space.id}`, { code: '3.15', areaM2: 26 });
      expect([code.status, code.body.code]).toEqual([409, 'space_code_taken']);
      expect((await patch(`/api/spaces/${space.id}`, { areaM2: 0 })).status).toBe(400);
      const corrected = await patch(`/api/spaces/${space.id}`, { areaM2: 24.5, use: 'workshop' });
      expect(corrected.body).toMatchObject({ id: space.id, code: '3.14', areaM2: 24.5, use: 'workshop' });
      expect((await lastEntry('space', space.id, 1)).changes).toEqual([
        { field: 'areaM2', before: 25, after: 24.5 },
        { field: 'use', before: 'studio', after: 'workshop' },
      ]);

      const tenant = await createTenant(t);
      await assessBand(t, tenant.id, building.id, 2_000_000);
      await createLease(t, { tenantId: tenant.id, spaceId: space.id });
      for (const period of [{ useEnd: '2012-06-30' }, { useStart: '2012-02-01' }, { kind: 'temporary', useEnd: '2012-11-30' }]) {
        const cut = await patch(`/api/buildings/${building.id}`, period);
        expect([cut.status, cut.body.code]).toEqual([422, 'use_period_cuts_leases']);
      }
      expect((await patch(`/api/buildings/${building.id}`, { useEnd: '2012-12-31' })).status).toBe(200);
      const let_ = await remove(`/api/spaces/${space.id}`);
      expect([let_.status, let_.body.code]).toEqual([409, 'space_has_leases']);
      const withSpaces = await remove(`/api/floors/${floor.id}`);
      expect([withSpaces.status, withSpaces.body.code]).toEqual([409, 'floor_has_spaces']);
      const withFloors = await remove(`/api/buildings/${building.id}`);
      expect([withFloors.status, withFloors.body.code]).toEqual([409, expect.stringMatching(/^building_has_(floors|leases|rent_bands)$/)]);

      const free = await createSpace(t, floor.id, { code: '3.99' });
      expect((await remove(`/api/spaces/${free.id}`)).status).toBe(204);
      expect((await lastEntry('space', free.id, 1)).action).toBe('space.deleted');
      const emptyFloor = await createFloor(t, building.id, { level: 9 });
      expect((await remove(`/api/floors/${emptyFloor.id}`)).status).toBe(204);
      const levels = (await t.http().get(`/api/buildings/${building.id}/floors`).set(t.admin)).body.items.map(
        (row: { level: number }) => row.level,
      );
      expect(levels).toEqual([3, 4]);
      const emptyBuilding = await createBuilding(t);
      expect((await remove(`/api/buildings/${emptyBuilding.id}`)).status).toBe(204);
      expect((await t.http().get(`/api/buildings/${emptyBuilding.id}`).set(t.admin)).status).toBe(404);
      expect((await lastEntry('building', emptyBuilding.id, 1)).changes).toContainEqual({
        field: 'invoicePrefix',
        before: emptyBuilding.invoicePrefix,
        after: null,
      });
    });
  });

  describe('tenants', () => {
    it('corrects a tenant (a taken e-mail is 409) and deletes one with no lease', async () => {
      const tenant = await createTenant(t, { name: 'Anneke de Vires', postcode: '1091 GR' });
      const other = await createTenant(t);
      const path = (id: string) => `/api/tenants/${id}`;
      await refusesBadCorrections(path, tenant.id, { name: 'X' });
      const taken = await patch(path(tenant.id), { name: 'Half written', email: String(other.email).toUpperCase() });
      expect([taken.status, taken.body.code]).toEqual([409, 'tenant_email_taken']);
      expect((await patch(path(tenant.id), { name: 'Half written', postcode: '0000' })).status).toBe(400);
      const corrected = await patch(path(tenant.id), { name: 'Anneke de Vries', postcode: '1092ab', discipline: null });
      expect(corrected.body).toMatchObject({ name: 'Anneke de Vries', postcode: '1092 AB', discipline: null, email: tenant.email });
      expect((await lastEntry('tenant', tenant.id, 1)).changes).toEqual([
        { field: 'name', before: 'Anneke de Vires', after: 'Anneke de Vries' },
        { field: 'discipline', before: 'design', after: null },
        { field: 'postcode', before: '1091 GR', after: '1092 AB' },
      ]);

      const building = await createBuilding(t);
      await assessBand(t, other.id, building.id, 2_000_000);
      const assessed = await remove(path(other.id));
      expect([assessed.status, assessed.body.code]).toEqual([409, 'tenant_has_band_assessments']);
      expect((await remove(path(tenant.id))).status).toBe(204);
      expect((await t.http().get(path(tenant.id)).set(t.admin)).status).toBe(404);
      expect((await lastEntry('tenant', tenant.id, 2)).action).toBe('tenant.deleted');
    });
  });

  describe('an issued invoice never changes', () => {
    it('bills a corrected area and address from the next run on; the issued invoice keeps its lines and PDF', async () => {
      const issuer = await createIssuer(t);
      const building = await createBuilding(t, { umbrellaId: issuer.id, invoicePrefix: `C${unique()}` });
      const floor = await createFloor(t, building.id, { level: 1 });
      const space = await createSpace(t, floor.id, { code: '1.01', areaM2: 25 });
      const tenant = await createTenant(t, { name: 'Şahin Yılmaz', address: 'Oude straat 1, 1091 GR Amsterdam' });
      await assessBand(t, tenant.id, building.id, 2_000_000);
      const lease = await createLease(t, { tenantId: tenant.id, spaceId: space.id });

      const invoiceOf = async (period: string) => {
        const run = await t.http().post(`/api/buildings/${building.id}/invoice-runs`).set(t.admin).send({ period });
        expect([200, 202]).toContain(run.status);
        await eventually(async () => {
          expect((await t.http().get(`/api/invoice-runs/${run.body.id}`).set(t.admin)).body.status).toBe('completed');
        }, 30_000);
        const list = (await t.http().get(`/api/invoices?buildingId=${building.id}&period=${period}`).set(t.admin)).body;
        expect(list.total).toBe(1);
        return (await t.http().get(`/api/invoices/${list.items[0].id}`).set(t.admin)).body;
      };
      const pdfOf = async (id: string) =>
        pdfText((await t.http().get(`/api/invoices/${id}/pdf`).set(t.admin).buffer(true).parse(binary)).body as Buffer);

      const march = await invoiceOf('2012-03');
      expect(march.totalCents).toBe(12_500); // 25 m² × € 60 / 12
      const marchPdf = await pdfOf(march.id);
      expect(marchPdf).toContain('Oude straat 1');

      // A correction refused as a whole: the lease keeps its area with the space's.
      await createSpace(t, floor.id, { code: '1.02' });
      const half = await patch(`/api/spaces/${space.id}`, { areaM2: 40, code: '1.02' });
      expect([half.status, half.body.code]).toEqual([409, 'space_code_taken']);
      expect((await patch(`/api/spaces/${space.id}`, { areaM2: 40, code: 'bad code!' })).status).toBe(400);
      expect((await t.http().get(`/api/leases/${lease.id}`).set(t.admin)).body.areaM2).toBe(25);

      expect((await patch(`/api/spaces/${space.id}`, { areaM2: 30 })).status).toBe(200);
      expect((await patch(`/api/tenants/${tenant.id}`, { address: 'Nieuwe straat 2, 1092 AB Amsterdam' })).status).toBe(200);
      expect((await t.http().get(`/api/leases/${lease.id}`).set(t.admin)).body).toMatchObject({ areaM2: 30, monthlyRentCents: 15_000 });
      expect(await lastEntry('lease', lease.id, 2)).toMatchObject({
        action: 'lease.updated',
        userId: adminId,
        changes: [{ field: 'areaM2', before: 25, after: 30 }],
      });

      const issued = (await t.http().get(`/api/invoices/${march.id}`).set(t.admin)).body;
      expect(issued.lines).toEqual(march.lines);
      expect(issued).toMatchObject({ totalCents: 12_500, customer: march.customer });
      expect(await pdfOf(march.id)).toBe(marchPdf);

      const april = await invoiceOf('2012-04');
      expect(april.totalCents).toBe(15_000); // 30 m² × € 60 / 12
      expect(april.lines[0].description).toContain('30,00 m²');
      expect(april.customer.address).toBe('Nieuwe straat 2, 1092 AB Amsterdam');
      expect(await pdfOf(april.id)).toContain('Nieuwe straat 2');

      const removed = await remove(`/api/tenants/${tenant.id}`);
      expect([removed.status, removed.body.code]).toEqual([409, expect.stringMatching(/^tenant_has_(leases|invoices|band_assessments)$/)]);
    });
  });

  describe('users', () => {
    it('audits a correction of a user without the password, and deleting one ends its tokens at once', async () => {
      const user = await createUser(t, { role: 'admin', name: 'Anneke Jansne' });
      const token = await t.login(user.email, user.password);
      await refusesBadCorrections((id) => `/api/users/${id}`, user.id, { name: 'X' });
      expect((await patch(`/api/users/${user.id}`, { name: 'Anneke Jansen' })).status).toBe(200);
      expect((await lastEntry('user', user.id, 1)).changes).toEqual([{ field: 'name', before: 'Anneke Jansne', after: 'Anneke Jansen' }]);
      expect((await t.http().get('/api/invoices').set(token)).status).toBe(200);

      const self = await remove(`/api/users/${adminId}`);
      expect([self.status, self.body.code]).toEqual([422, 'user_deletes_itself']);
      const deleted = await remove(`/api/users/${user.id}`);
      expect(deleted.status).toBe(204);
      const refused = await t.http().get('/api/invoices').set(token);
      expect([refused.status, refused.body.code]).toEqual([401, 'token_invalid']);
      expect((await t.http().post('/api/auth/login').send({ email: user.email, password: user.password })).status).toBe(401);
      const entry = await lastEntry('user', user.id, 2);
      expect(entry.action).toBe('user.deleted');
      expect(entry.changes).toContainEqual({ field: 'email', before: user.email, after: null });
      expect(JSON.stringify(entry.changes)).not.toMatch(/scrypt|password/i);
      // The e-mail address is free again.
      expect((await createUser(t, { email: user.email })).email).toBe(user.email);
    });
  });

  describe('your own password', () => {
    it('needs the current password and the password rules, and ends every token of the user', async () => {
      const user = await createUser(t, { role: 'tenant' });
      const first = await t.login(user.email, user.password);
      const second = await t.login(user.email, user.password);
      const change = (body: Record<string, unknown>, headers = first) => t.http().post('/api/me/password').set(headers).send(body);

      const wrong = await change({ currentPassword: 'not-my-password-at-all', newPassword: 'a-brand-new-long-password' });
      expect([wrong.status, wrong.body.code]).toEqual([422, 'current_password_wrong']);
      for (const newPassword of ['short', 'qwerty123456', ' '.repeat(14), user.password]) {
        const weak = await change({ currentPassword: user.password, newPassword });
        expect([newPassword, weak.status]).toEqual([newPassword, 400]);
      }
      expect((await change({ currentPassword: user.password })).status).toBe(400);
      expect((await change({ currentPassword: user.password, newPassword: 'a-brand-new-long-password', extra: 1 })).status).toBe(400);
      expect(
        (
          await t
            .http()
            .post('/api/me/password')
            .send({ currentPassword: user.password, newPassword: 'x'.repeat(20) })
        ).status,
      ).toBe(401);
      expect((await t.http().get('/api/me').set(first)).status).toBe(200);

      const changed = await change({ currentPassword: user.password, newPassword: 'a-brand-new-long-password' });
      expect(changed.status).toBe(204);
      for (const headers of [first, second]) expect((await t.http().get('/api/me').set(headers)).status).toBe(401);
      expect((await t.http().post('/api/auth/login').send({ email: user.email, password: user.password })).status).toBe(401);
      const fresh = await t.login(user.email, 'a-brand-new-long-password');
      expect((await t.http().get('/api/me').set(fresh)).body.id).toBe(user.id);
      const entry = await lastEntry('user', user.id, 1);
      expect(entry).toMatchObject({ action: 'user.password_changed', userId: user.id });
      expect(entry.changes).toEqual([{ field: 'password', before: null, after: null }]);
    });

    it('counts wrong current passwords as failed sign-ins of the address: a stolen token cannot guess on', async () => {
      const user = await createUser(t, { role: 'tenant' });
      const headers = await t.login(user.email, user.password);
      const guess = (currentPassword: string) =>
        t.http().post('/api/me/password').set(headers).send({ currentPassword, newPassword: 'a-brand-new-long-password' });
      for (let attempt = 0; attempt < t.config.auth.loginMaxFailures; attempt++) expect((await guess(`guess-${attempt}`)).status).toBe(422);
      const blocked = await guess(user.password);
      expect([blocked.status, blocked.body.code]).toEqual([429, 'too_many_login_attempts']);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect((await t.http().post('/api/auth/login').send({ email: user.email, password: user.password })).status).toBe(429);
      expect((await t.http().get('/api/me').set(headers)).status).toBe(200);
    });
  });

  describe('applications', () => {
    async function openRound() {
      const building = await createBuilding(t);
      const floorIds: string[] = [];
      for (const level of [1, 2]) {
        const floor = await createFloor(t, building.id, { level });
        await createSpace(t, floor.id, { areaM2: 500 });
        floorIds.push(floor.id);
      }
      const round = await t
        .http()
        .post(`/api/buildings/${building.id}/application-rounds`)
        .set(t.admin)
        .send({ name: 'Ronde 2012', opensOn: '2012-02-01', closesOn: '2012-04-30', floorIds });
      expect(round.status).toBe(201);
      return { building, floorIds, roundId: round.body.id as string };
    }

    it('lets the contact correct and delete a draft, never a submitted application', async () => {
      const { floorIds, roundId, building } = await openRound();
      const contact = await createUser(t, { role: 'tenant' });
      const headers = await t.login(contact.email, contact.password);
      const member = { name: 'Maker', email: `maker-${unique().toLowerCase()}@test.example`, discipline: 'design', requestedAreaM2: 40 };
      const draft = await t
        .http()
        .post(`/api/application-rounds/${roundId}/applications`)
        .set(headers)
        .send({ groupName: 'Oostblk', plan: 'Ateliers', preferredFloorIds: [floorIds[0]], members: [member] });
      expect(draft.status).toBe(201);
      const path = `/api/applications/${draft.body.id}`;

      expect((await patch(path, {}, headers)).status).toBe(400);
      expect((await patch(path, { groupName: 'Oostblok', bogus: true }, headers)).status).toBe(400);
      const foreignFloor = (await createFloor(t, building.id, { level: 7 })).id;
      expect((await patch(path, { groupName: 'Half written', preferredFloorIds: [foreignFloor] }, headers)).status).toBe(400);
      const twice = await patch(path, { groupName: 'Half written', members: [member, { ...member, name: 'Again' }] }, headers);
      expect(twice.status).toBe(400);
      expect((await patch(path, { groupName: 'Not mine' }, tenantHeaders)).status).toBe(404);
      expect((await remove(path, tenantHeaders)).status).toBe(404);
      expect((await t.http().get(path).set(headers)).body).toMatchObject({ groupName: 'Oostblk', preferredFloorIds: [floorIds[0]] });

      const corrected = await patch(path, { groupName: 'Oostblok', preferredFloorIds: [floorIds[1], floorIds[0]] }, headers);
      expect(corrected.status).toBe(200);
      expect(corrected.body).toMatchObject({ groupName: 'Oostblok', status: 'draft', preferredFloorIds: [floorIds[1], floorIds[0]] });
      expect((await lastEntry('application', draft.body.id, 1)).changes).toEqual([
        { field: 'groupName', before: 'Oostblk', after: 'Oostblok' },
        { field: 'preferredFloorIds', before: [floorIds[0]], after: [floorIds[1], floorIds[0]] },
      ]);

      expect((await t.http().post(`${path}/submit`).set(headers)).status).toBe(200);
      const late = await patch(path, { plan: 'Another plan' }, headers);
      expect([late.status, late.body.code]).toEqual([422, 'application_not_draft']);
      expect((await remove(path, headers)).body.code).toBe('application_not_draft');
      expect((await t.http().get(path).set(headers)).body).toMatchObject({ plan: 'Ateliers', status: 'submitted' });

      const other = await t
        .http()
        .post(`/api/application-rounds/${roundId}/applications`)
        .set(headers)
        .send({ groupName: 'Dubbel', plan: 'Per ongeluk', preferredFloorIds: [floorIds[0]], members: [member] });
      expect((await remove(`/api/applications/${other.body.id}`, headers)).status).toBe(204);
      expect((await t.http().get(`/api/applications/${other.body.id}`).set(headers)).status).toBe(404);
      expect((await lastEntry('application', other.body.id, 1)).changes).toContainEqual({
        field: 'groupName',
        before: 'Dubbel',
        after: null,
      });
      const contactOfApplications = await remove(`/api/users/${contact.id}`);
      expect([contactOfApplications.status, contactOfApplications.body.code]).toEqual([409, 'user_has_applications']);
    });
  });

  it('lets parallel corrections of one space take turns: the audit trail is one unbroken chain, the lease ends with the last', async () => {
    const building = await createBuilding(t);
    const floor = await createFloor(t, building.id, { level: 1 });
    const space = await createSpace(t, floor.id, { areaM2: 25 });
    const tenant = await createTenant(t);
    await assessBand(t, tenant.id, building.id, 2_000_000);
    const lease = await createLease(t, { tenantId: tenant.id, spaceId: space.id });
    const areas = [26, 27, 28, 29, 30, 31];
    const answers = await Promise.all(areas.map((areaM2) => patch(`/api/spaces/${space.id}`, { areaM2 })));
    expect(answers.map((answer) => answer.status)).toEqual(areas.map(() => 200));
    const trail = await auditTrail(t, 'space', space.id, areas.length);
    const steps = trail.map((entry) => (entry.changes as unknown as { before: number; after: number }[])[0]!);
    expect(steps[0]!.before).toBe(25);
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.before).toBe(steps[i - 1]!.after);
    expect(new Set(steps.map((step) => step.after))).toEqual(new Set(areas));
    const last = steps[steps.length - 1]!.after;
    expect((await t.http().get(`/api/buildings/${building.id}/floors`).set(t.admin)).body.items[0].spaces[0].areaM2).toBe(last);
    expect((await t.http().get(`/api/leases/${lease.id}`).set(t.admin)).body.areaM2).toBe(last);
  });

  it('documents every correction and deletion with a summary, a description and its error answers', async () => {
    const document = (await t.http().get('/docs-json')).body as {
      paths: Record<string, Record<string, { summary?: string; description?: string; responses: Record<string, unknown> }>>;
    };
    const operations: [string, string, string[]][] = [
      ['/api/organisations/{id}', 'patch', ['200', '400', '404', '422']],
      ['/api/organisations/{id}', 'delete', ['204', '404', '409']],
      ['/api/buildings/{id}', 'patch', ['200', '400', '404', '409', '422']],
      ['/api/buildings/{id}', 'delete', ['204', '404', '409']],
      ['/api/floors/{id}', 'patch', ['200', '400', '404', '409']],
      ['/api/floors/{id}', 'delete', ['204', '404', '409']],
      ['/api/spaces/{id}', 'patch', ['200', '400', '404', '409']],
      ['/api/spaces/{id}', 'delete', ['204', '404', '409']],
      ['/api/tenants/{id}', 'patch', ['200', '400', '404', '409']],
      ['/api/tenants/{id}', 'delete', ['204', '404', '409']],
      ['/api/users/{id}', 'patch', ['200', '400', '404', '409', '422']],
      ['/api/users/{id}', 'delete', ['204', '404', '409', '422']],
      ['/api/applications/{id}', 'patch', ['200', '400', '404', '422']],
      ['/api/applications/{id}', 'delete', ['204', '404', '422']],
      ['/api/me/password', 'post', ['204', '400', '422', '429']],
    ];
    for (const [path, method, statuses] of operations) {
      const operation = document.paths[path]?.[method];
      expect([path, method, Boolean(operation?.summary), Boolean(operation?.description)]).toEqual([path, method, true, true]);
      expect([path, method, statuses.filter((status) => !(status in operation!.responses))]).toEqual([path, method, []]);
    }
  });

  it('filters the audit log by entity and id, for admins only', async () => {
    const tenant = await createTenant(t);
    await patch(`/api/tenants/${tenant.id}`, { name: 'Eerste' });
    await patch(`/api/tenants/${tenant.id}`, { name: 'Tweede' });
    const trail = await auditTrail(t, 'tenant', tenant.id, 2);
    expect(trail.map((entry) => entry.changes)).toEqual([
      [{ field: 'name', before: tenant.name, after: 'Eerste' }],
      [{ field: 'name', before: 'Eerste', after: 'Tweede' }],
    ]);
    expect((await t.http().get('/api/audit').query({ entity: 'space', id: tenant.id }).set(t.admin)).body.total).toBe(0);
    expect((await t.http().get('/api/audit').query({ entity: 'nonsense' }).set(t.admin)).status).toBe(400);
    expect((await t.http().get('/api/audit').query({ entity: 'tenant', id: tenant.id }).set(tenantHeaders)).status).toBe(403);
    // A correction that changes nothing is no change.
    expect((await patch(`/api/tenants/${tenant.id}`, { name: 'Tweede' })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await t.http().get('/api/audit').query({ entity: 'tenant', id: tenant.id }).set(t.admin)).body.total).toBe(2);
  });
});
