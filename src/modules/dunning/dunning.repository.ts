import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import type { ArrangementStatus, DunningStep } from './dunning-rules.js';
import { DunningStepSent } from './dunning-step.entity.js';
import { ArrangementInstalment, ArrangementInvoice, PaymentArrangement } from './payment-arrangement.entity.js';

/** An open invoice as the invoices module publishes it, with what a letter needs. */
export interface InvoiceBalance {
  invoiceId: string;
  number: string;
  buildingId: string;
  tenantId: string;
  status: string;
  dueDate: string;
  totalCents: number;
  paidCents: number;
  openCents: number;
  paymentReference: string;
  issuerName: string;
  issuerAddress: string | null;
  issuerIban: string | null;
  customerName: string;
  customerAddress: string | null;
}

export interface DunningCandidate extends InvoiceBalance {
  lastStep: DunningStep | null;
  lastSentOn: string | null;
}

export interface ArrearsRow {
  tenantId: string;
  tenantName: string;
  invoiceId: string;
  number: string;
  dueDate: string;
  openCents: number;
  lastStep: DunningStep | null;
  lastStepOn: string | null;
  arrangementId: string | null;
  arrangementStatus: ArrangementStatus | null;
}

const BALANCE_COLUMNS = `b.invoice_id AS "invoiceId", b.number, b.building_id AS "buildingId", b.tenant_id AS "tenantId", b.status,
  b.due_date::text AS "dueDate", b.total_cents::int AS "totalCents", b.paid_cents::int AS "paidCents", b.open_cents::int AS "openCents",
  b.payment_reference AS "paymentReference", b.issuer_name AS "issuerName", b.issuer_address AS "issuerAddress",
  b.issuer_iban AS "issuerIban", b.customer_name AS "customerName", b.customer_address AS "customerAddress"`;

@Injectable()
export class DunningRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Daily runs take turns, so two workers sweeping the same day write each letter once. */
  async lockDailyRun(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('dunning.send-due'))`);
  }

  /**
   * Invoices overdue on `day` that no active arrangement covers and no direct-debit batch is collecting
   * (the bank has not answered yet), of `invoiceIds` if given, with the last step sent to each.
   */
  async overdueWithoutArrangement(
    day: string,
    manager: EntityManager = this.dataSource.manager,
    invoiceIds: string[] | null = null,
  ): Promise<DunningCandidate[]> {
    return manager.query(
      `SELECT ${BALANCE_COLUMNS}, s.step AS "lastStep", s.sent_on::text AS "lastSentOn"
         FROM invoice_balance b
         LEFT JOIN LATERAL (SELECT d.step, d.sent_on FROM dunning_step d WHERE d.invoice_id = b.invoice_id ORDER BY d.step DESC LIMIT 1) s ON TRUE
        WHERE b.status = 'open' AND b.due_date < $1 AND b.open_cents > 0
          AND NOT EXISTS (SELECT 1 FROM arrangement_invoice x WHERE x.invoice_id = b.invoice_id AND x.active)
          AND NOT EXISTS (SELECT 1 FROM invoice_pending_collection p WHERE p.invoice_id = b.invoice_id)
          AND ($2::uuid[] IS NULL OR b.invoice_id = ANY($2::uuid[]))
        ORDER BY b.number`,
      [day, invoiceIds],
    );
  }

  /** The unique key (invoice, step) refuses a second letter even if two writers got past the daily run's lock. */
  async insertSteps(manager: EntityManager, steps: Omit<DunningStepSent, 'id' | 'createdAt'>[]): Promise<void> {
    if (steps.length > 0) await manager.insert(DunningStepSent, steps);
  }

  stepsOfInvoice(invoiceId: string): Promise<DunningStepSent[]> {
    return this.dataSource.getRepository(DunningStepSent).find({ where: { invoiceId }, order: { step: 'ASC' } });
  }

  findStep(invoiceId: string, step: number): Promise<DunningStepSent | null> {
    return this.dataSource.getRepository(DunningStepSent).findOneBy({ invoiceId, step: step as DunningStep });
  }

  async balances(invoiceIds: string[], manager: EntityManager = this.dataSource.manager): Promise<InvoiceBalance[]> {
    if (invoiceIds.length === 0) return [];
    return manager.query(`SELECT ${BALANCE_COLUMNS} FROM invoice_balance b WHERE b.invoice_id = ANY($1::uuid[])`, [invoiceIds]);
  }

  async insertArrangement(
    manager: EntityManager,
    arrangement: Pick<PaymentArrangement, 'tenantId' | 'agreedOn' | 'totalCents' | 'paidAtStartCents' | 'agreedBy'>,
    invoiceIds: string[],
    instalments: { dueDate: string; amountCents: number }[],
  ): Promise<PaymentArrangement> {
    const saved = await manager.getRepository(PaymentArrangement).save(manager.getRepository(PaymentArrangement).create(arrangement));
    await manager.insert(
      ArrangementInvoice,
      invoiceIds.map((invoiceId) => ({ arrangementId: saved.id, invoiceId })),
    );
    await manager.insert(
      ArrangementInstalment,
      instalments.map((instalment, index) => ({ arrangementId: saved.id, position: index + 1, ...instalment })),
    );
    return saved;
  }

  findArrangement(id: string): Promise<PaymentArrangement | null> {
    return this.dataSource.getRepository(PaymentArrangement).findOneBy({ id });
  }

  arrangementsOf(tenantId: string): Promise<PaymentArrangement[]> {
    return this.dataSource.getRepository(PaymentArrangement).find({ where: { tenantId }, order: { createdAt: 'DESC' } });
  }

  activeArrangements(manager: EntityManager): Promise<PaymentArrangement[]> {
    return manager.getRepository(PaymentArrangement).find({ where: { status: 'active' }, order: { createdAt: 'ASC' } });
  }

  async instalmentsOf(
    arrangementIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, ArrangementInstalment[]>> {
    const rows = arrangementIds.length
      ? await manager
          .getRepository(ArrangementInstalment)
          .find({ where: { arrangementId: In(arrangementIds) }, order: { position: 'ASC' } })
      : [];
    return groupBy(rows, (row) => row.arrangementId);
  }

  async invoiceIdsOf(arrangementIds: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, string[]>> {
    const rows = arrangementIds.length
      ? await manager.getRepository(ArrangementInvoice).find({ where: { arrangementId: In(arrangementIds) }, order: { invoiceId: 'ASC' } })
      : [];
    const grouped = groupBy(rows, (row) => row.arrangementId);
    return new Map([...grouped].map(([id, invoices]) => [id, invoices.map((invoice) => invoice.invoiceId)]));
  }

  /** What the arrangements' invoices have been paid in all, per arrangement. */
  async paidOnInvoicesOf(arrangementIds: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, number>> {
    if (arrangementIds.length === 0) return new Map();
    const rows = await manager.query<{ arrangementId: string; paidCents: number }[]>(
      `SELECT x.arrangement_id AS "arrangementId", sum(b.paid_cents)::int AS "paidCents"
         FROM arrangement_invoice x JOIN invoice_balance b ON b.invoice_id = x.invoice_id
        WHERE x.arrangement_id = ANY($1::uuid[]) GROUP BY x.arrangement_id`,
      [arrangementIds],
    );
    return new Map(rows.map((row) => [row.arrangementId, row.paidCents]));
  }

  /** Ends an active arrangement and frees its invoices for reminders; false when it was no longer active. */
  async endArrangement(
    manager: EntityManager,
    id: string,
    status: Exclude<ArrangementStatus, 'active'>,
    endedOn: string,
  ): Promise<boolean> {
    const ended = await manager.query<unknown[]>(
      `UPDATE payment_arrangement SET status = $2, ended_on = $3 WHERE id = $1 AND status = 'active' RETURNING id`,
      [id, status, endedOn],
    );
    if (ended.length === 0) return false;
    await manager.query(`UPDATE arrangement_invoice SET active = false WHERE arrangement_id = $1`, [id]);
    return true;
  }

  async lockArrangement(manager: EntityManager, id: string): Promise<PaymentArrangement | null> {
    return manager.getRepository(PaymentArrangement).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  arrearsOn(buildingId: string, day: string): Promise<ArrearsRow[]> {
    return this.dataSource.query(
      `SELECT a.tenant_id AS "tenantId", a.tenant_name AS "tenantName", a.invoice_id AS "invoiceId", a.number,
              a.due_date::text AS "dueDate", a.open_cents::int AS "openCents", a.last_step AS "lastStep", a.last_step_on::text AS "lastStepOn",
              a.arrangement_id AS "arrangementId", a.arrangement_status AS "arrangementStatus"
         FROM dunning_arrears_on($1) a WHERE a.building_id = $2 ORDER BY a.tenant_name, a.tenant_id, a.due_date, a.number`,
      [day, buildingId],
    );
  }
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) grouped.set(key(row), [...(grouped.get(key(row)) ?? []), row]);
  return grouped;
}
