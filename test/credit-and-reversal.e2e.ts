import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { FixedClock } from '../src/common/clock/clock.js';
import { InvoiceRunsService } from '../src/modules/invoices/invoice-runs.service.js';
import { auditTrail } from './helpers/audit.js';
import { createBuilding, createIssuer, createUser, seedLeases } from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

interface InvoiceBody {
  id: string;
  number: string;
  period: string;
  tenantId: string;
  totalCents: number;
  paidCents: number;
  status: string;
  payments: { id: string; kind: string; amountCents: number; reversal: boolean; reversesPaymentId: string | null }[];
}

/** Today, for every date rule in this file. */
const TODAY = '2012-03-15';

describe('money that can be corrected: credit balance, refunds and reversals', () => {
  let t: TestApp;
  let prefixes = 0;
  beforeAll(async () => {
    t = await startTestApp({}, { clock: FixedClock.on(TODAY) });
  });
  afterAll(() => t.close());

  /**
   * One tenant with one invoice of 10,500 cents per month (21 m² in band A), issued on the first of each
   * month: 2012-02's is past its due date today, the later ones are not.
   */
  async function tenantWithInvoices(months: string[]): Promise<{ tenantId: string; invoices: InvoiceBody[] }> {
    const issuer = await createIssuer(t);
    const building = await createBuilding(t, { umbrellaId: issuer.id, invoicePrefix: `CRD${String.fromCharCode(65 + prefixes++)}` });
    await seedLeases(t, building.id, 1);
    for (const period of months) await t.app.get(InvoiceRunsService).issueDated(building.id, period, `${period}-01`);
    const items: InvoiceBody[] = (await t.http().get(`/api/invoices?buildingId=${building.id}`).set(t.admin)).body.items;
    expect(items.map((invoice) => [invoice.period, invoice.totalCents])).toEqual(months.map((period) => [period, 10_500]));
    return { tenantId: items[0]!.tenantId, invoices: items };
  }

  const pay = (invoiceId: string, amountCents: number, paidOn = '2012-03-10') =>
    t.http().post(`/api/invoices/${invoiceId}/payments`).set(t.admin).send({ amountCents, paidOn });
  const applyCredit = (invoiceId: string, body: Record<string, unknown> = {}) =>
    t.http().post(`/api/invoices/${invoiceId}/apply-credit`).set(t.admin).send(body);
  const refund = (tenantId: string, amountCents: number, refundedOn = '2012-03-14') =>
    t.http().post(`/api/tenants/${tenantId}/refunds`).set(t.admin).send({ amountCents, refundedOn, reference: 'transfer' });
  const reverse = (paymentId: string, reason = 'Booked on the wrong invoice') =>
    t.http().post(`/api/payments/${paymentId}/reverse`).set(t.admin).send({ reason });
  const balance = async (tenantId: string) => (await t.http().get(`/api/tenants/${tenantId}/balance`).set(t.admin)).body;
  const invoice = async (id: string): Promise<InvoiceBody> => (await t.http().get(`/api/invoices/${id}`).set(t.admin)).body;
  /** Each ledger entry's balance is the one before it plus its amount, in the order the ledger lists them. */
  const expectChained = (entries: { amountCents: number; balanceAfterCents: number }[]) =>
    expect(entries.map((entry) => entry.balanceAfterCents)).toEqual(
      entries.map((_, index) => entries.slice(0, index + 1).reduce((sum, entry) => sum + entry.amountCents, 0)),
    );
  const fields = (body: { details?: { field?: string }[] }) => (body.details ?? []).map((detail) => detail.field);

  it('keeps an over-payment as the tenant’s credit, uses it on the next invoice, and records a refund of the rest', async () => {
    const { tenantId, invoices } = await tenantWithInvoices(['2012-02', '2012-03']);
    const [february, march] = invoices as [InvoiceBody, InvoiceBody];
    expect(await balance(tenantId)).toEqual({ tenantId, creditCents: 0, openCents: 21_000, overdueCents: 10_500, entries: [] });

    const overpaid = await pay(february.id, 25_000);
    expect(overpaid.status).toBe(201);
    expect(overpaid.body).toMatchObject({ status: 'paid', paidCents: 25_000, creditCents: 14_500 });
    const afterPayment = await balance(tenantId);
    expect(afterPayment).toMatchObject({ creditCents: 14_500, openCents: 10_500, overdueCents: 0 });
    expect(afterPayment.entries).toMatchObject([
      {
        kind: 'overpayment',
        amountCents: 14_500,
        balanceAfterCents: 14_500,
        invoiceId: february.id,
        paymentId: overpaid.body.payments[0].id,
      },
    ]);

    const applied = await applyCredit(march.id);
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ status: 'paid', paidCents: 10_500 });
    expect(applied.body.payments).toMatchObject([{ kind: 'credit', amountCents: 10_500, paidOn: TODAY, reversal: false }]);
    expect(await balance(tenantId)).toMatchObject({ creditCents: 4000, openCents: 0, overdueCents: 0 });
    const notOpen = await applyCredit(march.id);
    expect([notOpen.status, notOpen.body.code]).toEqual([422, 'invoice_not_open']);

    const tooMuch = await refund(tenantId, 4001);
    expect([tooMuch.status, tooMuch.body.code]).toEqual([422, 'refund_exceeds_credit']);
    const refunded = await refund(tenantId, 4000);
    expect(refunded.status).toBe(201);
    expect(refunded.body).toMatchObject({
      kind: 'refund',
      amountCents: -4000,
      balanceAfterCents: 0,
      occurredOn: '2012-03-14',
      paymentId: null,
    });
    const ledger = await balance(tenantId);
    expect(ledger.creditCents).toBe(0);
    expect(ledger.entries.map((entry: { kind: string; amountCents: number }) => [entry.kind, entry.amountCents])).toEqual([
      ['overpayment', 14_500],
      ['applied', -10_500],
      ['refund', -4000],
    ]);
    const noCredit = await applyCredit(february.id);
    expect([noCredit.status, noCredit.body.code]).toEqual([422, 'invoice_not_open']);

    // The audit log shows the use of credit on the invoice and the refund on the tenant.
    expect((await auditTrail(t, 'invoice', march.id, 2)).map((entry) => [entry.action, entry.changes.amountCents])).toEqual([
      ['invoice.issued', undefined],
      ['credit.applied', 10_500],
    ]);
    const [refundEntry] = await auditTrail(t, 'tenant', tenantId, 1);
    expect(refundEntry).toMatchObject({
      action: 'refund.recorded',
      userId: expect.any(String),
      changes: { amountCents: 4000, balanceCents: 0 },
    });
  });

  it('shows a tenant its own balance only; refunds and credit are for staff', async () => {
    const [{ tenantId: own, invoices }, { tenantId: other }] = [
      await tenantWithInvoices(['2012-03']),
      await tenantWithInvoices(['2012-03']),
    ];
    await pay(invoices[0]!.id, 12_000);
    const user = await createUser(t, { role: 'tenant', tenantId: own });
    const headers = await t.login(user.email, user.password);
    const mine = await t.http().get(`/api/tenants/${own}/balance`).set(headers);
    expect([mine.status, mine.body.creditCents, mine.body.entries.length]).toEqual([200, 1500, 1]);
    expect((await t.http().get(`/api/tenants/${other}/balance`).set(headers)).status).toBe(404);
    expect((await t.http().get(`/api/tenants/${randomUUID()}/balance`).set(t.admin)).status).toBe(404);
    expect((await t.http().get(`/api/tenants/not-an-id/balance`).set(t.admin)).status).toBe(404);
    expect((await t.http().post(`/api/tenants/${own}/refunds`).set(headers).send({ amountCents: 100, refundedOn: TODAY })).status).toBe(
      403,
    );
    expect((await t.http().post(`/api/invoices/${invoices[0]!.id}/apply-credit`).set(headers).send({})).status).toBe(403);
    expect((await balance(own)).creditCents).toBe(1500);
  });

  it('reverses a mistaken payment by a reversing entry: the invoice is open again, the list shows both, and twice is 409', async () => {
    const { tenantId, invoices } = await tenantWithInvoices(['2012-03']);
    const [march] = invoices as [InvoiceBody];
    const paid = await pay(march.id, 10_500);
    expect(paid.body.status).toBe('paid');
    const paymentId = paid.body.payments[0].id;
    const me = (await t.http().get('/api/me').set(t.admin)).body;

    const reversed = await reverse(paymentId, '  Booked on the wrong invoice ');
    expect(reversed.status).toBe(201);
    expect(reversed.body).toMatchObject({
      kind: 'reversal',
      reversal: true,
      reversesPaymentId: paymentId,
      amountCents: -10_500,
      paidOn: TODAY,
      reason: 'Booked on the wrong invoice',
      recordedBy: me.id,
      invoiceId: march.id,
      invoiceStatus: 'open',
      invoicePaidCents: 0,
    });
    const detail = await invoice(march.id);
    expect(detail).toMatchObject({ status: 'open', paidCents: 0 });
    expect(detail.payments).toMatchObject([
      { id: paymentId, kind: 'payment', amountCents: 10_500, reversal: false, reversedByPaymentId: reversed.body.id },
      { id: reversed.body.id, kind: 'reversal', amountCents: -10_500, reversal: true, reversesPaymentId: paymentId },
    ]);
    expect((await t.http().get(`/api/invoices?tenantId=${tenantId}&status=open`).set(t.admin)).body.total).toBe(1);
    expect(await balance(tenantId)).toMatchObject({ creditCents: 0, openCents: 10_500, entries: [] });

    const twice = await reverse(paymentId);
    expect([twice.status, twice.body.code]).toEqual([409, 'payment_already_reversed']);
    const ofReversal = await reverse(reversed.body.id);
    expect([ofReversal.status, ofReversal.body.code]).toEqual([422, 'cannot_reverse_reversal']);
    // Paid again, for real this time.
    expect((await pay(march.id, 10_500)).body.status).toBe('paid');

    const trail = await auditTrail(t, 'invoice', march.id, 4);
    expect(trail.map((entry) => entry.action)).toEqual(['invoice.issued', 'payment.recorded', 'payment.reversed', 'payment.recorded']);
    expect(trail[2]).toMatchObject({
      userId: me.id,
      changes: { paymentId, reversalId: reversed.body.id, reason: 'Booked on the wrong invoice' },
    });

    // Nothing was deleted, and the rows stay as booked.
    const dataSource = t.app.get(DataSource);
    await expect(dataSource.query(`DELETE FROM payment WHERE id = $1`, [paymentId])).rejects.toThrow(/immutable/);
    await expect(dataSource.query(`UPDATE payment SET amount_cents = 1 WHERE id = $1`, [reversed.body.id])).rejects.toThrow(/immutable/);
    await expect(
      dataSource.query(
        `INSERT INTO payment (invoice_id, kind, amount_cents, paid_on, reverses_payment_id, reason) VALUES ($1, 'reversal', -1, $2, $3, 'x')`,
        [march.id, TODAY, paymentId],
      ),
    ).rejects.toThrow(/negates one booking/);
    expect((await invoice(march.id)).payments).toHaveLength(3);
  });

  it('refuses to reverse an over-payment whose credit was used (422), and gives credit back when its use is reversed', async () => {
    const { tenantId, invoices } = await tenantWithInvoices(['2012-02', '2012-03']);
    const [february, march] = invoices as [InvoiceBody, InvoiceBody];
    const overpaid = await pay(february.id, 21_000);
    const creditUse = await applyCredit(march.id);
    expect(creditUse.body.status).toBe('paid');

    const used = await reverse(overpaid.body.payments[0].id);
    expect([used.status, used.body.code]).toEqual([422, 'payment_credit_used']);
    expect(used.body.message).toMatch(/10500 cents of credit/);
    expect(await invoice(february.id)).toMatchObject({ status: 'paid', paidCents: 21_000, payments: [{ kind: 'payment' }] });

    const undoUse = await reverse(creditUse.body.payments[0].id, 'Credit was meant for a refund');
    expect([undoUse.status, undoUse.body.invoiceStatus]).toEqual([201, 'open']);
    expect((await balance(tenantId)).creditCents).toBe(10_500);

    const undoPayment = await reverse(overpaid.body.payments[0].id);
    expect([undoPayment.status, undoPayment.body.invoiceStatus]).toEqual([201, 'open']);
    const ledger = await balance(tenantId);
    expect(ledger).toMatchObject({ creditCents: 0, openCents: 21_000 });
    expect(
      ledger.entries.map((entry: { kind: string; amountCents: number; balanceAfterCents: number }) => [
        entry.kind,
        entry.amountCents,
        entry.balanceAfterCents,
      ]),
    ).toEqual([
      ['overpayment', 10_500, 10_500],
      ['applied', -10_500, 0],
      ['reversal', 10_500, 10_500],
      ['reversal', -10_500, 0],
    ]);
    await expect(t.app.get(DataSource).query(`UPDATE credit_entry SET amount_cents = 1 WHERE tenant_id = $1`, [tenantId])).rejects.toThrow(
      /immutable/,
    );
  });

  it('never takes the balance below 0 when uses of credit and refunds run at the same time', async () => {
    const { tenantId, invoices } = await tenantWithInvoices(['2012-01', '2012-02', '2012-03']);
    const [january, february, march] = invoices as [InvoiceBody, InvoiceBody, InvoiceBody];
    await pay(january.id, 21_000); // 10,500 credit
    const outcomes = await Promise.all([
      applyCredit(february.id, { amountCents: 10_500 }),
      applyCredit(march.id, { amountCents: 10_500 }),
      refund(tenantId, 10_500),
      refund(tenantId, 10_500),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual([201, 422, 422, 422]);
    const after = await balance(tenantId);
    expect(after.creditCents).toBe(0);
    expect(after.entries).toHaveLength(2);
    const paidByCredit = (await invoice(february.id)).paidCents + (await invoice(march.id)).paidCents;
    const refunded = outcomes.filter((outcome, index) => index >= 2 && outcome.status === 201).length * 10_500;
    expect(paidByCredit + refunded).toBe(10_500);

    // Five refunds of 2,000 from 6,000 of credit: three go through.
    const another = await tenantWithInvoices(['2012-03']);
    await pay(another.invoices[0]!.id, 16_500);
    expect((await balance(another.tenantId)).creditCents).toBe(6000);
    const refunds = await Promise.all(Array.from({ length: 5 }, () => refund(another.tenantId, 2000)));
    expect(refunds.map((outcome) => outcome.status).sort()).toEqual([201, 201, 201, 422, 422]);
    expect(refunds.filter((outcome) => outcome.status === 422).map((outcome) => outcome.body.code)).toEqual([
      'refund_exceeds_credit',
      'refund_exceeds_credit',
    ]);
    const drained = await balance(another.tenantId);
    expect([drained.creditCents, drained.entries.length]).toEqual([0, 4]);
    expectChained(drained.entries);
    expectChained(after.entries);
  });

  it('reverses a booking once when reversals race, and keeps a credited invoice credited', async () => {
    const { tenantId, invoices } = await tenantWithInvoices(['2012-02', '2012-03']);
    const [february, march] = invoices as [InvoiceBody, InvoiceBody];
    const paid = await pay(february.id, 15_000); // 4,500 credit
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => reverse(paid.body.payments[0].id)));
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(await invoice(february.id)).toMatchObject({ status: 'open', paidCents: 0 });
    expect((await invoice(february.id)).payments).toHaveLength(2);
    const ledger = await balance(tenantId);
    expect(ledger.entries.map((entry: { kind: string; amountCents: number }) => [entry.kind, entry.amountCents])).toEqual([
      ['overpayment', 4500],
      ['reversal', -4500],
    ]);

    const partly = await pay(march.id, 5000);
    expect((await t.http().post(`/api/invoices/${march.id}/credit-notes`).set(t.admin).send({ reason: 'Invoiced twice' })).status).toBe(
      201,
    );
    const afterCredit = await reverse(partly.body.payments[0].id);
    expect([afterCredit.status, afterCredit.body.invoiceStatus, afterCredit.body.invoicePaidCents]).toEqual([201, 'credited', 0]);
    const refused = await applyCredit(march.id);
    expect([refused.status, refused.body.code]).toEqual([422, 'invoice_credited']);
  });

  it('refuses bad amounts, future dates, unknown ids and too much, and writes nothing', async () => {
    const { tenantId, invoices } = await tenantWithInvoices(['2012-02', '2012-03']);
    const [february, march] = invoices as [InvoiceBody, InvoiceBody];
    await pay(february.id, 12_000); // 1,500 credit
    const dataSource = t.app.get(DataSource);
    const counts = () =>
      dataSource.query(
        `SELECT (SELECT count(*)::int FROM payment) AS payments, (SELECT count(*)::int FROM credit_entry) AS entries,
                (SELECT coalesce(sum(balance_cents), 0)::int FROM tenant_credit) AS credit`,
      );
    const before = await counts();

    const refusals: [Promise<{ status: number; body: { code: string; details?: { field?: string }[] } }>, number, string | string[]][] = [
      [pay(march.id, 0), 400, ['amountCents']],
      [pay(march.id, -500), 400, ['amountCents']],
      [pay(march.id, 500, '2012-03-16'), 400, ['paidOn']],
      [pay(march.id, 500, '2030-01-01'), 400, ['paidOn']],
      [pay(randomUUID(), 500), 404, 'invoice_not_found'],
      [applyCredit(march.id, { amountCents: 0 }), 400, ['amountCents']],
      [applyCredit(march.id, { amountCents: -1 }), 400, ['amountCents']],
      [applyCredit(march.id, { amountCents: 1501 }), 422, 'credit_exceeds_balance'],
      [applyCredit(randomUUID()), 404, 'invoice_not_found'],
      [refund(tenantId, 0), 400, ['amountCents']],
      [refund(tenantId, -100), 400, ['amountCents']],
      [refund(tenantId, 100, '2012-03-16'), 400, ['refundedOn']],
      [refund(tenantId, 1501), 422, 'refund_exceeds_credit'],
      [refund(randomUUID(), 100), 404, 'tenant_not_found'],
      [t.http().post(`/api/tenants/${tenantId}/refunds`).set(t.admin).send({ amountCents: 100 }), 400, ['refundedOn']],
      [reverse(randomUUID()), 404, 'payment_not_found'],
      [
        t
          .http()
          .post(`/api/payments/${(await invoice(february.id)).payments[0]!.id}/reverse`)
          .set(t.admin)
          .send({}),
        400,
        ['reason'],
      ],
      [reverse((await invoice(february.id)).payments[0]!.id, ''), 400, ['reason']],
      [reverse((await invoice(february.id)).payments[0]!.id, '   '), 400, ['reason']],
    ];
    for (const [call, status, expected] of refusals) {
      const response = await call;
      expect([response.status, Array.isArray(expected) ? fields(response.body) : response.body.code]).toEqual([status, expected]);
    }
    expect(await counts()).toEqual(before);

    // More than the invoice still asks, though the balance would cover it.
    await pay(march.id, 9500);
    const overOpen = await applyCredit(march.id, { amountCents: 1001 });
    expect([overOpen.status, overOpen.body.code]).toEqual([422, 'credit_exceeds_open']);
    expect((await applyCredit(march.id)).body).toMatchObject({ status: 'paid', paidCents: 10_500 });
    expect((await balance(tenantId)).creditCents).toBe(500);
  });
});
