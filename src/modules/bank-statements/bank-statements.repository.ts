import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Page } from '../../common/pagination/page.js';
import { BankEntry, type BankEntryOutcome, BankStatement } from './bank-statement.entity.js';

export type OutcomeCounts = Record<BankEntryOutcome, number>;

export type NewBankEntry = Omit<
  BankEntry,
  'id' | 'outcome' | 'refusal' | 'invoiceId' | 'tenantId' | 'paymentId' | 'returnsEntryId' | 'matchedBy' | 'matchedAt'
>;

/** What booking an entry did; written once per entry, on the row its insert created. */
export type EntryBooking = Pick<BankEntry, 'outcome' | 'refusal' | 'invoiceId' | 'tenantId' | 'paymentId' | 'returnsEntryId'> &
  Partial<Pick<BankEntry, 'matchedBy' | 'matchedAt'>>;

/** What an entry that booked nothing holds. */
export const NOT_BOOKED = { refusal: null, invoiceId: null, tenantId: null, paymentId: null, returnsEntryId: null } as const;

@Injectable()
export class BankStatementsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * The statement's row, or null when it was imported before. A second import running at the same
   * moment waits on the unique key until the first commits, and then finds it imported.
   */
  async insertStatementOnce(
    manager: EntityManager,
    values: Pick<
      BankStatement,
      'account' | 'statementRef' | 'sequence' | 'camtVersion' | 'fileSha256' | 'entryCount' | 'importedBy' | 'umbrellaId'
    >,
  ): Promise<string | null> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO bank_statement (account, statement_ref, sequence, camt_version, file_sha256, entry_count, duplicate_count, imported_by, umbrella_id)
       VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $8)
       ON CONFLICT (account, statement_ref, sequence) DO NOTHING
       RETURNING id`,
      [
        values.account,
        values.statementRef,
        values.sequence,
        values.camtVersion,
        values.fileSha256,
        values.entryCount,
        values.importedBy,
        values.umbrellaId,
      ],
    );
    return rows[0]?.id ?? null;
  }

  findStatementByKey(key: { account: string; statementRef: string; sequence: string }): Promise<BankStatement | null> {
    return this.dataSource.getRepository(BankStatement).findOneBy(key);
  }

  findStatement(id: string): Promise<BankStatement | null> {
    return this.dataSource.getRepository(BankStatement).findOneBy({ id });
  }

  async setDuplicateCount(manager: EntityManager, statementId: string, duplicateCount: number): Promise<void> {
    await manager.update(BankStatement, { id: statementId }, { duplicateCount });
  }

  /**
   * The entry's row, or null when an earlier statement booked the same transaction (its bank reference
   * on the same account): the bank sent it again, and it is booked once.
   */
  async insertEntryOnce(manager: EntityManager, entry: NewBankEntry): Promise<string | null> {
    const rows = await manager
      .createQueryBuilder()
      .insert()
      .into(BankEntry)
      .values({ ...entry, outcome: 'unmatched' })
      .orIgnore()
      .returning(['id'])
      .execute();
    return (rows.raw as { id: string }[])[0]?.id ?? null;
  }

  async recordBooking(manager: EntityManager, entryId: string, booking: EntryBooking): Promise<void> {
    await manager.update(BankEntry, { id: entryId }, booking);
  }

  lockEntry(manager: EntityManager, id: string): Promise<BankEntry | null> {
    return manager
      .getRepository(BankEntry)
      .createQueryBuilder('entry')
      .setLock('pessimistic_write')
      .where('entry.id = :id', { id })
      .getOne();
  }

  /** The latest collection of the invoice that no return has undone yet, locked so two returns take turns. */
  lockOpenCollectionOf(manager: EntityManager, invoiceId: string): Promise<BankEntry | null> {
    return manager
      .getRepository(BankEntry)
      .createQueryBuilder('entry')
      .setLock('pessimistic_write')
      .where("entry.invoice_id = :invoiceId AND entry.outcome = 'collected'", { invoiceId })
      .andWhere('NOT EXISTS (SELECT 1 FROM bank_entry r WHERE r.returns_entry_id = entry.id)')
      .orderBy('entry.booking_date', 'DESC')
      .addOrderBy('entry.position', 'DESC')
      .limit(1)
      .getOne();
  }

  findEntry(id: string): Promise<BankEntry | null> {
    return this.dataSource.getRepository(BankEntry).findOneBy({ id });
  }

  /** Statements newest first: every one (`umbrellaId` undefined), or those of one umbrella (null: the installation's own). */
  async findStatementsPage(page: { limit: number; offset: number }, umbrellaId?: string): Promise<Page<BankStatement>> {
    const [items, total] = await this.dataSource.getRepository(BankStatement).findAndCount({
      where: umbrellaId === undefined ? {} : { umbrellaId },
      order: { importedAt: 'DESC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items, total };
  }

  async findEntriesPage(
    statementId: string,
    outcome: BankEntryOutcome | undefined,
    page: { limit: number; offset: number },
  ): Promise<Page<BankEntry>> {
    const [items, total] = await this.dataSource.getRepository(BankEntry).findAndCount({
      where: { statementId, ...(outcome ? { outcome } : {}) },
      order: { position: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items, total };
  }

  async outcomeCounts(statementIds: string[]): Promise<Map<string, OutcomeCounts>> {
    const counts = new Map<string, OutcomeCounts>(
      statementIds.map((id) => [id, { paid: 0, collected: 0, returned: 0, unmatched: 0, ignored: 0 }]),
    );
    if (statementIds.length === 0) return counts;
    const rows = await this.dataSource.query<{ statement_id: string; outcome: BankEntryOutcome; count: number }[]>(
      `SELECT statement_id, outcome, count(*)::int AS count FROM bank_entry WHERE statement_id = ANY($1) GROUP BY statement_id, outcome`,
      [statementIds],
    );
    for (const row of rows) counts.get(row.statement_id)![row.outcome] = row.count;
    return counts;
  }

  /** The tenant's direct debits that came back (returned or refused), newest first. */
  returnsOfTenant(tenantId: string): Promise<BankEntry[]> {
    return this.dataSource.getRepository(BankEntry).find({
      where: { tenantId, outcome: 'returned' },
      order: { bookingDate: 'DESC', position: 'DESC' },
    });
  }
}
