import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { bigintTransformer } from '../../common/database/transformers.js';
import { Invoice, Payment } from '../invoices/invoice.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Tenant } from '../tenants/tenant.entity.js';
import type { TransactionKind } from './camt.js';

/**
 * One statement of an imported camt.053 file. The bank's statement id, the account and the sequence
 * number name it: the same statement imported again (or twice at once) meets the unique key and books
 * nothing.
 */
@Entity('bank_statement')
@Index('uq_bank_statement', ['account', 'statementRef', 'sequence'], { unique: true })
@Index('ix_bank_statement_umbrella', ['umbrellaId'])
@Check('ck_bank_statement_version', `camt_version IN ('02', '08')`)
export class BankStatement {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The IBAN (or other id) of the account the statement is about. */
  @Column({ type: 'text' })
  account!: string;

  /** Stmt/Id as the bank wrote it. */
  @Column({ type: 'text' })
  statementRef!: string;

  /** ElctrncSeqNb, else LglSeqNb; empty when the bank gives neither. */
  @Column({ type: 'text' })
  sequence!: string;

  @Column({ type: 'text' })
  camtVersion!: '02' | '08';

  /** sha256 of the uploaded file. */
  @Column({ type: 'text' })
  fileSha256!: string;

  /** Transaction details in the statement. */
  @Column({ type: 'integer' })
  entryCount!: number;

  /** Of those, the ones an earlier statement already booked (the bank sent them again). */
  @Column({ type: 'integer' })
  duplicateCount!: number;

  @Column({ type: 'uuid', nullable: true })
  importedBy!: string | null;

  /** The umbrella whose staff imported it (null: the installation's admins); only that umbrella's staff reach it. */
  @Column({ type: 'uuid', nullable: true })
  umbrellaId!: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'umbrella_id', foreignKeyConstraintName: 'fk_bank_statement_umbrella' })
  umbrella?: Relation<Organisation>;

  @CreateDateColumn({ type: 'timestamptz' })
  importedAt!: Date;
}

export const BANK_ENTRY_OUTCOMES = ['paid', 'collected', 'returned', 'unmatched', 'ignored'] as const;
export type BankEntryOutcome = (typeof BANK_ENTRY_OUTCOMES)[number];

/**
 * One transaction detail of a statement (a batch booking gives one per item) and what booking it did:
 * a payment on an invoice (`paid` by transfer, `collected` by direct debit), the reversal of a
 * collection (`returned`, with the bank's reason code), nothing that matched (`unmatched`, to match by
 * hand) or nothing to book (`ignored`: outgoing payments, costs, entries not booked yet).
 */
@Entity('bank_entry')
@Index('uq_bank_entry_key', ['account', 'entryKey'], { unique: true })
@Index('ix_bank_entry_statement', ['statementId', 'position'])
@Index('ix_bank_entry_invoice', ['invoiceId'])
@Index('uq_bank_entry_returns', ['returnsEntryId'], { unique: true })
@Index('ix_bank_entry_tenant_outcome', ['tenantId', 'outcome'])
@Check('ck_bank_entry_outcome', `outcome IN ('paid', 'collected', 'returned', 'unmatched', 'ignored')`)
@Check('ck_bank_entry_kind', `kind IN ('collection', 'return', 'transfer', 'other')`)
@Check('ck_bank_entry_direction', `direction IN ('credit', 'debit')`)
@Check('ck_bank_entry_amount', `amount_cents >= 0`)
@Check('ck_bank_entry_booked', `(outcome IN ('paid', 'collected', 'returned')) = (invoice_id IS NOT NULL)`)
export class BankEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  statementId!: string;

  @ManyToOne(() => BankStatement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'statement_id', foreignKeyConstraintName: 'fk_bank_entry_statement' })
  statement?: Relation<BankStatement>;

  /** Its place in the statement, from 0. */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  account!: string;

  /** The bank's reference of the transaction (AcctSvcrRef), else a hash of what it holds. */
  @Column({ type: 'text' })
  entryKey!: string;

  @Column({ type: 'text', nullable: true })
  bankReference!: string | null;

  @Column({ type: 'text' })
  kind!: TransactionKind;

  @Column({ type: 'text' })
  direction!: 'credit' | 'debit';

  @Column({ type: 'bigint', transformer: bigintTransformer })
  amountCents!: number;

  @Column({ type: 'text' })
  currency!: string;

  @Column({ type: 'date' })
  bookingDate!: string;

  @Column({ type: 'date', nullable: true })
  valueDate!: string | null;

  /** Domain/family/sub-family (PMNT/IDDT/ESDD), or the bank's own code. */
  @Column({ type: 'text', nullable: true })
  transactionCode!: string | null;

  @Column({ type: 'text', nullable: true })
  endToEndId!: string | null;

  @Column({ type: 'text', nullable: true })
  structuredReference!: string | null;

  @Column({ type: 'text', nullable: true })
  remittance!: string | null;

  @Column({ type: 'text', nullable: true })
  counterpartyName!: string | null;

  @Column({ type: 'text', nullable: true })
  counterpartyIban!: string | null;

  /** The R-transaction's reason code (AM04, MD06, AC06, MS02 …). */
  @Column({ type: 'text', nullable: true })
  returnReason!: string | null;

  @Column({ type: 'text', default: 'unmatched' })
  outcome!: BankEntryOutcome;

  /** Why a transaction that named an invoice was not booked on it: the error code the booking met. */
  @Column({ type: 'text', nullable: true })
  refusal!: string | null;

  @Column({ type: 'uuid', nullable: true })
  invoiceId!: string | null;

  @ManyToOne(() => Invoice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'invoice_id', foreignKeyConstraintName: 'fk_bank_entry_invoice' })
  invoice?: Relation<Invoice>;

  @Column({ type: 'uuid', nullable: true })
  tenantId!: string | null;

  @ManyToOne(() => Tenant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'fk_bank_entry_tenant' })
  tenant?: Relation<Tenant>;

  /** The payment the entry booked, or for a return the reversal of the collection's payment. */
  @Column({ type: 'uuid', nullable: true })
  paymentId!: string | null;

  @ManyToOne(() => Payment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'payment_id', foreignKeyConstraintName: 'fk_bank_entry_payment' })
  payment?: Relation<Payment>;

  /** For a return: the collection it undid, when this app booked that collection. */
  @Column({ type: 'uuid', nullable: true })
  returnsEntryId!: string | null;

  @ManyToOne(() => BankEntry, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'returns_entry_id', foreignKeyConstraintName: 'fk_bank_entry_returns' })
  returnsEntry?: Relation<BankEntry>;

  /** Who matched it by hand; null when the import matched it. */
  @Column({ type: 'uuid', nullable: true })
  matchedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  matchedAt!: Date | null;
}
