import { FixedClock } from '../src/common/clock/clock.js';
import { eventually } from './helpers/eventually.js';
import { createBuilding, createIssuer, seedLeases } from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

describe('payments booked once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { clock: FixedClock.on('2012-03-01') });
  });
  afterAll(() => t.close());

  /** Two fresh invoices, nothing paid on them yet. */
  async function invoices(prefix: string): Promise<{ id: string; totalCents: number }[]> {
    const issuer = await createIssuer(t);
    const building = await createBuilding(t, { umbrellaId: issuer.id, invoicePrefix: prefix });
    await seedLeases(t, building.id, 2);
    const started = await t.http().post(`/api/buildings/${building.id}/invoice-runs`).set(t.admin).send({ period: '2012-03' });
    await eventually(async () => {
      expect((await t.http().get(`/api/invoice-runs/${started.body.id}`).set(t.admin)).body.status).toBe('completed');
    }, 30_000);
    return (await t.http().get(`/api/invoices?buildingId=${building.id}`).set(t.admin)).body.items;
  }
  const pay = (invoiceId: string, body: Record<string, unknown>, key?: string) => {
    const call = t.http().post(`/api/invoices/${invoiceId}/payments`).set(t.admin);
    return (key ? call.set('Idempotency-Key', key) : call).send({ paidOn: '2012-03-01', ...body });
  };

  it('books 20 parallel identical requests under one key once, and answers each with that payment', async () => {
    const [invoice] = await invoices('IDMA');
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => pay(invoice!.id, { amountCents: 4000, reference: 'r-1' }, 'key-a')),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(201));
    const paymentIds = new Set(responses.map((response) => response.body.payments.map((p: { id: string }) => p.id).join()));
    expect([...paymentIds]).toHaveLength(1);
    const detail = (await t.http().get(`/api/invoices/${invoice!.id}`).set(t.admin)).body;
    expect(detail).toMatchObject({ paidCents: 4000, status: 'open' });
    expect(detail.payments).toHaveLength(1);
  });

  it('answers 409 for a key reused with another body, on the same invoice or another', async () => {
    const [first, second] = await invoices('IDMB');
    expect((await pay(first!.id, { amountCents: 1000 }, 'key-b')).status).toBe(201);
    const otherAmount = await pay(first!.id, { amountCents: 1001 }, 'key-b');
    expect(otherAmount.status).toBe(409);
    expect(otherAmount.body.code).toBe('idempotency_key_reused');
    expect((await pay(second!.id, { amountCents: 1000 }, 'key-b')).status).toBe(409);
    expect((await pay(first!.id, { amountCents: 1000 }, 'key-b')).status).toBe(201);
    expect((await t.http().get(`/api/invoices/${first!.id}`).set(t.admin)).body.paidCents).toBe(1000);
    expect((await t.http().get(`/api/invoices/${second!.id}`).set(t.admin)).body.paidCents).toBe(0);
    expect((await pay(first!.id, { amountCents: 1000 }, 'x'.repeat(201))).status).toBe(400);
  });

  it('refuses a bank reference already booked on the invoice unless forced', async () => {
    const [first, second] = await invoices('IDMC');
    expect((await pay(first!.id, { amountCents: 2000, reference: 'statement 4 line 7' })).status).toBe(201);
    const again = await pay(first!.id, { amountCents: 2000, reference: ' statement 4 line 7 ' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('payment_reference_booked');
    expect((await pay(second!.id, { amountCents: 2000, reference: 'statement 4 line 7' })).status).toBe(201);
    const forced = await pay(first!.id, { amountCents: 2000, reference: 'statement 4 line 7', force: true });
    expect(forced.status).toBe(201);
    expect(forced.body).toMatchObject({ paidCents: 4000 });
    expect((await pay(first!.id, { amountCents: 2000, force: 'yes' })).status).toBe(400);
  });

  it('refuses more than ten times what is open on the invoice with 422', async () => {
    const [invoice] = await invoices('IDMD');
    const tenfold = 10 * invoice!.totalCents;
    const huge = await pay(invoice!.id, { amountCents: 1_000_000_000 });
    expect(huge.status).toBe(422);
    expect(huge.body.code).toBe('payment_too_large');
    expect((await pay(invoice!.id, { amountCents: tenfold + 1 })).status).toBe(422);
    expect((await pay(invoice!.id, { amountCents: tenfold })).status).toBe(201);
    expect((await pay(invoice!.id, { amountCents: 1 })).status).toBe(422); // nothing is open any more
    expect((await t.http().get(`/api/invoices/${invoice!.id}`).set(t.admin)).body.paidCents).toBe(tenfold);
  });
});
