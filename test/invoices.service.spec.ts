import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { SYSTEM_PRINCIPAL } from '../src/common/auth/principal.js';
import { FixedClock } from '../src/common/clock/clock.js';
import { periodRange } from '../src/common/dates.js';
import { invoiceStatus } from '../src/modules/invoices/invoice-status.js';
import { InvoicesRepository } from '../src/modules/invoices/invoices.repository.js';
import { InvoicesService } from '../src/modules/invoices/invoices.service.js';
import { IssueInvoiceService } from '../src/modules/invoices/issue-invoice.service.js';
import { seedBuilding, seedLeases } from './helpers/factories.js';
import { startTestModule, type TestModule } from './helpers/test-module.js';

/** The invoices service and repository on the real database (no HTTP). */
describe('invoices on the database', () => {
  let t: TestModule;
  let repository: InvoicesRepository;
  beforeAll(async () => {
    t = await startTestModule({}, { clock: FixedClock.on('2012-03-01') });
    repository = t.app.get(InvoicesRepository);
  });
  afterAll(() => t?.close());

  /** Issues March 2012 for `count` seeded leases, without the run's jobs or PDFs. */
  async function issueInvoices(count: number): Promise<{ id: string; totalCents: number }[]> {
    const building = await seedBuilding(t);
    await seedLeases(t, building.id, count, { serviceChargeMonthlyCents: 2500 });
    const { run, pendingChunks } = await repository.planRun(building.id, '2012-03', periodRange('2012-03'), count);
    const issuer = t.app.get(IssueInvoiceService);
    const invoices: { id: string; totalCents: number }[] = [];
    for (const input of await repository.pendingBillingInputs(run.id, pendingChunks[0]!, '2012-03')) {
      const issued = await issuer.issue(input, '2012-03', { runId: run.id });
      if (issued.outcome !== 'issued') throw new Error(`lease ${input.leaseId}: ${issued.outcome}`);
      invoices.push({ id: issued.invoice.id, totalCents: issued.invoice.totalCents });
    }
    return invoices;
  }

  async function stored(id: string): Promise<{ status: string; paidCents: number; totalCents: number }> {
    const [row] = await t.dataSource.query<{ status: string; paid_cents: string; total_cents: string }[]>(
      `SELECT status, paid_cents, total_cents FROM invoice WHERE id = $1`,
      [id],
    );
    return { status: row!.status, paidCents: Number(row!.paid_cents), totalCents: Number(row!.total_cents) };
  }

  it('stores, payment after payment, the sum paid and the status invoiceStatus gives for it', async () => {
    const invoices = await issueInvoices(12);
    const invoicesService = t.app.get(InvoicesService);
    for (const [index, invoice] of invoices.entries()) {
      // Part payments, sometimes topped up to exactly the total, sometimes beyond it.
      const [plan] = fc.sample(
        fc.record({
          parts: fc.array(fc.integer({ min: 1, max: invoice.totalCents }), { minLength: 1, maxLength: 3 }),
          settle: fc.boolean(),
        }),
        { numRuns: 1, seed: index },
      );
      const paid = plan!.parts.reduce((sum, part) => sum + part, 0);
      const amounts = plan!.settle && paid < invoice.totalCents ? [...plan!.parts, invoice.totalCents - paid] : plan!.parts;
      let paidCents = 0;
      for (const amountCents of amounts) {
        const pay = () => invoicesService.recordPayment(invoice.id, { amountCents, paidOn: '2012-03-01' }, SYSTEM_PRINCIPAL);
        // A payment over ten times what is open is refused (on a settled invoice nothing is open).
        if (amountCents > 10 * Math.max(0, invoice.totalCents - paidCents)) {
          await expect(pay()).rejects.toMatchObject({ code: 'payment_too_large' });
          expect((await stored(invoice.id)).paidCents).toBe(paidCents);
          break;
        }
        await pay();
        paidCents += amountCents;
        const row = await stored(invoice.id);
        expect(row).toEqual({ totalCents: invoice.totalCents, paidCents, status: invoiceStatus({ ...row, credited: false }) });
      }
    }
    const statuses = new Set(await Promise.all(invoices.map(async (invoice) => (await stored(invoice.id)).status)));
    expect(statuses).toEqual(new Set(['open', 'paid']));
  });

  it('stores a credited invoice as credited and its credit note as settled', async () => {
    const [invoice] = await issueInvoices(1);
    const invoicesService = t.app.get(InvoicesService);
    await invoicesService.recordPayment(invoice!.id, { amountCents: 100, paidOn: '2012-03-01' }, SYSTEM_PRINCIPAL);
    const creditNote = await invoicesService.credit(invoice!.id, 'wrong rate', SYSTEM_PRINCIPAL);
    expect((await stored(invoice!.id)).status).toBe('credited');
    const note = await stored(creditNote.id);
    expect(note).toEqual({ totalCents: -invoice!.totalCents, paidCents: 0, status: invoiceStatus({ ...note, credited: false }) });
    expect(note.status).toBe('paid');
  });

  it('gives a number back when its transaction rolls back', async () => {
    const prefix = `R${Date.now() % 100_000}`;
    await repository.transaction((manager) => repository.takeNextNumber(manager, prefix, 2012));
    await expect(
      repository.transaction(async (manager) => {
        await repository.takeNextNumber(manager, prefix, 2012);
        throw new Error('failed after numbering');
      }),
    ).rejects.toThrow('failed after numbering');
    const next = await repository.transaction((manager) => repository.takeNextNumber(manager, prefix, 2012));
    expect(next.number).toBe(2);
  });

  // PGlite serves one connection, so two transactions there cannot even be open at once.
  (process.env.DATABASE_URL ? it : it.skip)('makes a second transaction wait for the counter until the first ends', async () => {
    const prefix = `W${Date.now() % 100_000}`;
    await repository.transaction((manager) => repository.takeNextNumber(manager, prefix, 2012));
    const events: string[] = [];
    let second: Promise<number> | undefined;
    await repository.transaction(async (manager) => {
      events.push(`first took ${(await repository.takeNextNumber(manager, prefix, 2012)).number}`);
      second = repository.transaction(async (other) => {
        const { number } = await repository.takeNextNumber(other, prefix, 2012);
        events.push(`second took ${number}`);
        return number;
      });
      await sleep(300);
      events.push('first commits');
    });
    await second;
    expect(events).toEqual(['first took 2', 'first commits', 'second took 3']);
  });
});
