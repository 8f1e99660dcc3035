import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { bankStatementScopeOf, requireCapability } from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import { ConflictError, DomainError, NotFoundError, RuleError } from '../../common/errors/domain-error.js';
import type { Page } from '../../common/pagination/page.js';
import { actorOf } from '../../events/domain-events.js';
import type { Invoice } from '../invoices/invoice.entity.js';
import { InvoicesService } from '../invoices/invoices.service.js';
import { TenantsService } from '../tenants/tenants.service.js';
import { BankEntryBookingService } from './bank-entry-booking.service.js';
import type { BankEntry, BankEntryOutcome, BankStatement } from './bank-statement.entity.js';
import { BankStatementsRepository, NOT_BOOKED, type NewBankEntry, type OutcomeCounts } from './bank-statements.repository.js';
import { BANK_STATEMENTS_ERRORS } from './bank-statements.errors.js';
import { CamtSchemas } from './camt-schemas.js';
import { CamtAmountError, type CamtStatement, type CamtTransaction, type CamtVersion, kindOf, parseCamt053 } from './camt.js';
import { type InvoiceKeys, invoiceKeysOf } from './references.js';

export interface StatementSummary {
  statement: BankStatement;
  counts: OutcomeCounts;
}

export interface ImportedStatement extends StatementSummary {
  /** The statement was imported before; this import booked nothing. */
  alreadyImported: boolean;
}

const BOOKED = 'BOOK';
const EURO = 'EUR';

/**
 * Imports camt.053 bank statements: each statement of a file is checked, then booked in one
 * transaction of its own (see BankEntryBookingService for what each entry books). Staff only: an
 * umbrella's staff reach their own umbrella's statements, and an import of theirs books only onto invoices
 * of their umbrella's buildings (the invoices module's lookup is scoped by the same principal).
 */
@Injectable()
export class BankStatementsService {
  constructor(
    private readonly statements: BankStatementsRepository,
    private readonly schemas: CamtSchemas,
    private readonly booking: BankEntryBookingService,
    private readonly invoices: InvoicesService,
    private readonly tenants: TenantsService,
  ) {}

  async import(file: Buffer, principal: Principal): Promise<ImportedStatement[]> {
    requireCapability(principal, 'bank-statements.write');
    const version = await this.schemas.validate(file);
    let parsed: CamtStatement[];
    try {
      parsed = parseCamt053(file.toString('utf8'));
    } catch (error) {
      if (error instanceof CamtAmountError)
        throw new DomainError(BANK_STATEMENTS_ERRORS.statement_amount_invalid, { amount: error.amount });
      throw error;
    }
    const fileSha256 = createHash('sha256').update(file).digest('hex');
    const imported: { id: string; alreadyImported: boolean }[] = [];
    for (const statement of parsed) imported.push(await this.importStatement(statement, version, fileSha256, principal));
    const counts = await this.statements.outcomeCounts(imported.map(({ id }) => id));
    return Promise.all(
      imported.map(async ({ id, alreadyImported }) => ({
        statement: (await this.statements.findStatement(id))!,
        counts: counts.get(id)!,
        alreadyImported,
      })),
    );
  }

  async list(page: { limit: number; offset: number }, principal: Principal): Promise<Page<StatementSummary>> {
    requireCapability(principal, 'bank-statements.read');
    const { umbrellaId } = bankStatementScopeOf(principal);
    const found = await this.statements.findStatementsPage(page, umbrellaId ?? undefined);
    const counts = await this.statements.outcomeCounts(found.items.map((statement) => statement.id));
    return { items: found.items.map((statement) => ({ statement, counts: counts.get(statement.id)! })), total: found.total };
  }

  async get(id: string, principal: Principal): Promise<StatementSummary> {
    requireCapability(principal, 'bank-statements.read');
    const statement = await this.statements.findStatement(id);
    if (!statement || !mayReach(principal, statement)) throw new NotFoundError(BANK_STATEMENTS_ERRORS.statement_not_found, { id });
    return { statement, counts: (await this.statements.outcomeCounts([id])).get(id)! };
  }

  async entries(id: string, outcome: BankEntryOutcome | undefined, page: { limit: number; offset: number }, principal: Principal) {
    await this.get(id, principal);
    return this.statements.findEntriesPage(id, outcome, page);
  }

  /** An entry the import could not match, booked on the invoice an admin chose; the invoices module's refusals answer. */
  async match(entryId: string, invoiceId: string, principal: Principal): Promise<BankEntry> {
    requireCapability(principal, 'bank-statements.write');
    const found = await this.statements.findEntry(entryId);
    const statement = found && (await this.statements.findStatement(found.statementId));
    if (!statement || !mayReach(principal, statement))
      throw new NotFoundError(BANK_STATEMENTS_ERRORS.bank_entry_not_found, { id: entryId });
    const invoice = await this.invoices.getVisible(invoiceId, principal);
    await this.statements.transaction(async (manager) => {
      const entry = (await this.statements.lockEntry(manager, entryId))!;
      if (entry.outcome !== 'unmatched')
        throw new ConflictError(BANK_STATEMENTS_ERRORS.bank_entry_already_matched, { outcome: entry.outcome });
      if (entry.kind === 'other') throw new RuleError(BANK_STATEMENTS_ERRORS.bank_entry_not_matchable, { kind: entry.kind });
      const booking = await this.booking.book(manager, entry, invoice, principal, 'throw');
      await this.statements.recordBooking(manager, entryId, { ...booking, matchedBy: actorOf(principal), matchedAt: new Date() });
    });
    return (await this.statements.findEntry(entryId))!;
  }

  /** The tenant's direct debits that came back: how many, and which. */
  async collectionFailures(tenantId: string, principal: Principal): Promise<BankEntry[]> {
    requireCapability(principal, 'bank-statements.read');
    await this.tenants.getVisible(tenantId, principal);
    return this.statements.returnsOfTenant(tenantId);
  }

  private async importStatement(
    statement: CamtStatement,
    version: CamtVersion,
    fileSha256: string,
    principal: Principal,
  ): Promise<{ id: string; alreadyImported: boolean }> {
    const key = { account: statement.account, statementRef: statement.id, sequence: statement.sequence };
    const prepared = prepareEntries(statement);
    const invoices = await this.invoicesNamedBy(
      prepared.map((entry) => entry.keys),
      principal,
    );
    const id = await this.statements.transaction(async (manager) => {
      const statementId = await this.statements.insertStatementOnce(manager, {
        ...key,
        camtVersion: version,
        fileSha256,
        entryCount: prepared.length,
        importedBy: actorOf(principal),
        umbrellaId: bankStatementScopeOf(principal).umbrellaId,
      });
      if (!statementId) return null;
      const duplicates = await this.bookEntries(manager, statementId, prepared, invoices, principal);
      if (duplicates > 0) await this.statements.setDuplicateCount(manager, statementId, duplicates);
      return statementId;
    });
    if (id) return { id, alreadyImported: false };
    const earlier = (await this.statements.findStatementByKey(key))!;
    // Imported before by someone this principal may not reach: it books nothing, and it is not shown either.
    if (!mayReach(principal, earlier)) throw new ConflictError(BANK_STATEMENTS_ERRORS.statement_imported_elsewhere);
    return { id: earlier.id, alreadyImported: true };
  }

  /**
   * Each entry once (the count of those booked before comes back), returns after the rest, so a
   * collection and its return on one statement book in that order.
   */
  private async bookEntries(
    manager: EntityManager,
    statementId: string,
    prepared: PreparedEntry[],
    invoices: InvoiceIndex,
    principal: Principal,
  ): Promise<number> {
    let duplicates = 0;
    const inOrder = [...prepared.filter((item) => item.row.kind !== 'return'), ...prepared.filter((item) => item.row.kind === 'return')];
    for (const entry of inOrder) {
      const entryId = await this.statements.insertEntryOnce(manager, { ...entry.row, statementId });
      if (!entryId) {
        duplicates++;
        continue;
      }
      if (entry.row.kind === 'other' || entry.status !== BOOKED || entry.row.currency !== EURO) {
        await this.statements.recordBooking(manager, entryId, { ...NOT_BOOKED, outcome: 'ignored' });
        continue;
      }
      const invoice = invoices.pick(entry.keys, entry.row.kind);
      if (!invoice) continue;
      const booking = await this.booking.book(manager, { ...entry.row, id: entryId }, invoice, principal, 'keep');
      await this.statements.recordBooking(manager, entryId, booking);
    }
    return duplicates;
  }

  /** One lookup for the whole statement; the invoice rows are locked again when each is booked. */
  private async invoicesNamedBy(keys: InvoiceKeys[], principal: Principal): Promise<InvoiceIndex> {
    const found = await this.invoices.findPayableByReferenceOrNumber(
      {
        paymentReferences: [...new Set(keys.flatMap((key) => key.paymentReferences))],
        numbers: [...new Set(keys.flatMap((key) => key.numbers))],
      },
      principal,
    );
    return new InvoiceIndex(found);
  }
}

/** The installation's admins reach every statement; an umbrella's staff those its staff imported. */
function mayReach(principal: Principal, statement: BankStatement): boolean {
  const { umbrellaId } = bankStatementScopeOf(principal);
  return umbrellaId === null ? principal.role === 'admin' : statement.umbrellaId === umbrellaId;
}

class InvoiceIndex {
  private readonly byReference: Map<string, Invoice>;
  private readonly byNumber: Map<string, Invoice>;

  constructor(invoices: Invoice[]) {
    this.byReference = new Map(invoices.map((invoice) => [invoice.paymentReference, invoice]));
    this.byNumber = new Map(invoices.map((invoice) => [invoice.number, invoice]));
  }

  /**
   * A direct debit names its invoice by its EndToEndId first; a transfer by its payment reference
   * first. Keys of one kind that name two different invoices name none: a person settles that.
   */
  pick(keys: InvoiceKeys, kind: BankEntry['kind']): Invoice | null {
    const byReference = this.only(keys.paymentReferences.map((reference) => this.byReference.get(reference)));
    const byNumber = this.only(keys.numbers.map((number) => this.byNumber.get(number)));
    return kind === 'transfer' ? (byReference ?? byNumber) : (byNumber ?? byReference);
  }

  private only(found: (Invoice | undefined)[]): Invoice | null {
    const distinct = new Set(found.filter((invoice): invoice is Invoice => invoice !== undefined));
    return distinct.size === 1 ? [...distinct][0]! : null;
  }
}

interface PreparedEntry {
  row: Omit<NewBankEntry, 'statementId'>;
  keys: InvoiceKeys;
  status: string;
}

function codeOf(transaction: CamtTransaction): string | null {
  const { domain, family, subFamily, proprietary } = transaction.code;
  if (domain) return [domain, family, subFamily].filter((part) => part !== null).join('/');
  return proprietary;
}

/**
 * The key that recognises a transaction sent again: the bank's own reference, else a hash of what it
 * holds, numbered among identical ones in the statement (two equal transfers on one day are two).
 */
function prepareEntries(statement: CamtStatement): PreparedEntry[] {
  const seen = new Map<string, number>();
  return statement.transactions.map((transaction, position) => {
    let entryKey: string;
    if (transaction.detailReference) entryKey = `ref:${transaction.detailReference}`;
    else if (transaction.entryReference) entryKey = `ref:${transaction.entryReference}/${transaction.detailIndex}`;
    else {
      const content = createHash('sha256')
        .update(
          JSON.stringify([
            transaction.bookingDate,
            transaction.valueDate,
            transaction.direction,
            transaction.amountCents,
            transaction.currency,
            transaction.endToEndId,
            transaction.structuredReferences,
            transaction.freeText,
            transaction.counterpartyIban,
            transaction.code,
            transaction.returnReason,
          ]),
        )
        .digest('hex');
      const ordinal = seen.get(content) ?? 0;
      seen.set(content, ordinal + 1);
      entryKey = `sha256:${content}:${ordinal}`;
    }
    return {
      row: {
        position,
        account: statement.account,
        entryKey,
        bankReference: transaction.detailReference ?? transaction.entryReference,
        kind: kindOf(transaction),
        direction: transaction.direction,
        amountCents: transaction.amountCents,
        currency: transaction.currency,
        bookingDate: transaction.bookingDate,
        valueDate: transaction.valueDate,
        transactionCode: codeOf(transaction),
        endToEndId: transaction.endToEndId,
        structuredReference: transaction.structuredReferences[0] ?? null,
        remittance: transaction.freeText.length > 0 ? transaction.freeText.join(' ') : null,
        counterpartyName: transaction.counterpartyName,
        counterpartyIban: transaction.counterpartyIban,
        returnReason: transaction.returnReason,
      },
      keys: invoiceKeysOf(transaction),
      status: transaction.status,
    };
  });
}
