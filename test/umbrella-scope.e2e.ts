import { FixedClock } from '../src/common/clock/clock.js';
import { camt053 } from './helpers/camt.js';
import { createBuilding, createUser, type Created } from './helpers/factories.js';
import { invoiceMonth, invoicingBuilding, makerWithLease } from './helpers/maker.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * Umbrellas are scoped: an admin with an umbrella organisation is that umbrella's staff and sees only
 * its buildings and the tenants, leases and invoices in them; another umbrella's answer as unknown
 * (404), and lists show its own only. The installation's admin (no organisation) still sees all.
 */
describe('umbrella scope', () => {
  let t: TestApp;
  const clock = FixedClock.on('2012-03-01');
  type Side = Awaited<ReturnType<typeof invoicingBuilding>> & {
    maker: Awaited<ReturnType<typeof makerWithLease>>;
    invoice: Created;
    staff: { Authorization: string };
  };
  let a: Side;
  let b: Side;

  async function umbrellaWithInvoice(prefix: string): Promise<Side> {
    const side = await invoicingBuilding(t, prefix);
    const maker = await makerWithLease(t, side.building.id, side.floor.id);
    await invoiceMonth(t, clock, side.building.id, '2012-03', '2012-03-01');
    const invoice = (await t.http().get(`/api/invoices?tenantId=${maker.tenant.id}`).set(t.admin)).body.items[0] as Created;
    const user = await createUser(t, { role: 'admin', organisationId: side.issuer.id });
    return { ...side, maker, invoice, staff: await t.login(user.email, user.password) };
  }

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    a = await umbrellaWithInvoice('UMBA');
    b = await umbrellaWithInvoice('UMBB');
  });

  afterAll(() => t.close());

  it('answers another umbrella’s building, tenant, lease and invoice as unknown', async () => {
    for (const path of [
      `/api/buildings/${b.building.id}`,
      `/api/tenants/${b.maker.tenant.id}`,
      `/api/leases/${b.maker.lease.id}`,
      `/api/invoices/${b.invoice.id}`,
      `/api/buildings/${b.building.id}/floors`,
      `/api/tenants/${b.maker.tenant.id}/mandates`,
    ]) {
      expect({ path, status: (await t.http().get(path).set(a.staff)).status }).toEqual({ path, status: 404 });
    }
    for (const path of [
      `/api/buildings/${a.building.id}`,
      `/api/tenants/${a.maker.tenant.id}`,
      `/api/leases/${a.maker.lease.id}`,
      `/api/invoices/${a.invoice.id}`,
    ]) {
      expect({ path, status: (await t.http().get(path).set(a.staff)).status }).toEqual({ path, status: 200 });
    }
    expect((await t.http().patch(`/api/buildings/${b.building.id}`).set(a.staff).send({ name: 'Taken over' })).status).toBe(404);
    expect((await t.http().post(`/api/buildings/${b.building.id}/invoice-runs`).set(a.staff).send({ period: '2012-04' })).status).toBe(404);
  });

  it('lists only its own umbrella’s buildings, tenants, leases and invoices', async () => {
    const ids = async (path: string) => ((await t.http().get(path).set(a.staff)).body.items as Created[]).map((item) => item.id);
    expect(await ids('/api/buildings')).toEqual([a.building.id]);
    expect(await ids('/api/tenants')).toEqual([a.maker.tenant.id]);
    expect(await ids('/api/leases')).toEqual([a.maker.lease.id]);
    expect(await ids('/api/invoices')).toEqual([a.invoice.id]);
    expect(await ids(`/api/invoices?tenantId=${b.maker.tenant.id}`)).toEqual([]);
    expect(await ids('/api/applications')).toEqual([]);
    expect((await t.http().get('/api/me').set(a.staff)).body).toMatchObject({ buildingIds: [a.building.id] });
  });

  it('lets the installation’s admin see every umbrella, and keeps users and organisations its own', async () => {
    const all = ((await t.http().get('/api/buildings').set(t.admin)).body.items as Created[]).map((item) => item.id);
    expect(all).toEqual(expect.arrayContaining([a.building.id, b.building.id]));
    expect((await t.http().get(`/api/invoices/${b.invoice.id}`).set(t.admin)).status).toBe(200);
    expect(
      (
        await t
          .http()
          .post('/api/users')
          .set(a.staff)
          .send({ email: 'x@test.example', password: 'a-long-enough-password', name: 'X', role: 'admin' })
      ).status,
    ).toBe(403);
    const { capabilities } = (await t.http().get('/api/me').set(a.staff)).body as { capabilities: string[] };
    expect(capabilities).toEqual(expect.arrayContaining(['buildings.write', 'invoices.run', 'tenders.propose', 'bank-statements.write']));
    for (const capability of ['users.write', 'organisations.write', 'audit.read']) expect(capabilities).not.toContain(capability);
  });

  it('lets an umbrella’s staff let buildings to their own umbrella only', async () => {
    const refused = await t
      .http()
      .post('/api/buildings')
      .set(a.staff)
      .send({
        name: 'Elsewhere',
        address: 'Dam 1',
        city: 'Amsterdam',
        kind: 'permanent',
        useStart: '2012-01-01',
        invoicePrefix: 'UMBX',
        ownerId: (await createBuilding(t)).ownerId,
        umbrellaId: b.issuer.id,
      });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('umbrella_not_yours');
  });

  it('gives an admin an umbrella organisation only', async () => {
    const response = await t.http().post('/api/users').set(t.admin).send({
      email: 'owner-staff@test.example',
      password: 'a-long-enough-password',
      name: 'Y',
      role: 'admin',
      organisationId: a.building.ownerId,
    });
    expect(response.status).toBe(422);
  });

  it('keeps another umbrella’s mandates from its staff: amending or revoking one is unknown and changes nothing', async () => {
    expect(
      (await t.http().patch(`/api/organisations/${b.issuer.id}`).set(t.admin).send({ creditorIdentifier: 'NL05ZZZ342635380000' })).status,
    ).toBe(200);
    const signed = await t.http().post(`/api/tenants/${b.maker.tenant.id}/mandates`).set(b.staff).send({
      creditorId: b.issuer.id,
      iban: 'NL02ABNA0123456789',
      accountHolder: 'Maker B',
      signedOn: '2011-12-15',
      signedPlace: 'Amsterdam',
      method: 'paper',
    });
    expect(signed.status).toBe(201);
    const mandateId = signed.body.id as string;
    expect((await t.http().get(`/api/mandates/${mandateId}`).set(a.staff)).status).toBe(404);
    const amended = await t
      .http()
      .post(`/api/mandates/${mandateId}/amendments`)
      .set(a.staff)
      .send({ iban: 'NL91ABNA0417164300', amendedOn: '2012-03-02', reason: 'Not yours' });
    expect([amended.status, amended.body.code]).toEqual([404, 'mandate_not_found']);
    const revoked = await t
      .http()
      .post(`/api/mandates/${mandateId}/revoke`)
      .set(a.staff)
      .send({ revokedOn: '2012-03-02', reason: 'Not yours' });
    expect([revoked.status, revoked.body.code]).toEqual([404, 'mandate_not_found']);
    const signedForOther = await t.http().post(`/api/tenants/${b.maker.tenant.id}/mandates`).set(a.staff).send({
      creditorId: b.issuer.id,
      iban: 'NL02ABNA0123456789',
      accountHolder: 'Maker B',
      signedOn: '2011-12-15',
      signedPlace: 'Amsterdam',
      method: 'paper',
    });
    expect(signedForOther.status).toBe(404);
    // Nor do they record a mandate of their own maker in another umbrella's name, or move one there.
    const inOtherName = await t.http().post(`/api/tenants/${a.maker.tenant.id}/mandates`).set(a.staff).send({
      creditorId: b.issuer.id,
      iban: 'NL02ABNA0123456789',
      accountHolder: 'Maker A',
      signedOn: '2011-12-15',
      signedPlace: 'Amsterdam',
      method: 'paper',
    });
    expect([inOtherName.status, inOtherName.body.code]).toEqual([422, 'creditor_not_yours']);
    expect((await t.http().get(`/api/tenants/${a.maker.tenant.id}/mandates`).set(t.admin)).body).toEqual([]);
    expect(
      (await t.http().patch(`/api/organisations/${a.issuer.id}`).set(t.admin).send({ creditorIdentifier: 'NL79ZZZ999999990000' })).status,
    ).toBe(200);
    const own = await t.http().post(`/api/tenants/${a.maker.tenant.id}/mandates`).set(a.staff).send({
      creditorId: a.issuer.id,
      iban: 'NL02ABNA0123456789',
      accountHolder: 'Maker A',
      signedOn: '2011-12-15',
      signedPlace: 'Amsterdam',
      method: 'paper',
    });
    expect(own.status).toBe(201);
    const moved = await t
      .http()
      .post(`/api/mandates/${own.body.id}/amendments`)
      .set(a.staff)
      .send({ creditorId: b.issuer.id, amendedOn: '2012-03-02', reason: 'Elsewhere' });
    expect([moved.status, moved.body.code]).toEqual([422, 'creditor_not_yours']);
    expect((await t.http().get(`/api/mandates/${own.body.id}`).set(t.admin)).body).toMatchObject({
      creditorId: a.issuer.id,
      amendments: [],
    });
    expect((await t.http().get(`/api/mandates/${mandateId}`).set(b.staff)).body).toMatchObject({
      iban: 'NL02ABNA0123456789',
      status: 'active',
      amendments: [],
    });
  });

  it('keeps another umbrella’s makers’ hours from its staff: the entry is unknown and the list leaves it out', async () => {
    const maker = await t.login(b.maker.user.email, b.maker.user.password);
    const recorded = await t
      .http()
      .post('/api/time-entries')
      .set(maker)
      .send({ buildingId: b.building.id, date: '2012-02-20', hours: 2, kind: 'building', description: 'Dak gerepareerd' });
    expect(recorded.status).toBe(201);
    expect((await t.http().get(`/api/time-entries/${recorded.body.id}`).set(a.staff)).status).toBe(404);
    expect((await t.http().get(`/api/time-entries/${recorded.body.id}`).set(b.staff)).status).toBe(200);
    const listed = async (staff: { Authorization: string }) =>
      (await t.http().get('/api/time-entries').set(staff)).body.items.map((entry: Created) => entry.id);
    expect(await listed(a.staff)).not.toContain(recorded.body.id);
    expect(await listed(b.staff)).toContain(recorded.body.id);
    expect((await t.http().post(`/api/time-entries/${recorded.body.id}/decision`).set(a.staff).send({ decision: 'approved' })).status).toBe(
      404,
    );
  });

  it('lets an umbrella’s staff import bank statements that book onto its own buildings’ invoices only, and keeps them from other umbrellas', async () => {
    const invoiceOf = async (id: string) =>
      (await t.http().get(`/api/invoices/${id}`).set(t.admin)).body as { paymentReference: string; totalCents: number; paidCents: number };
    const [ours, theirs] = [await invoiceOf(a.invoice.id), await invoiceOf(b.invoice.id)];
    const transfer = (reference: string, paymentReference: string, amountCents: number) => ({
      amountCents,
      direction: 'credit' as const,
      bookingDate: '2012-03-01',
      reference,
      code: ['PMNT', 'RCDT', 'ESCT'] as [string, string, string],
      details: [{ structuredReference: paymentReference, counterpartyName: 'Maker' }],
    });
    const xml = camt053('08', {
      id: 'STMT-UMBRELLA-A',
      entries: [
        transfer('UMB-TRF-1', ours.paymentReference, ours.totalCents),
        transfer('UMB-TRF-2', theirs.paymentReference, theirs.totalCents),
      ],
    });
    const upload = (headers: { Authorization: string }) =>
      t.http().post('/api/bank-statements').set(headers).set('Content-Type', 'application/xml').send(Buffer.from(xml, 'utf8'));

    const imported = await upload(a.staff);
    expect(imported.status).toBe(201);
    const statementId = imported.body.statements[0].id as string;
    // The entry naming the other umbrella's invoice is left unmatched for this umbrella; that invoice is untouched.
    expect(imported.body.statements[0].counts).toMatchObject({ paid: 1, unmatched: 1 });
    expect(await invoiceOf(a.invoice.id)).toMatchObject({ paidCents: ours.totalCents });
    expect(await invoiceOf(b.invoice.id)).toMatchObject({ paidCents: 0 });

    const statementIds = async (headers: { Authorization: string }) =>
      ((await t.http().get('/api/bank-statements').set(headers)).body.items as Created[]).map((item) => item.id);
    expect(await statementIds(a.staff)).toEqual([statementId]);
    expect(await statementIds(b.staff)).toEqual([]);
    expect(await statementIds(t.admin)).toContain(statementId);
    for (const path of [
      `/api/bank-statements/${statementId}`,
      `/api/bank-statements/${statementId}/unmatched`,
      `/api/bank-statements/${statementId}/entries`,
    ]) {
      expect({ path, status: (await t.http().get(path).set(b.staff)).status }).toEqual({ path, status: 404 });
      expect({ path, status: (await t.http().get(path).set(a.staff)).status }).toEqual({ path, status: 200 });
    }

    const [unmatched] = (await t.http().get(`/api/bank-statements/${statementId}/unmatched`).set(a.staff)).body.items as Created[];
    // By hand neither: another umbrella's invoice is unknown to this umbrella, and this umbrella's entry to the other one.
    const byHand = await t.http().post(`/api/bank-entries/${unmatched!.id}/match`).set(a.staff).send({ invoiceId: b.invoice.id });
    expect(byHand.status).toBe(404);
    expect(byHand.body.code).toBe('invoice_not_found');
    const byOther = await t.http().post(`/api/bank-entries/${unmatched!.id}/match`).set(b.staff).send({ invoiceId: b.invoice.id });
    expect(byOther.status).toBe(404);
    expect(byOther.body.code).toBe('bank_entry_not_found');
    expect(await invoiceOf(b.invoice.id)).toMatchObject({ paidCents: 0 });

    // The other umbrella importing the same statement books nothing and learns nothing of it.
    const again = await upload(b.staff);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('statement_imported_elsewhere');
    expect(await invoiceOf(b.invoice.id)).toMatchObject({ paidCents: 0 });
  });

  it('keeps the collections (pain.008) of another umbrella’s building from its staff', async () => {
    expect(
      (await t.http().post(`/api/buildings/${b.building.id}/collections`).set(a.staff).send({ collectionDate: '2012-03-20' })).status,
    ).toBe(404);
    expect((await t.http().get(`/api/buildings/${b.building.id}/collections`).set(a.staff)).status).toBe(404);
    expect((await t.http().get(`/api/buildings/${a.building.id}/collections`).set(a.staff)).status).toBe(200);
  });
});
