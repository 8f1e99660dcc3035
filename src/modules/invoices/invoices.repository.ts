import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, type DataSource, type EntityManager } from 'typeorm';
import type { Page } from '../../common/pagination/page.js';
import type { ChargeableLease, ChargeLine } from './charges.js';
import type { InvoicePaymentMethod } from './invoice-pdf.js';
import {
  CreditEntry,
  type EInvoiceUnavailableReason,
  Invoice,
  InvoiceLine,
  type InvoiceStatus,
  type PartySnapshot,
  Payment,
} from './invoice.entity.js';
import { InvoiceRun } from './invoice-run.entity.js';
import type { JobStatus } from '../../jobs/job-status.js';

/** What issuing one lease's invoice needs, gathered for a whole chunk in one query. */
export interface BillingInput {
  leaseId: string;
  tenantId: string;
  buildingId: string;
  invoicePrefix: string;
  lease: ChargeableLease;
  issuer: PartySnapshot;
  customer: PartySnapshot;
}

export interface InvoiceFilter {
  buildingId?: string;
  period?: string;
  tenantId?: string;
  /** An umbrella's staff: only invoices of the umbrella's buildings. */
  umbrellaId?: string;
  /** The year of the invoice date (the year in the invoice's number). */
  year?: number;
  /** `overdue`: invoices (not credit notes) still open after their due date, as of `today`. */
  status?: InvoiceStatus | 'overdue';
  today: string;
}

const PARTY_OF_ORGANISATION = `json_build_object('name', o.name, 'address', o.address, 'kvkNumber', o.kvk_number,
  'vatNumber', o.vat_number, 'iban', o.iban, 'email', NULL)`;
/** A tenant without an address of its own is billed at its space in the building. */
const PARTY_OF_TENANT = `json_build_object('name', t.name,
  'address', coalesce(t.address, b.address || ' (ruimte ' || s.code || '), ' || b.city), 'kvkNumber', t.kvk_number,
  'vatNumber', t.vat_number, 'iban', NULL, 'email', t.email, 'peppolId', t.peppol_id)`;

@Injectable()
export class InvoicesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  // ── runs ──────────────────────────────────────────────────────────────────────────────

  /**
   * Creates the run of a building and period, or finds it (the row lock makes simultaneous
   * starts wait for each other), and plans every lease of the period that has no invoice yet
   * into chunks of `chunkSize`. Returns the run, whether it is new, and the chunks with work.
   */
  planRun(buildingId: string, period: string, bounds: { first: string; last: string }, chunkSize: number) {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ id: string; inserted: boolean }[]>(
        `INSERT INTO invoice_run (building_id, period) VALUES ($1, $2)
         ON CONFLICT (building_id, period) DO UPDATE SET period = EXCLUDED.period
         RETURNING id, (xmax = 0) AS inserted`,
        [buildingId, period],
      );
      const runId = row!.id;
      // Under the row lock: what the run was before this planning.
      const [before] = await manager.query<{ status: string }[]>(`SELECT status FROM invoice_run WHERE id = $1`, [runId]);
      const added = await manager.query<{ lease_id: string }[]>(
        `INSERT INTO invoice_run_item (run_id, lease_id, chunk)
         SELECT $1, l.lease_id, coalesce((SELECT max(chunk) + 1 FROM invoice_run_item WHERE run_id = $1), 0) + (row_number() OVER (ORDER BY l.lease_id) - 1) / $5
           FROM lease_running_within($3, $4) l
          WHERE l.building_id = $2
            AND NOT EXISTS (SELECT 1 FROM invoice i WHERE i.lease_id = l.lease_id AND i.period = $6 AND i.kind = 'invoice')
            AND NOT EXISTS (SELECT 1 FROM invoice_run_item x WHERE x.run_id = $1 AND x.lease_id = l.lease_id)
         RETURNING lease_id`,
        [runId, buildingId, bounds.first, bounds.last, chunkSize, period],
      );
      const pending = await manager.query<{ chunk: number }[]>(
        `SELECT DISTINCT chunk FROM invoice_run_item WHERE run_id = $1 AND NOT done ORDER BY chunk`,
        [runId],
      );
      // Only a failed run's chunks get fresh job ids (its jobs failed for good and stay in the queue as
      // failed); an active run's chunks keep theirs, so posting it again queues nothing twice. New
      // leases go into new chunks, whose ids are new anyway.
      await manager.query(
        `UPDATE invoice_run SET total = (SELECT count(*) FROM invoice_run_item WHERE run_id = $1),
                generation = generation + CASE WHEN $2 AND $3 AND $4 THEN 1 ELSE 0 END,
                status = CASE WHEN NOT $3 THEN 'completed' WHEN status = 'running' THEN 'running' ELSE 'queued' END,
                error = CASE WHEN $3 THEN NULL ELSE error END,
                completed_at = CASE WHEN $3 THEN NULL ELSE coalesce(completed_at, now()) END
          WHERE id = $1`,
        [runId, !row!.inserted, pending.length > 0, before!.status === 'failed'],
      );
      const run = await manager.findOneByOrFail(InvoiceRun, { id: runId });
      return { run, created: row!.inserted, pendingChunks: pending.map((chunk) => chunk.chunk), plannedLeases: added.length };
    });
  }

  /** The chunks with work left of every run that is queued or running, for the recovery sweep. */
  async unfinishedChunks(): Promise<{ runId: string; generation: number; chunk: number }[]> {
    const rows = await this.dataSource.query<{ run_id: string; generation: number; chunk: number }[]>(
      `SELECT DISTINCT r.id AS run_id, r.generation, item.chunk
         FROM invoice_run r JOIN invoice_run_item item ON item.run_id = r.id AND NOT item.done
        WHERE r.status IN ('queued', 'running')
        ORDER BY r.id, item.chunk`,
    );
    return rows.map((row) => ({ runId: row.run_id, generation: row.generation, chunk: row.chunk }));
  }

  async buildingsWithLeasesIn(bounds: { first: string; last: string }): Promise<string[]> {
    const rows = await this.dataSource.query<{ building_id: string }[]>(
      `SELECT DISTINCT building_id FROM lease_running_within($1, $2) ORDER BY building_id`,
      [bounds.first, bounds.last],
    );
    return rows.map((row) => row.building_id);
  }

  /** A building's runs, newest period first. */
  async findRunsPage(
    filter: { buildingId: string; status?: JobStatus },
    page: { limit: number; offset: number },
  ): Promise<Page<InvoiceRun>> {
    const query = this.dataSource
      .getRepository(InvoiceRun)
      .createQueryBuilder('run')
      .where('run.building_id = :buildingId', { buildingId: filter.buildingId });
    if (filter.status) query.andWhere('run.status = :status', { status: filter.status });
    const [items, total] = await query
      .orderBy('run.period', 'DESC')
      .addOrderBy('run.id')
      .take(page.limit)
      .skip(page.offset)
      .getManyAndCount();
    return { items, total };
  }

  findRun(id: string): Promise<InvoiceRun | null> {
    return this.dataSource.getRepository(InvoiceRun).findOneBy({ id });
  }

  async markRunRunning(runId: string): Promise<void> {
    await this.dataSource.query(`UPDATE invoice_run SET status = 'running' WHERE id = $1 AND status = 'queued'`, [runId]);
  }

  async markRunFailed(runId: string, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE invoice_run SET status = 'failed', error = $2 WHERE id = $1 AND status <> 'completed'`, [
      runId,
      error.slice(0, 1000),
    ]);
  }

  /** Progress from the items and invoices themselves, so concurrent chunks cannot miscount. */
  async refreshRunProgress(runId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE invoice_run r
          SET done = p.done, total = p.total, invoice_count = p.invoices, total_cents = p.cents,
              status = CASE WHEN p.done = p.total THEN 'completed' WHEN r.status = 'failed' THEN 'failed' ELSE 'running' END,
              completed_at = CASE WHEN p.done = p.total THEN coalesce(r.completed_at, now()) ELSE NULL END
         FROM (SELECT count(*) FILTER (WHERE done)::int AS done, count(*)::int AS total,
                      (SELECT count(*)::int FROM invoice WHERE run_id = $1) AS invoices,
                      (SELECT coalesce(sum(total_cents), 0) FROM invoice WHERE run_id = $1) AS cents
                 FROM invoice_run_item WHERE run_id = $1) p
        WHERE r.id = $1`,
      [runId],
    );
  }

  /** Billing inputs for the leases of a chunk that are not done, with their rate revisions. */
  async pendingBillingInputs(runId: string, chunk: number, period: string): Promise<(BillingInput & { invoiceId: string | null })[]> {
    const rows = await this.dataSource.query<
      {
        lease_id: string;
        tenant_id: string;
        building_id: string;
        invoice_prefix: string;
        start_date: string;
        end_date: string | null;
        area_m2: string;
        space_code: string;
        service_charge_monthly_cents: number;
        vat_regime: 'exempt' | 'standard';
        revisions: ChargeableLease['revisions'];
        issuer: PartySnapshot;
        customer: PartySnapshot;
        invoice_id: string | null;
      }[]
    >(
      `SELECT l.lease_id, l.tenant_id, l.building_id, b.invoice_prefix,
              to_char(l.start_date, 'YYYY-MM-DD') AS start_date, to_char(l.end_date, 'YYYY-MM-DD') AS end_date,
              l.area_m2, s.code AS space_code, l.service_charge_monthly_cents, l.vat_regime,
              (SELECT json_agg(json_build_object('effectiveDate', to_char(r.effective_date, 'YYYY-MM-DD'),
                                                 'ratePerM2YearCents', r.rate_per_m2_year_cents, 'bandCode', r.band_code)
                               ORDER BY r.effective_date)
                 FROM lease_rate_revision r WHERE r.lease_id = l.lease_id) AS revisions,
              ${PARTY_OF_ORGANISATION} AS issuer,
              ${PARTY_OF_TENANT} AS customer,
              (SELECT i.id FROM invoice i WHERE i.lease_id = l.lease_id AND i.period = $3 AND i.kind = 'invoice') AS invoice_id
         FROM invoice_run_item item
         JOIN lease_terms l ON l.lease_id = item.lease_id
         JOIN space_placement s ON s.space_id = l.space_id
         JOIN building_register b ON b.building_id = l.building_id
         JOIN organisation_party o ON o.organisation_id = b.umbrella_id
         JOIN tenant_party t ON t.tenant_id = l.tenant_id
        WHERE item.run_id = $1 AND item.chunk = $2 AND NOT item.done
        ORDER BY l.lease_id`,
      [runId, chunk, period],
    );
    return rows.map((row) => ({
      leaseId: row.lease_id,
      tenantId: row.tenant_id,
      buildingId: row.building_id,
      invoicePrefix: row.invoice_prefix,
      issuer: row.issuer,
      customer: row.customer,
      invoiceId: row.invoice_id,
      lease: {
        startDate: row.start_date,
        endDate: row.end_date,
        areaM2: Number(row.area_m2),
        spaceCode: row.space_code,
        serviceChargeMonthlyCents: row.service_charge_monthly_cents,
        vatRegime: row.vat_regime,
        revisions: row.revisions ?? [],
      },
    }));
  }

  async markItemsDone(runId: string, leaseIds: string[], manager?: EntityManager): Promise<void> {
    if (leaseIds.length === 0) return;
    await (manager ?? this.dataSource).query(`UPDATE invoice_run_item SET done = TRUE WHERE run_id = $1 AND lease_id = ANY($2)`, [
      runId,
      leaseIds,
    ]);
  }

  // ── numbering and issuing ─────────────────────────────────────────────────────────────

  /**
   * The next number of a series. The UPDATE locks the counter row until the caller's transaction
   * ends: numbers are taken one at a time, and a rollback gives the number back.
   */
  async takeNextNumber(manager: EntityManager, prefix: string, year: number): Promise<{ seriesId: number; number: number }> {
    const next = () =>
      manager.query<{ series_id: number; last_number: number }[][]>(
        `UPDATE invoice_counter SET last_number = last_number + 1 WHERE prefix = $1 AND year = $2 RETURNING series_id, last_number`,
        [prefix, year],
      );
    let [rows] = await next();
    if (!rows || rows.length === 0) {
      await manager.query(`INSERT INTO invoice_counter (prefix, year) VALUES ($1, $2) ON CONFLICT (prefix, year) DO NOTHING`, [
        prefix,
        year,
      ]);
      [rows] = await next();
    }
    const row = rows![0]!;
    return { seriesId: row.series_id, number: row.last_number };
  }

  /**
   * `count` consecutive numbers of a series at once (the first of them is returned), locking its
   * counter until the caller's transaction ends: a chunk's invoices are numbered all or nothing.
   */
  async takeNextNumbers(manager: EntityManager, prefix: string, year: number, count: number): Promise<{ seriesId: number; first: number }> {
    const next = () =>
      manager.query<{ series_id: number; last_number: number }[][]>(
        `UPDATE invoice_counter SET last_number = last_number + $3 WHERE prefix = $1 AND year = $2 RETURNING series_id, last_number`,
        [prefix, year, count],
      );
    let [rows] = await next();
    if (!rows || rows.length === 0) {
      await manager.query(`INSERT INTO invoice_counter (prefix, year) VALUES ($1, $2) ON CONFLICT (prefix, year) DO NOTHING`, [
        prefix,
        year,
      ]);
      [rows] = await next();
    }
    const row = rows![0]!;
    return { seriesId: row.series_id, first: row.last_number - count + 1 };
  }

  /**
   * Locks the run's items of these leases (in one order, so deliveries of overlapping chunks cannot
   * deadlock) and returns the leases among them that have no invoice of the period yet: a second
   * delivery of a chunk waits here for the first one to end, then finds its invoices.
   */
  async lockLeasesToInvoice(manager: EntityManager, runId: string, leaseIds: string[], period: string): Promise<Set<string>> {
    await manager.query(`SELECT 1 FROM invoice_run_item WHERE run_id = $1 AND lease_id = ANY($2) ORDER BY lease_id FOR UPDATE`, [
      runId,
      leaseIds,
    ]);
    const invoiced = await manager.query<{ lease_id: string }[]>(
      `SELECT lease_id FROM invoice WHERE lease_id = ANY($1) AND period = $2 AND kind = 'invoice'`,
      [leaseIds, period],
    );
    const open = new Set(leaseIds);
    for (const row of invoiced) open.delete(row.lease_id);
    return open;
  }

  /** Many invoices with their lines: one statement for the invoices, one for all their lines. */
  async insertInvoices(
    manager: EntityManager,
    invoices: {
      invoice: Omit<Invoice, 'id' | 'createdAt' | 'documentId' | 'ublDocumentId' | 'eInvoiceUnavailable' | 'preNotifiedMandateId'>;
      lines: ChargeLine[];
    }[],
  ): Promise<Invoice[]> {
    if (invoices.length === 0) return [];
    const rows = invoices.map(({ invoice }) => ({
      ...invoice,
      documentId: null,
      ublDocumentId: null,
      eInvoiceUnavailable: null,
      preNotifiedMandateId: null,
    }));
    const result = await manager.insert(Invoice, rows);
    const saved = rows.map((row, index) => ({ ...row, ...(result.generatedMaps[index] as Pick<Invoice, 'id' | 'createdAt'>) }) as Invoice);
    await manager.insert(
      InvoiceLine,
      invoices.flatMap(({ lines }, index) =>
        lines.map((line, position) => ({ ...line, invoiceId: saved[index]!.id, position: position + 1 })),
      ),
    );
    return saved;
  }

  async insertInvoice(
    manager: EntityManager,
    invoice: Omit<Invoice, 'id' | 'createdAt' | 'documentId' | 'ublDocumentId' | 'eInvoiceUnavailable' | 'preNotifiedMandateId'>,
    lines: ChargeLine[],
  ): Promise<Invoice> {
    const saved = await manager.save(
      manager.create(Invoice, { ...invoice, documentId: null, ublDocumentId: null, eInvoiceUnavailable: null, preNotifiedMandateId: null }),
    );
    await manager.insert(
      InvoiceLine,
      lines.map((line, index) => ({ ...line, invoiceId: saved.id, position: index + 1 })),
    );
    return saved;
  }

  // ── documents ─────────────────────────────────────────────────────────────────────────

  /** Invoices of a run's chunk that have no PDF yet. */
  invoicesWithoutDocument(runId: string, chunk: number): Promise<Invoice[]> {
    return this.dataSource
      .getRepository(Invoice)
      .createQueryBuilder('invoice')
      .innerJoin('invoice_run_item', 'item', 'item.lease_id = invoice.lease_id AND item.run_id = :runId AND item.chunk = :chunk', {
        runId,
        chunk,
      })
      .where('invoice.run_id = :runId AND invoice.document_id IS NULL', { runId })
      .getMany();
  }

  /** Locks the invoices among these that still have no PDF, and returns their ids. */
  async lockInvoicesWithoutDocument(manager: EntityManager, invoiceIds: string[]): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM invoice WHERE id = ANY($1) AND document_id IS NULL ORDER BY id FOR UPDATE`,
      [invoiceIds],
    );
    return rows.map((row) => row.id);
  }

  /** Links each invoice to its PDF and to its UBL, or records why it has no UBL. */
  async attachDocuments(
    manager: EntityManager,
    links: {
      invoiceId: string;
      documentId: string;
      ublDocumentId: string | null;
      eInvoiceUnavailable: EInvoiceUnavailableReason | null;
      /** The mandate the PDF pre-notified the debit under, if it did. */
      preNotifiedMandateId: string | null;
    }[],
  ): Promise<void> {
    await manager.query(
      `UPDATE invoice SET document_id = link.document_id, ubl_document_id = link.ubl_document_id,
              e_invoice_unavailable = link.e_invoice_unavailable, pre_notified_mandate_id = link.pre_notified_mandate_id
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::uuid[])
              AS link(invoice_id, document_id, ubl_document_id, e_invoice_unavailable, pre_notified_mandate_id)
        WHERE invoice.id = link.invoice_id AND invoice.document_id IS NULL`,
      [
        links.map((link) => link.invoiceId),
        links.map((link) => link.documentId),
        links.map((link) => link.ublDocumentId),
        links.map((link) => link.eInvoiceUnavailable),
        links.map((link) => link.preNotifiedMandateId),
      ],
    );
  }

  // ── reading ───────────────────────────────────────────────────────────────────────────

  /**
   * How each invoice is paid, for its PDF: by direct debit when the tenant has an active mandate with the
   * building's umbrella (one for the invoice's lease before one for all its leases), else by transfer.
   */
  async paymentMethodsOf(invoiceIds: string[]): Promise<Map<string, InvoicePaymentMethod>> {
    const rows = await this.dataSource.query<
      {
        invoice_id: string;
        bic: string | null;
        mandate_id: string | null;
        reference: string | null;
        creditor_identifier: string | null;
        iban: string | null;
      }[]
    >(
      `SELECT i.id AS invoice_id, o.bic, m.mandate_id, m.reference, m.creditor_identifier, m.iban
         FROM invoice i
         JOIN building_register b ON b.building_id = i.building_id
         JOIN organisation_party o ON o.organisation_id = b.umbrella_id
         LEFT JOIN LATERAL (
           SELECT * FROM active_mandate_of_tenant m
            WHERE m.tenant_id = i.tenant_id AND m.creditor_id = b.umbrella_id AND (m.lease_id = i.lease_id OR m.lease_id IS NULL)
            ORDER BY m.lease_id NULLS LAST LIMIT 1) m ON TRUE
        WHERE i.id = ANY($1)`,
      [invoiceIds],
    );
    return new Map(
      rows.map((row) => [
        row.invoice_id,
        row.reference !== null
          ? {
              kind: 'direct-debit',
              mandateId: row.mandate_id!,
              mandateReference: row.reference,
              creditorIdentifier: row.creditor_identifier!,
              debtorIban: row.iban!,
            }
          : { kind: 'transfer', bic: row.bic },
      ]),
    );
  }

  findInvoice(id: string, manager?: EntityManager): Promise<Invoice | null> {
    return (manager ?? this.dataSource.manager).findOneBy(Invoice, { id });
  }

  async linesOf(invoiceIds: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, InvoiceLine[]>> {
    const byInvoice = new Map<string, InvoiceLine[]>(invoiceIds.map((id) => [id, []]));
    if (invoiceIds.length === 0) return byInvoice;
    const lines = await manager
      .getRepository(InvoiceLine)
      .createQueryBuilder('line')
      .where('line.invoice_id = ANY(:invoiceIds)', { invoiceIds })
      .orderBy('line.position')
      .getMany();
    for (const line of lines) byInvoice.get(line.invoiceId)?.push(line);
    return byInvoice;
  }

  /** Whether the umbrella rents the building (an umbrella's staff read only their own buildings' invoices). */
  async isBuildingOfUmbrella(buildingId: string, umbrellaId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>('SELECT 1 FROM building_register WHERE building_id = $1 AND umbrella_id = $2', [
      buildingId,
      umbrellaId,
    ]);
    return rows.length > 0;
  }

  async findPage(filter: InvoiceFilter, page: { limit: number; offset: number }): Promise<Page<Invoice>> {
    const query = this.dataSource.getRepository(Invoice).createQueryBuilder('invoice').where('TRUE');
    if (filter.buildingId) query.andWhere('invoice.building_id = :buildingId', { buildingId: filter.buildingId });
    if (filter.period) query.andWhere('invoice.period = :period', { period: filter.period });
    if (filter.tenantId) query.andWhere('invoice.tenant_id = :tenantId', { tenantId: filter.tenantId });
    if (filter.umbrellaId) {
      query.andWhere('invoice.building_id IN (SELECT building_id FROM building_register WHERE umbrella_id = :umbrellaId)', {
        umbrellaId: filter.umbrellaId,
      });
    }
    if (filter.year !== undefined)
      query.andWhere('invoice.issue_date BETWEEN :yearStart AND :yearEnd', {
        yearStart: `${filter.year}-01-01`,
        yearEnd: `${filter.year}-12-31`,
      });
    if (filter.status === 'overdue') {
      query.andWhere(`invoice.kind = 'invoice' AND invoice.status = 'open' AND invoice.due_date < :today`, { today: filter.today });
    } else if (filter.status) {
      query.andWhere('invoice.status = :status', { status: filter.status });
    }
    // The page and its count side by side: two round trips at once, not one after the other.
    const [items, total] = await Promise.all([
      query.clone().orderBy('invoice.number', 'ASC').limit(page.limit).offset(page.offset).getMany(),
      query.getCount(),
    ]);
    return { items, total };
  }

  // ── payments and credit ───────────────────────────────────────────────────────────────

  lockInvoice(manager: EntityManager, id: string): Promise<Invoice | null> {
    return manager
      .getRepository(Invoice)
      .createQueryBuilder('invoice')
      .setLock('pessimistic_write')
      .where('invoice.id = :id', { id })
      .getOne();
  }

  /**
   * Books a row on the invoice and moves its paid amount by the row's (signed) amount; `status` is what
   * the invoice's status becomes with it (see invoice-status.ts).
   */
  async recordPayment(manager: EntityManager, payment: Omit<Payment, 'id' | 'createdAt'>, status: InvoiceStatus): Promise<Payment> {
    const saved = await manager.save(manager.create(Payment, payment));
    await manager.query(`UPDATE invoice SET paid_cents = paid_cents + $2, status = $3 WHERE id = $1`, [
      payment.invoiceId,
      payment.amountCents,
      status,
    ]);
    return saved;
  }

  /** Invoices by payment reference or number; with `umbrellaId` only those of that umbrella's buildings. */
  findPayableByReferenceOrNumber(keys: { paymentReferences: string[]; numbers: string[] }, umbrellaId?: string): Promise<Invoice[]> {
    if (keys.paymentReferences.length === 0 && keys.numbers.length === 0) return Promise.resolve([]);
    const query = this.dataSource
      .getRepository(Invoice)
      .createQueryBuilder('invoice')
      .where("invoice.kind = 'invoice'")
      .andWhere(
        new Brackets((either) =>
          either
            .where('invoice.payment_reference = ANY(:references)', { references: keys.paymentReferences })
            .orWhere('invoice.number = ANY(:numbers)', { numbers: keys.numbers }),
        ),
      );
    if (umbrellaId !== undefined) {
      query.andWhere('invoice.building_id IN (SELECT building_id FROM building_register WHERE umbrella_id = :umbrellaId)', { umbrellaId });
    }
    return query.getMany();
  }

  findPayment(id: string, manager: EntityManager = this.dataSource.manager): Promise<Payment | null> {
    return manager.getRepository(Payment).findOneBy({ id });
  }

  /** The entry that reversed this payment, if any. */
  reversalOf(manager: EntityManager, paymentId: string): Promise<Payment | null> {
    return manager.getRepository(Payment).findOneBy({ reversesPaymentId: paymentId });
  }

  // ── the tenant's credit balance ───────────────────────────────────────────────────────

  /**
   * Locks the tenant's credit balance row (made at 0 when it has none yet) and returns the balance.
   * Callers that also change an invoice lock the invoice first: one order, no deadlock.
   */
  async lockCredit(manager: EntityManager, tenantId: string): Promise<number> {
    await manager.query(`INSERT INTO tenant_credit (tenant_id) VALUES ($1) ON CONFLICT (tenant_id) DO NOTHING`, [tenantId]);
    const [row] = await manager.query<{ balance_cents: string }[]>(
      `SELECT balance_cents FROM tenant_credit WHERE tenant_id = $1 FOR UPDATE`,
      [tenantId],
    );
    return Number(row!.balance_cents);
  }

  /** Moves the locked balance by `amountCents` and books the ledger entry; the CHECK keeps it at 0 or more. */
  async bookCredit(manager: EntityManager, entry: Omit<CreditEntry, 'id' | 'createdAt' | 'balanceAfterCents'>): Promise<CreditEntry> {
    const [[row]] = await manager.query<{ balance_cents: string }[][]>(
      `UPDATE tenant_credit SET balance_cents = balance_cents + $2 WHERE tenant_id = $1 RETURNING balance_cents`,
      [entry.tenantId, entry.amountCents],
    );
    // Stamped while the balance is locked (not at the transaction's start), so the ledger's order is the balance's.
    const [saved] = await manager.query<{ id: string }[]>(
      `INSERT INTO credit_entry (tenant_id, kind, amount_cents, balance_after_cents, payment_id, invoice_id, occurred_on, reference,
                                 recorded_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, clock_timestamp()) RETURNING id`,
      [
        entry.tenantId,
        entry.kind,
        entry.amountCents,
        row!.balance_cents,
        entry.paymentId,
        entry.invoiceId,
        entry.occurredOn,
        entry.reference,
        entry.recordedBy,
      ],
    );
    return manager.findOneByOrFail(CreditEntry, { id: saved!.id });
  }

  async creditOf(tenantId: string): Promise<{ creditCents: number; entries: CreditEntry[] }> {
    const [row] = await this.dataSource.query<{ balance_cents: string }[]>(`SELECT balance_cents FROM tenant_credit WHERE tenant_id = $1`, [
      tenantId,
    ]);
    const entries = await this.dataSource.getRepository(CreditEntry).find({ where: { tenantId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return { creditCents: Number(row?.balance_cents ?? 0), entries };
  }

  /** What the tenant's open invoices still ask, and the part of it past its due date. */
  async owedBy(tenantId: string, today: string): Promise<{ openCents: number; overdueCents: number }> {
    const [row] = await this.dataSource.query<{ open_cents: string; overdue_cents: string }[]>(
      `SELECT coalesce(sum(total_cents - paid_cents), 0) AS open_cents,
              coalesce(sum(total_cents - paid_cents) FILTER (WHERE due_date < $2), 0) AS overdue_cents
         FROM invoice WHERE tenant_id = $1 AND kind = 'invoice' AND status = 'open'`,
      [tenantId, today],
    );
    return { openCents: Number(row!.open_cents), overdueCents: Number(row!.overdue_cents) };
  }

  async tenantExists(tenantId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(`SELECT 1 FROM tenant_party WHERE tenant_id = $1`, [tenantId]);
    return rows.length > 0;
  }

  paymentUnderKey(manager: EntityManager, idempotencyKey: string): Promise<Payment | null> {
    return manager.getRepository(Payment).findOneBy({ idempotencyKey });
  }

  hasPaymentWithReference(manager: EntityManager, invoiceId: string, reference: string): Promise<boolean> {
    return manager.getRepository(Payment).existsBy({ invoiceId, reference });
  }

  paymentsOf(invoiceId: string): Promise<Payment[]> {
    return this.dataSource.getRepository(Payment).find({ where: { invoiceId }, order: { paidOn: 'ASC', createdAt: 'ASC' } });
  }

  async markCredited(manager: EntityManager, invoiceId: string): Promise<void> {
    await manager.query(`UPDATE invoice SET status = 'credited' WHERE id = $1`, [invoiceId]);
  }

  /** The building's invoice prefix, for numbering a credit note. */
  async invoicePrefixOf(buildingId: string, manager: EntityManager): Promise<string> {
    const [row] = await manager.query<{ invoice_prefix: string }[]>(`SELECT invoice_prefix FROM building_register WHERE building_id = $1`, [
      buildingId,
    ]);
    return row!.invoice_prefix;
  }

  /** Per building: what is open on invoices due before the day, and the runs queued or running. */
  async billingSummaries(buildingIds: string[], day: string): Promise<Map<string, { arrearsCents: number; runsInProgress: number }>> {
    const summaries = new Map(buildingIds.map((id) => [id, { arrearsCents: 0, runsInProgress: 0 }]));
    const [arrears, runs] = await Promise.all([
      this.dataSource.query<{ building_id: string; cents: string }[]>(
        `SELECT building_id, sum(greatest(total_cents - paid_cents, 0)) AS cents FROM invoice
          WHERE building_id = ANY($1::uuid[]) AND kind = 'invoice' AND status = 'open' AND due_date < $2
          GROUP BY building_id`,
        [buildingIds, day],
      ),
      this.dataSource.query<{ building_id: string; n: string }[]>(
        `SELECT building_id, count(*) AS n FROM invoice_run
          WHERE building_id = ANY($1::uuid[]) AND status IN ('queued', 'running')
          GROUP BY building_id`,
        [buildingIds],
      ),
    ]);
    for (const row of arrears) summaries.get(row.building_id)!.arrearsCents = Number(row.cents);
    for (const row of runs) summaries.get(row.building_id)!.runsInProgress = Number(row.n);
    return summaries;
  }
}
