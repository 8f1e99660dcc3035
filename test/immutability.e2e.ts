import { DataSource } from 'typeorm';
import { FixedClock } from '../src/common/clock/clock.js';
import { asOwner } from './helpers/database.js';
import { eventually } from './helpers/eventually.js';
import { createBuilding, createIssuer, seedLeases } from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/** What was issued, paid or credited stays so in the database itself, whatever SQL reaches it. */
describe('immutability at the database', () => {
  let t: TestApp;
  let db: DataSource;
  let paid: { id: string };
  let credited: { id: string };
  beforeAll(async () => {
    t = await startTestApp({}, { clock: FixedClock.on('2012-03-01') });
    db = t.app.get(DataSource);
    const building = await createBuilding(t, { umbrellaId: (await createIssuer(t)).id });
    await seedLeases(t, building.id, 2);
    const run = await t.http().post(`/api/buildings/${building.id}/invoice-runs`).set(t.admin).send({ period: '2012-03' });
    await eventually(async () => {
      expect((await t.http().get(`/api/invoice-runs/${run.body.id}`).set(t.admin)).body.status).toBe('completed');
    }, 30_000);
    const invoices = (await t.http().get(`/api/invoices?buildingId=${building.id}`).set(t.admin)).body.items;
    [paid, credited] = invoices;
    const payment = await t.http().post(`/api/invoices/${paid.id}/payments`).set(t.admin).send({ amountCents: 500, paidOn: '2012-03-01' });
    expect(payment.status).toBe(201);
    const creditNote = await t.http().post(`/api/invoices/${credited.id}/credit-notes`).set(t.admin).send({ reason: 'wrong space' });
    expect(creditNote.status).toBe(201);
  });
  afterAll(() => t.close());

  it('refuses a line added to an issued invoice', async () => {
    await expect(
      db.query(
        `INSERT INTO invoice_line (invoice_id, position, kind, description, period_start, period_end, amount_ex_vat_cents, vat_rate_bps, vat_cents)
         VALUES ($1, 99, 'rent', 'extra', '2012-03-01', '2012-03-31', 100000, 0, 0)`,
        [paid.id],
      ),
    ).rejects.toThrow(/lines cannot be added to an issued invoice/);
    await expect(db.query(`UPDATE invoice SET created_at = now() WHERE id = $1`, [paid.id])).rejects.toThrow(/cannot change/);
    const [{ lines }] = await db.query(`SELECT count(*)::int AS lines FROM invoice_line WHERE invoice_id = $1`, [paid.id]);
    expect(lines).toBe(1);
  });

  it('keeps a credited invoice credited', async () => {
    for (const status of ['open', 'paid']) {
      await expect(db.query(`UPDATE invoice SET status = $2 WHERE id = $1`, [credited.id, status])).rejects.toThrow(/stays credited/);
    }
    expect((await t.http().get(`/api/invoices/${credited.id}`).set(t.admin)).body.status).toBe('credited');
  });

  it('refuses to change or delete a payment', async () => {
    await expect(db.query(`UPDATE payment SET amount_cents = 1000000 WHERE invoice_id = $1`, [paid.id])).rejects.toThrow(/immutable/);
    await expect(db.query(`DELETE FROM payment WHERE invoice_id = $1`, [paid.id])).rejects.toThrow(/immutable/);
    const detail = (await t.http().get(`/api/invoices/${paid.id}`).set(t.admin)).body;
    expect(detail.payments.map((payment: { amountCents: number }) => payment.amountCents)).toEqual([500]);
  });

  const truncations = [
    'TRUNCATE invoice_line',
    'TRUNCATE payment CASCADE',
    'TRUNCATE invoice CASCADE',
    'TRUNCATE document CASCADE',
    'TRUNCATE invoice_line, payment CASCADE',
    'TRUNCATE credit_entry',
    'TRUNCATE tenant_credit CASCADE',
  ];

  it('gives the app a role that may not TRUNCATE, ALTER or DROP a table, nor create one', async () => {
    expect(await db.query(`SELECT current_user AS role`)).toEqual([{ role: 'broedplaats_app' }]);
    for (const statement of [
      'TRUNCATE invoice',
      'TRUNCATE payment',
      ...truncations,
      'TRUNCATE lease CASCADE',
      'ALTER TABLE invoice DISABLE TRIGGER ALL',
      'ALTER TABLE payment ADD COLUMN note text',
      'DROP TABLE payment CASCADE',
      'DROP TRIGGER payment_immutable ON payment',
      'CREATE TABLE stash (id int)',
    ]) {
      await expect(db.query(statement)).rejects.toThrow(/permission denied|must be owner/);
    }
    // Every connection of the pool, not only the first: a burst of parallel statements takes several.
    const roles = await Promise.all(Array.from({ length: 8 }, () => db.query(`SELECT current_user AS role, pg_sleep(0.05)`)));
    expect(new Set(roles.map(([row]) => row.role))).toEqual(new Set(['broedplaats_app']));
  });

  it('refuses TRUNCATE of invoices, lines, payments, the credit ledger and documents, to the schema’s owner too', async () => {
    await asOwner(db, async (owner) => {
      for (const statement of truncations) await expect(owner.query(statement)).rejects.toThrow(/immutable/);
      // Without CASCADE the credit ledger's reference to payments refuses it first.
      await expect(owner.query('TRUNCATE payment')).rejects.toThrow(/immutable|referenced in a foreign key/);
    });
    const [counts] = await db.query(
      `SELECT (SELECT count(*)::int FROM invoice) AS invoices, (SELECT count(*)::int FROM invoice_line) AS lines,
              (SELECT count(*)::int FROM payment) AS payments, (SELECT count(*)::int FROM document) AS documents`,
    );
    expect(counts).toEqual({ invoices: 3, lines: 3, payments: 1, documents: 3 });
  });
});
