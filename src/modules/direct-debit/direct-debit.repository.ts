import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Page } from '../../common/pagination/page.js';
import { Collection, CollectionItem } from './collection.entity.js';
import { Mandate, MandateAmendment } from './mandate.entity.js';
import type { MandateAmendment as AmendmentOriginals } from './pain008.js';

/** An open invoice a batch can collect, with the mandate it is collected under. */
export interface CollectableInvoice {
  invoiceId: string;
  number: string;
  openCents: number;
  paymentReference: string;
  mandateId: string;
  mandateReference: string;
  mandateSignedOn: string;
  iban: string;
  bic: string | null;
  accountHolder: string;
  /** No debit on this mandate went to the bank before (or each came back). */
  firstOnMandate: boolean;
}

/** Why an open invoice due by the collection date is not in the batch. */
export const SKIP_REASONS = ['not_pre_notified', 'mandate_revoked', 'pre_notice_too_short'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface SkippedInvoice {
  invoiceId: string;
  number: string;
  reason: SkipReason;
}

@Injectable()
export class DirectDebitRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async leaseOf(leaseId: string): Promise<{ tenantId: string; invoicePrefix: string } | null> {
    const [row] = await this.dataSource.query<{ tenant_id: string; invoice_prefix: string }[]>(
      `SELECT l.tenant_id, b.invoice_prefix FROM lease_terms l JOIN building_register b ON b.building_id = l.building_id WHERE l.lease_id = $1`,
      [leaseId],
    );
    return row ? { tenantId: row.tenant_id, invoicePrefix: row.invoice_prefix } : null;
  }

  /** Read on the caller's connection: the embedded database has one, which the caller's transaction holds. */
  async creditorIdentifierOf(manager: EntityManager, organisationId: string): Promise<string | null> {
    const [row] = await manager.query<{ creditor_identifier: string | null }[]>(
      `SELECT creditor_identifier FROM organisation_party WHERE organisation_id = $1`,
      [organisationId],
    );
    return row?.creditor_identifier ?? null;
  }

  /** The next generated mandate number of the creditor; the row stays locked until the caller's transaction ends. */
  async nextMandateNumber(manager: EntityManager, creditorId: string): Promise<number> {
    const [row] = await manager.query<{ last_number: number }[]>(
      `INSERT INTO mandate_counter (creditor_id, last_number) VALUES ($1, 1)
       ON CONFLICT (creditor_id) DO UPDATE SET last_number = mandate_counter.last_number + 1 RETURNING last_number`,
      [creditorId],
    );
    return row!.last_number;
  }

  insertMandate(manager: EntityManager, values: Omit<Mandate, 'id' | 'createdAt' | 'scheme' | 'status' | 'revokedOn' | 'revokedReason'>) {
    const repository = manager.getRepository(Mandate);
    return repository.save(repository.create({ ...values, scheme: 'CORE', status: 'active', revokedOn: null, revokedReason: null }));
  }

  findMandate(id: string): Promise<Mandate | null> {
    return this.dataSource.getRepository(Mandate).findOneBy({ id });
  }

  lockMandate(manager: EntityManager, id: string): Promise<Mandate | null> {
    return manager
      .getRepository(Mandate)
      .createQueryBuilder('mandate')
      .setLock('pessimistic_write')
      .where('mandate.id = :id', { id })
      .getOne();
  }

  async updateMandate(
    manager: EntityManager,
    id: string,
    change: Partial<Pick<Mandate, 'iban' | 'bic' | 'creditorId' | 'reference' | 'status' | 'revokedOn' | 'revokedReason'>>,
  ) {
    await manager.getRepository(Mandate).update({ id }, change);
  }

  insertAmendment(manager: EntityManager, values: Omit<MandateAmendment, 'id' | 'createdAt' | 'reportedInCollectionId'>) {
    const repository = manager.getRepository(MandateAmendment);
    return repository.save(repository.create({ ...values, reportedInCollectionId: null }));
  }

  mandatesOfTenant(tenantId: string): Promise<Mandate[]> {
    return this.dataSource.getRepository(Mandate).find({ where: { tenantId }, order: { signedOn: 'DESC', createdAt: 'DESC' } });
  }

  /** Mandates of the tenants that lease (or leased) space in the building, newest signed first. */
  mandatesInBuilding(buildingId: string): Promise<Mandate[]> {
    return this.dataSource
      .getRepository(Mandate)
      .createQueryBuilder('mandate')
      .where('mandate.tenant_id IN (SELECT l.tenant_id FROM lease_terms l WHERE l.building_id = :buildingId)', { buildingId })
      .orderBy('mandate.signed_on', 'DESC')
      .addOrderBy('mandate.created_at', 'DESC')
      .getMany();
  }

  async amendmentsOf(mandateIds: string[]): Promise<Map<string, MandateAmendment[]>> {
    const byMandate = new Map<string, MandateAmendment[]>(mandateIds.map((id) => [id, []]));
    if (mandateIds.length === 0) return byMandate;
    const amendments = await this.dataSource
      .getRepository(MandateAmendment)
      .createQueryBuilder('amendment')
      .where('amendment.mandate_id = ANY(:mandateIds)', { mandateIds })
      .orderBy('amendment.created_at', 'ASC')
      .getMany();
    for (const amendment of amendments) byMandate.get(amendment.mandateId)!.push(amendment);
    return byMandate;
  }

  /** Holds concurrent batches of one building apart until the caller's transaction ends. */
  async lockBuildingCollections(manager: EntityManager, buildingId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('collection'), hashtext($1))`, [buildingId]);
  }

  /**
   * The building's open invoices due by the collection date, in no batch that did not come back, that
   * their stored PDF pre-notified: issued under a mandate that is still active and now to the creditor
   * (an amended IBAN or a new creditor after a handover collects under the mandate's current data), and
   * issued by `issuedBy` (so the tenant was told in time). Beside them, why each other such invoice of a
   * tenant with a mandate (then or now) is left out: no debit on its PDF, the mandate since revoked, or
   * too little notice; those stay payable by transfer (or wait for a later batch).
   */
  async collectable(
    manager: EntityManager,
    filter: { buildingId: string; creditorId: string; dueBy: string; issuedBy: string },
  ): Promise<{ collectable: CollectableInvoice[]; skipped: SkippedInvoice[] }> {
    const rows = await manager.query<
      {
        invoice_id: string;
        number: string;
        open_cents: string;
        payment_reference: string;
        skip_reason: SkipReason | null;
        mandate_id: string;
        reference: string;
        signed_on: string;
        iban: string;
        bic: string | null;
        account_holder: string;
        first_on_mandate: boolean;
      }[]
    >(
      `SELECT i.invoice_id, i.number, i.open_cents, i.payment_reference,
              CASE WHEN m.id IS NULL THEN 'not_pre_notified'
                   WHEN m.status <> 'active' THEN 'mandate_revoked'
                   WHEN m.creditor_id <> $2 THEN 'not_pre_notified'
                   WHEN i.issue_date > $4 THEN 'pre_notice_too_short' END AS skip_reason,
              m.id AS mandate_id, m.reference, to_char(m.signed_on, 'YYYY-MM-DD') AS signed_on, m.iban, m.bic, m.account_holder,
              NOT EXISTS (SELECT 1 FROM collection_item earlier WHERE earlier.mandate_id = m.id AND earlier.status <> 'returned') AS first_on_mandate
         FROM invoice_balance i
         LEFT JOIN mandate m ON m.id = i.pre_notified_mandate_id
        WHERE i.building_id = $1 AND i.status = 'open' AND i.open_cents > 0 AND i.due_date <= $3
          AND NOT EXISTS (SELECT 1 FROM collection_item taken WHERE taken.invoice_id = i.invoice_id AND taken.status <> 'returned')
          AND (m.id IS NOT NULL OR EXISTS (
                SELECT 1 FROM mandate cur WHERE cur.status = 'active' AND cur.tenant_id = i.tenant_id AND cur.creditor_id = $2
                   AND (cur.lease_id = i.lease_id OR cur.lease_id IS NULL)))
        ORDER BY i.number`,
      [filter.buildingId, filter.creditorId, filter.dueBy, filter.issuedBy],
    );
    return {
      collectable: rows
        .filter((row) => row.skip_reason === null)
        .map((row) => ({
          invoiceId: row.invoice_id,
          number: row.number,
          openCents: Number(row.open_cents),
          paymentReference: row.payment_reference,
          mandateId: row.mandate_id,
          mandateReference: row.reference,
          mandateSignedOn: row.signed_on,
          iban: row.iban,
          bic: row.bic,
          accountHolder: row.account_holder,
          firstOnMandate: row.first_on_mandate,
        })),
      skipped: rows
        .filter((row) => row.skip_reason !== null)
        .map((row) => ({ invoiceId: row.invoice_id, number: row.number, reason: row.skip_reason! })),
    };
  }

  /** Per mandate, what it was before the amendments no batch has reported yet (the earliest of each kind). */
  async unreportedAmendments(manager: EntityManager, mandateIds: string[]): Promise<Map<string, AmendmentOriginals>> {
    const rows = await manager.query<
      { mandate_id: string; original_iban: string | null; original_creditor_identifier: string | null; original_reference: string | null }[]
    >(
      `SELECT mandate_id,
              (array_agg(iban_before ORDER BY created_at) FILTER (WHERE iban_after IS NOT NULL))[1] AS original_iban,
              (array_agg(creditor_identifier_before ORDER BY created_at) FILTER (WHERE creditor_id_after IS NOT NULL))[1] AS original_creditor_identifier,
              (array_agg(reference_before ORDER BY created_at) FILTER (WHERE reference_after IS NOT NULL))[1] AS original_reference
         FROM mandate_amendment
        WHERE mandate_id = ANY($1) AND reported_in_collection_id IS NULL
        GROUP BY mandate_id`,
      [mandateIds],
    );
    return new Map(
      rows.map((row) => [
        row.mandate_id,
        {
          originalIban: row.original_iban,
          originalCreditorIdentifier: row.original_creditor_identifier,
          originalMandateReference: row.original_reference,
        },
      ]),
    );
  }

  async markAmendmentsReported(manager: EntityManager, mandateIds: string[], collectionId: string): Promise<void> {
    await manager.query(
      `UPDATE mandate_amendment SET reported_in_collection_id = $2 WHERE mandate_id = ANY($1) AND reported_in_collection_id IS NULL`,
      [mandateIds, collectionId],
    );
  }

  async insertCollection(manager: EntityManager, values: Omit<Collection, 'createdAt'>): Promise<Collection> {
    const repository = manager.getRepository(Collection);
    return repository.save(repository.create(values));
  }

  async insertItems(manager: EntityManager, items: Omit<CollectionItem, 'id' | 'status' | 'returnReason' | 'settledOn'>[]): Promise<void> {
    await manager
      .getRepository(CollectionItem)
      .insert(items.map((item) => ({ ...item, status: 'pending' as const, returnReason: null, settledOn: null })));
  }

  findCollection(id: string): Promise<Collection | null> {
    return this.dataSource.getRepository(Collection).findOneBy({ id });
  }

  itemsOf(collectionId: string): Promise<CollectionItem[]> {
    return this.dataSource.getRepository(CollectionItem).find({ where: { collectionId }, order: { endToEndId: 'ASC' } });
  }

  async collectionsOfBuilding(buildingId: string, page: { limit: number; offset: number }): Promise<Page<Collection>> {
    const [items, total] = await this.dataSource.getRepository(Collection).findAndCount({
      where: { buildingId },
      order: { collectionDate: 'DESC', createdAt: 'DESC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items, total };
  }

  /** A pending debit of the invoice becomes collected; once only, so a redelivered event changes nothing. */
  async markCollected(manager: EntityManager, invoiceId: string, bookedOn: string): Promise<void> {
    await manager.query(`UPDATE collection_item SET status = 'collected', settled_on = $2 WHERE invoice_id = $1 AND status = 'pending'`, [
      invoiceId,
      bookedOn,
    ]);
  }

  /** The invoice's debit came back (also after it was booked as collected): the invoice is free for a later batch. */
  async markReturned(manager: EntityManager, invoiceId: string, bookedOn: string, reasonCode: string): Promise<void> {
    await manager.query(
      `UPDATE collection_item SET status = 'returned', settled_on = $2, return_reason = $3 WHERE invoice_id = $1 AND status <> 'returned'`,
      [invoiceId, bookedOn, reasonCode],
    );
  }
}
