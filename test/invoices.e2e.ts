import { DataSource } from 'typeorm';
import { FixedClock } from '../src/common/clock/clock.js';
import { isValidBetalingskenmerk } from '../src/modules/invoices/payment-reference.js';
import { IssueInvoiceService } from '../src/modules/invoices/issue-invoice.service.js';
import { MonthlyInvoicingScheduler } from '../src/modules/invoices/invoicing.handlers.js';
import { InvoicesRepository } from '../src/modules/invoices/invoices.repository.js';
import { auditTrail } from './helpers/audit.js';
import { eventually } from './helpers/eventually.js';
import {
  assessBand,
  createBuilding,
  createFloor,
  createIssuer,
  createLease,
  createSpace,
  createTenant,
  createUser,
  seedLeases,
} from './helpers/factories.js';
import { binary } from './helpers/binary.js';
import { pdfText } from './helpers/pdf-text.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

describe('invoicing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ INVOICE_CHUNK_SIZE: '4' }, { clock: FixedClock.on('2012-03-01') });
  });
  afterAll(() => t.close());

  async function buildingWithIssuer(prefix: string) {
    const issuer = await createIssuer(t);
    return createBuilding(t, { umbrellaId: issuer.id, invoicePrefix: prefix });
  }

  async function runToCompletion(buildingId: string, period: string) {
    const started = await t.http().post(`/api/buildings/${buildingId}/invoice-runs`).set(t.admin).send({ period });
    expect([200, 202]).toContain(started.status);
    let run = started.body;
    await eventually(async () => {
      run = (await t.http().get(`/api/invoice-runs/${started.body.id}`).set(t.admin)).body;
      expect(run.status).toBe('completed');
    }, 30_000);
    return { started, run };
  }

  it('invoices a building’s month to the cent: full, partial and taxed leases, numbered from 000001', async () => {
    const building = await buildingWithIssuer('INVA');
    const floor = await createFloor(t, building.id, { level: 1 });
    const make = async (space: Record<string, unknown>, lease: Record<string, unknown>, tenant: Record<string, unknown> = {}) => {
      const s = await createSpace(t, floor.id, space);
      const tn = await createTenant(t, tenant);
      await assessBand(t, tn.id, building.id, 2_000_000);
      return { tenant: tn, lease: await createLease(t, { tenantId: tn.id, spaceId: s.id, ...lease }) };
    };
    const full = await make({ areaM2: 25 }, { serviceChargeMonthlyCents: 2500 });
    const partial = await make({ areaM2: 30 }, { startDate: '2012-03-10' }, { name: 'Łukasz Kowalski' });
    const taxed = await make(
      { areaM2: 10.01 },
      { vatRegime: 'standard', taxableUsePercent: 100, smallBusinessScheme: false },
      { vatNumber: 'NL000099998B57' },
    );
    await make({ areaM2: 40 }, { startDate: '2012-04-01' }); // not yet running in March

    const started = await t.http().post(`/api/buildings/${building.id}/invoice-runs`).set(t.admin).send({ period: '2012-03' });
    expect(started.status).toBe(202);
    expect(['queued', 'running', 'completed']).toContain(started.body.status);
    const { run } = await runToCompletion(building.id, '2012-03');
    // 12,500 + 2,500 · 30 m² × 6000 / 12 × 22/31 = 10,645.16 → 10,645 · 5,005 + 21% 1,051
    expect(run).toMatchObject({
      period: '2012-03',
      status: 'completed',
      done: 3,
      total: 3,
      invoiceCount: 3,
      totalCents: 15_000 + 10_645 + 6_056,
    });

    const invoices = (await t.http().get(`/api/invoices?buildingId=${building.id}&period=2012-03`).set(t.admin)).body;
    expect(invoices.total).toBe(3);
    expect(invoices.items.map((invoice: { number: string }) => invoice.number)).toEqual([
      'INVA-2012-000001',
      'INVA-2012-000002',
      'INVA-2012-000003',
    ]);
    const byLease = new Map(invoices.items.map((invoice: { leaseId: string }) => [invoice.leaseId, invoice]));
    expect(byLease.get(full.lease.id)).toMatchObject({
      totalExVatCents: 15_000,
      vatCents: 0,
      totalCents: 15_000,
      paidCents: 0,
      status: 'open',
      issueDate: '2012-03-01',
      dueDate: '2012-03-15',
    });
    expect(byLease.get(partial.lease.id)).toMatchObject({ totalExVatCents: 10_645, vatCents: 0, totalCents: 10_645 });
    expect(byLease.get(taxed.lease.id)).toMatchObject({ totalExVatCents: 5005, vatCents: 1051, totalCents: 6056 });
    for (const invoice of invoices.items) expect(isValidBetalingskenmerk(invoice.paymentReference)).toBe(true);
    expect(new Set(invoices.items.map((invoice: { paymentReference: string }) => invoice.paymentReference)).size).toBe(3);

    const detail = (
      await t
        .http()
        .get(`/api/invoices/${(byLease.get(partial.lease.id) as { id: string }).id}`)
        .set(t.admin)
    ).body;
    expect(detail.lines).toEqual([
      expect.objectContaining({
        kind: 'rent',
        periodStart: '2012-03-10',
        periodEnd: '2012-03-31',
        amountExVatCents: 10_645,
        vatRateBps: 0,
      }),
    ]);
    expect(detail.customer).toMatchObject({ name: 'Łukasz Kowalski' });
    expect(detail.issuer).toMatchObject({ kvkNumber: '34263538', iban: 'NL91ABNA0417164300' });

    const pdf = await t.http().get(`/api/invoices/${detail.id}/pdf`).set(t.admin).buffer(true).parse(binary);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.body as Buffer);
    expect(text).toContain(detail.number);
    expect(text).toContain('Łukasz Kowalski');
    expect(text).toContain('€ 106,45');
  });

  it('gives the same run for the same period, and a rerun invoices only leases without an invoice', async () => {
    const building = await buildingWithIssuer('INVB');
    await seedLeases(t, building.id, 6);
    const { started, run } = await runToCompletion(building.id, '2012-03');
    expect(run.invoiceCount).toBe(6);
    const again = await t.http().post(`/api/buildings/${building.id}/invoice-runs`).set(t.admin).send({ period: '2012-03' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: started.body.id, status: 'completed', invoiceCount: 6 });

    await seedLeases(t, building.id, 2);
    const rerun = await runToCompletion(building.id, '2012-03');
    expect(rerun.started.body.id).toBe(started.body.id);
    expect(rerun.run).toMatchObject({ total: 8, done: 8, invoiceCount: 8 });
    const numbers = (await t.http().get(`/api/invoices?buildingId=${building.id}`).set(t.admin)).body.items.map(
      (i: { number: string }) => i.number,
    );
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => `INVB-2012-${String(i + 1).padStart(6, '0')}`));
  });

  it('makes one run of simultaneous starts of one period', async () => {
    const building = await buildingWithIssuer('INVC');
    await seedLeases(t, building.id, 10);
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => t.http().post(`/api/buildings/${building.id}/invoice-runs`).set(t.admin).send({ period: '2012-03' })),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 202]);
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    const { run } = await runToCompletion(building.id, '2012-03');
    expect(run.invoiceCount).toBe(10);
    expect((await t.http().get(`/api/invoices?buildingId=${building.id}`).set(t.admin)).body.total).toBe(10);
  });

  it('keeps numbers gap-free and unique when 50 issuers run at once and some fail after numbering', async () => {
    const building = await buildingWithIssuer('INVD');
    const leaseIds = await seedLeases(t, building.id, 50);
    const issuer = t.app.get(IssueInvoiceService);
    const repository = t.app.get(InvoicesRepository);
    const dataSource = t.app.get(DataSource);
    await dataSource.query(`INSERT INTO invoice_run (building_id, period) VALUES ($1, '2012-05')`, [building.id]);
    const [{ id: runId }] = await dataSource.query(`SELECT id FROM invoice_run WHERE building_id = $1`, [building.id]);
    await dataSource.query(`INSERT INTO invoice_run_item (run_id, lease_id, chunk) SELECT $1, unnest($2::uuid[]), 0`, [runId, leaseIds]);
    const inputs = await repository.pendingBillingInputs(runId, 0, '2012-05');
    expect(inputs).toHaveLength(50);

    let injected = 0;
    const issueAll = (pending: typeof inputs) =>
      Promise.allSettled(
        pending.map((input, index) =>
          issuer.issue(input, '2012-05', {
            runId,
            afterNumbered: () => {
              if ((index + injected) % 3 === 0) {
                injected++;
                throw new Error('injected failure after numbering');
              }
            },
          }),
        ),
      );
    let pending = inputs;
    for (let round = 0; round < 10 && pending.length > 0; round++) {
      const results = await issueAll(pending);
      pending = pending.filter((_, index) => results[index]!.status === 'rejected');
    }
    expect(injected).toBeGreaterThan(10);
    expect(pending).toEqual([]);
    const numbers: { number: string }[] = await dataSource.query(`SELECT number FROM invoice WHERE building_id = $1 ORDER BY number`, [
      building.id,
    ]);
    expect(numbers.map((row) => row.number)).toEqual(Array.from({ length: 50 }, (_, i) => `INVD-2012-${String(i + 1).padStart(6, '0')}`));
  });

  it('leaves nothing of a chunk whose transaction fails halfway: no number used, no invoice, line or event', async () => {
    const building = await buildingWithIssuer('INVH');
    const leaseIds = await seedLeases(t, building.id, 50);
    const issuer = t.app.get(IssueInvoiceService);
    const repository = t.app.get(InvoicesRepository);
    const dataSource = t.app.get(DataSource);
    const [{ id: runId }] = await dataSource.query(`INSERT INTO invoice_run (building_id, period) VALUES ($1, '2012-05') RETURNING id`, [
      building.id,
    ]);
    await dataSource.query(`INSERT INTO invoice_run_item (run_id, lease_id, chunk) SELECT $1, unnest($2::uuid[]), 0`, [runId, leaseIds]);
    const inputs = await repository.pendingBillingInputs(runId, 0, '2012-05');
    const written = async () => {
      const [row] = await dataSource.query(
        `SELECT (SELECT count(*)::int FROM invoice WHERE building_id = $1) AS invoices,
                (SELECT count(*)::int FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id WHERE i.building_id = $1) AS lines,
                (SELECT count(*)::int FROM domain_event e WHERE e.type = 'invoice.issued' AND e.payload->>'buildingId' = $1::text) AS events,
                (SELECT coalesce(max(last_number), 0)::int FROM invoice_counter WHERE prefix = 'INVH') AS last_number`,
        [building.id],
      );
      return row;
    };

    // Fails once the chunk's numbers are taken.
    await expect(
      issuer.issueMany(inputs, '2012-05', {
        runId,
        afterNumbered: () => {
          throw new Error('injected failure after numbering');
        },
      }),
    ).rejects.toThrow('injected failure after numbering');
    expect(await written()).toEqual({ invoices: 0, lines: 0, events: 0, last_number: 0 });

    // Fails in the database, in the middle of the chunk's insert: the 25th invoice names a tenant that does not exist.
    const poisoned = inputs.map((input, index) => (index === 24 ? { ...input, tenantId: '00000000-0000-4000-8000-000000000000' } : input));
    await expect(issuer.issueMany(poisoned, '2012-05', { runId })).rejects.toThrow();
    expect(await written()).toEqual({ invoices: 0, lines: 0, events: 0, last_number: 0 });

    const outcomes = await issuer.issueMany(inputs, '2012-05', { runId });
    expect(outcomes.map((outcome) => outcome.outcome)).toEqual(inputs.map(() => 'issued'));
    const after = await written();
    expect(after).toMatchObject({ invoices: 50, events: 50, last_number: 50 });
    expect(after.lines).toBeGreaterThanOrEqual(50);
    const numbers: { number: string }[] = await dataSource.query(`SELECT number FROM invoice WHERE building_id = $1 ORDER BY number`, [
      building.id,
    ]);
    expect(numbers.map((row) => row.number)).toEqual(Array.from({ length: 50 }, (_, i) => `INVH-2012-${String(i + 1).padStart(6, '0')}`));
    // A second delivery of the same chunk finds its invoices and issues none.
    expect((await issuer.issueMany(inputs, '2012-05', { runId })).map((outcome) => outcome.outcome)).toEqual(
      inputs.map(() => 'issued_elsewhere'),
    );
    expect(await written()).toEqual(after);
  });

  it('records partial, full and over-payments, and refuses a payment of nothing', async () => {
    const building = await buildingWithIssuer('INVE');
    await seedLeases(t, building.id, 1);
    await runToCompletion(building.id, '2012-03');
    const [invoice] = (await t.http().get(`/api/invoices?buildingId=${building.id}`).set(t.admin)).body.items; // 21 m² → 10,500
    expect(invoice.totalCents).toBe(10_500);
    const pay = (amountCents: number) =>
      t
        .http()
        .post(`/api/invoices/${invoice.id}/payments`)
        .set(t.admin)
        .send({ amountCents, paidOn: '2012-03-01', reference: `bank ${amountCents}` });

    expect((await pay(0)).status).toBe(400);
    expect((await pay(-100)).status).toBe(400);
    // The test's clock says 2012-03-01: money that has not arrived yet is not booked.
    const ahead = await t
      .http()
      .post(`/api/invoices/${invoice.id}/payments`)
      .set(t.admin)
      .send({ amountCents: 4000, paidOn: '2012-03-02' });
    expect([ahead.status, ahead.body.details.map((detail: { field: string }) => detail.field)]).toEqual([400, ['paidOn']]);
    const partial = await pay(4000);
    expect(partial.status).toBe(201);
    expect(partial.body).toMatchObject({ paidCents: 4000, status: 'open', creditCents: 0 });
    const rest = await pay(7000);
    expect(rest.body).toMatchObject({ paidCents: 11_000, status: 'paid', creditCents: 500 });
    expect(rest.body.payments).toHaveLength(2);
    expect((await t.http().get(`/api/invoices?buildingId=${building.id}&status=paid`).set(t.admin)).body.total).toBe(1);
    const trail = await auditTrail(t, 'invoice', invoice.id, 3);
    expect(trail.map((entry) => [entry.action, entry.changes.amountCents ?? entry.changes.totalCents])).toEqual([
      ['invoice.issued', 10_500],
      ['payment.recorded', 4000],
      ['payment.recorded', 7000],
    ]);
    expect(trail[0]!.userId).toBeNull(); // issued by the run's job
    expect(trail[1]!.userId).toEqual(expect.any(String));
  });

  it('cancels an invoice by a credit note from the same series, once; the invoice itself never changes', async () => {
    const building = await buildingWithIssuer('INVF');
    await seedLeases(t, building.id, 2);
    await runToCompletion(building.id, '2012-03');
    const [first] = (await t.http().get(`/api/invoices?buildingId=${building.id}`).set(t.admin)).body.items;

    const credit = await t.http().post(`/api/invoices/${first.id}/credit-notes`).set(t.admin).send({ reason: 'Dubbel gefactureerd' });
    expect(credit.status).toBe(201);
    expect(credit.body).toMatchObject({
      number: 'INVF-2012-000003',
      creditsInvoiceId: first.id,
      totalCents: -first.totalCents,
      kind: 'credit_note',
      pdfReady: true,
    });
    expect((await t.http().get(`/api/invoices/${first.id}`).set(t.admin)).body.status).toBe('credited');
    expect((await t.http().post(`/api/invoices/${first.id}/credit-notes`).set(t.admin).send({ reason: 'again' })).status).toBe(409);
    expect((await t.http().post(`/api/invoices/${credit.body.id}/credit-notes`).set(t.admin).send({ reason: 'x' })).status).toBe(422);
    expect(
      (await t.http().post(`/api/invoices/${first.id}/payments`).set(t.admin).send({ amountCents: 100, paidOn: '2012-03-01' })).status,
    ).toBe(422);
    expect((await t.http().post(`/api/invoices/${first.id}/credit-notes`).set(t.admin).send({})).status).toBe(400);
    // The refused attempts left no trace; the credit note did.
    expect((await auditTrail(t, 'invoice', first.id, 2)).map((entry) => [entry.action, entry.changes.creditNoteNumber])).toEqual([
      ['invoice.issued', undefined],
      ['invoice.credited', 'INVF-2012-000003'],
    ]);

    const dataSource = t.app.get(DataSource);
    await expect(dataSource.query(`UPDATE invoice SET total_cents = 1, total_ex_vat_cents = 1 WHERE id = $1`, [first.id])).rejects.toThrow(
      /cannot change/,
    );
    await expect(dataSource.query(`UPDATE invoice_line SET amount_ex_vat_cents = 1 WHERE invoice_id = $1`, [first.id])).rejects.toThrow(
      /immutable/,
    );
    await expect(
      dataSource.query(`UPDATE document SET bytes = 'x' WHERE id = (SELECT document_id FROM invoice WHERE id = $1)`, [first.id]),
    ).rejects.toThrow(/immutable/);
  });

  it('shows a tenant its own invoices only; another’s is 404; only admins start runs', async () => {
    const building = await buildingWithIssuer('INVG');
    const floor = await createFloor(t, building.id, { level: 1 });
    const tenants = [await createTenant(t), await createTenant(t)];
    for (const tenant of tenants) {
      await assessBand(t, tenant.id, building.id, 2_000_000);
      await createLease(t, { tenantId: tenant.id, spaceId: (await createSpace(t, floor.id)).id });
    }
    await runToCompletion(building.id, '2012-03');
    const user = await createUser(t, { role: 'tenant', tenantId: tenants[0]!.id });
    const headers = await t.login(user.email, user.password);
    const own = await t.http().get('/api/invoices').set(headers);
    expect(own.body.total).toBe(1);
    expect(own.body.items[0].tenantId).toBe(tenants[0]!.id);
    const all = (await t.http().get(`/api/invoices?buildingId=${building.id}`).set(t.admin)).body.items;
    const theirs = all.find((invoice: { tenantId: string }) => invoice.tenantId === tenants[1]!.id);
    expect((await t.http().get(`/api/invoices/${theirs.id}`).set(headers)).status).toBe(404);
    expect((await t.http().get(`/api/invoices/${theirs.id}/pdf`).set(headers)).status).toBe(404);
    expect((await t.http().get(`/api/invoices/${own.body.items[0].id}/pdf`).set(headers)).status).toBe(200);
    expect((await t.http().post(`/api/buildings/${building.id}/invoice-runs`).set(headers).send({ period: '2012-04' })).status).toBe(403);
    expect(
      (await t.http().post(`/api/invoices/${own.body.items[0].id}/payments`).set(headers).send({ amountCents: 1, paidOn: '2012-03-01' }))
        .status,
    ).toBe(403);
  });

  it('refuses a run when the umbrella lacks what an invoice must show (422), and a bad period (400)', async () => {
    const building = await createBuilding(t);
    const incomplete = await t.http().post(`/api/buildings/${building.id}/invoice-runs`).set(t.admin).send({ period: '2012-03' });
    expect([incomplete.status, incomplete.body.code]).toEqual([422, 'issuer_incomplete']);
    expect((await t.http().post(`/api/buildings/${building.id}/invoice-runs`).set(t.admin).send({ period: '2012-13' })).status).toBe(400);
  });
});

describe('the monthly invoicing schedule', () => {
  it('starts the month’s run of every building with leases on the first day, when enabled', async () => {
    const clock = FixedClock.on('2012-03-31');
    const t = await startTestApp({ INVOICE_MONTHLY_RUNS: 'true' }, { clock });
    try {
      const issuer = await createIssuer(t);
      const building = await createBuilding(t, { umbrellaId: issuer.id, invoicePrefix: 'MONTH' });
      await seedLeases(t, building.id, 3);
      const scheduler = t.app.get(MonthlyInvoicingScheduler);
      await scheduler.tick();
      expect((await t.http().get(`/api/invoices?buildingId=${building.id}`).set(t.admin)).body.total).toBe(0);
      clock.setDay('2012-04-01');
      await scheduler.tick();
      await eventually(async () => {
        const invoices = (await t.http().get(`/api/invoices?buildingId=${building.id}&period=2012-04`).set(t.admin)).body;
        expect(invoices.total).toBe(3);
      }, 30_000);
    } finally {
      await t.close();
    }
  });
});
