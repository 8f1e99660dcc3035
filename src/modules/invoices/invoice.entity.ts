import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { bigintTransformer } from '../../common/database/transformers.js';
import { StoredDocument } from '../../documents/document.entity.js';
import { Building } from '../buildings/building.entity.js';
import { Lease } from '../leases/lease.entity.js';
import { Tenant } from '../tenants/tenant.entity.js';
import { InvoiceRun } from './invoice-run.entity.js';

export const INVOICE_STATUSES = ['open', 'paid', 'credited'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export type InvoiceKind = 'invoice' | 'credit_note';
/**
 * Why an invoice has no e-invoice: what SI-UBL needs is missing, it was issued before the product wrote
 * them, or while the installation made none (INVOICE_E_INVOICES=false).
 */
export const E_INVOICE_UNAVAILABLE_REASONS = [
  'customer_without_kvk',
  'customer_address_incomplete',
  'issuer_address_incomplete',
  'issued_before_e_invoices',
  'e_invoices_off',
] as const;
export type EInvoiceUnavailableReason = (typeof E_INVOICE_UNAVAILABLE_REASONS)[number];

/** Issuer and customer as they were on the day of issue; later changes never alter an invoice. */
export interface PartySnapshot {
  name: string;
  address: string | null;
  kvkNumber: string | null;
  vatNumber: string | null;
  iban: string | null;
  email: string | null;
  /** Where the customer receives e-invoices on the Peppol network (`0106:12345678`); absent on invoices issued before it was kept. */
  peppolId?: string | null;
}

/**
 * An issued invoice or credit note. Numbers are unique; one invoice per lease and period; a
 * database trigger refuses any change to what was issued (only payment state and the PDF link move).
 */
@Entity('invoice')
@Index('uq_invoice_number', ['number'], { unique: true })
@Index('uq_invoice_payment_reference', ['paymentReference'], { unique: true })
@Index('uq_invoice_lease_period', ['leaseId', 'period'], { unique: true, where: `kind = 'invoice'` })
@Index('uq_invoice_credits', ['creditsInvoiceId'], { unique: true })
@Index('ix_invoice_building_period', ['buildingId', 'period'])
@Index('ix_invoice_tenant', ['tenantId'])
@Check('ck_invoice_kind', `kind IN ('invoice', 'credit_note') AND (kind = 'credit_note') = (credits_invoice_id IS NOT NULL)`)
@Check('ck_invoice_status', `status IN ('open', 'paid', 'credited')`)
@Check('ck_invoice_period', `period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
@Check('ck_invoice_payment_reference', `payment_reference ~ '^[0-9]{16}$'`)
@Check('ck_invoice_totals', `total_cents = total_ex_vat_cents + vat_cents AND paid_cents >= 0`)
@Check(
  'ck_invoice_e_invoice',
  `e_invoice_unavailable IN ('customer_without_kvk', 'customer_address_incomplete', 'issuer_address_incomplete', 'issued_before_e_invoices', 'e_invoices_off') AND (ubl_document_id IS NULL OR e_invoice_unavailable IS NULL)`,
)
export class Invoice {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: InvoiceKind;

  @Column({ type: 'text' })
  number!: string;

  @Column({ type: 'uuid', nullable: true })
  creditsInvoiceId!: string | null;

  @ManyToOne(() => Invoice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'credits_invoice_id', foreignKeyConstraintName: 'fk_invoice_credits' })
  creditsInvoice?: Relation<Invoice>;

  @Column({ type: 'uuid' })
  buildingId!: string;

  @ManyToOne(() => Building, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'building_id', foreignKeyConstraintName: 'fk_invoice_building' })
  building?: Relation<Building>;

  @Column({ type: 'uuid' })
  leaseId!: string;

  @ManyToOne(() => Lease, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lease_id', foreignKeyConstraintName: 'fk_invoice_lease' })
  lease?: Relation<Lease>;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @ManyToOne(() => Tenant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'fk_invoice_tenant' })
  tenant?: Relation<Tenant>;

  @Column({ type: 'uuid', nullable: true })
  runId!: string | null;

  @ManyToOne(() => InvoiceRun, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'fk_invoice_run' })
  run?: Relation<InvoiceRun>;

  @Column({ type: 'text' })
  period!: string;

  @Column({ type: 'date' })
  issueDate!: string;

  @Column({ type: 'date' })
  dueDate!: string;

  @Column({ type: 'jsonb' })
  issuer!: PartySnapshot;

  @Column({ type: 'jsonb' })
  customer!: PartySnapshot;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  totalExVatCents!: number;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  vatCents!: number;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  totalCents!: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintTransformer })
  paidCents!: number;

  @Column({ type: 'text' })
  status!: InvoiceStatus;

  @Column({ type: 'text' })
  paymentReference!: string;

  @Column({ type: 'text', nullable: true })
  creditReason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  documentId!: string | null;

  @ManyToOne(() => StoredDocument, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'fk_invoice_document' })
  document?: Relation<StoredDocument>;

  /** The UBL e-invoice, stored with the PDF in the same step. */
  @Column({ type: 'uuid', nullable: true })
  ublDocumentId!: string | null;

  @ManyToOne(() => StoredDocument, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ubl_document_id', foreignKeyConstraintName: 'fk_invoice_ubl_document' })
  ublDocument?: Relation<StoredDocument>;

  /** Set, instead of the UBL, when the PDF was stored without one. */
  @Column({ type: 'text', nullable: true })
  eInvoiceUnavailable!: EInvoiceUnavailableReason | null;

  /**
   * The mandate the stored PDF pre-notified the debit under (set with the PDF, fixed with it); null when
   * the PDF asks for a transfer. Only a pre-notified invoice is collected by direct debit.
   */
  @Column({ type: 'uuid', nullable: true })
  preNotifiedMandateId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('invoice_line')
@Index('uq_invoice_line_position', ['invoiceId', 'position'], { unique: true })
@Check('ck_invoice_line_kind', `kind IN ('rent', 'service_charge')`)
@Check('ck_invoice_line_vat_rate', `vat_rate_bps IN (0, 2100)`)
export class InvoiceLine {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  invoiceId!: string;

  @ManyToOne(() => Invoice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invoice_id', foreignKeyConstraintName: 'fk_invoice_line_invoice' })
  invoice?: Relation<Invoice>;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'text' })
  kind!: 'rent' | 'service_charge';

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'date' })
  periodStart!: string;

  @Column({ type: 'date' })
  periodEnd!: string;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  amountExVatCents!: number;

  @Column({ type: 'integer' })
  vatRateBps!: number;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  vatCents!: number;
}

export const PAYMENT_KINDS = ['payment', 'credit', 'reversal'] as const;
/** Money received (`payment`), the tenant's credit balance used on the invoice (`credit`), or the undoing of either (`reversal`). */
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

/**
 * What was booked on an invoice; rows are never changed or deleted (a trigger refuses it). A mistaken
 * booking is undone by a `reversal` row of the negated amount that names it, once (a unique key).
 */
@Entity('payment')
@Index('ix_payment_invoice', ['invoiceId'])
@Index('uq_payment_idempotency_key', ['idempotencyKey'], { unique: true })
@Index('uq_payment_reverses', ['reversesPaymentId'], { unique: true })
@Check('ck_payment_amount_sign', `CASE WHEN kind = 'reversal' THEN amount_cents < 0 ELSE amount_cents > 0 END`)
@Check('ck_payment_idempotency_hash', `(idempotency_key IS NULL) = (request_hash IS NULL)`)
@Check(
  'ck_payment_kind',
  `kind IN ('payment', 'credit', 'reversal') AND (kind = 'reversal') = (reverses_payment_id IS NOT NULL) AND (kind = 'reversal') = (reason IS NOT NULL)`,
)
export class Payment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  invoiceId!: string;

  @ManyToOne(() => Invoice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'invoice_id', foreignKeyConstraintName: 'fk_payment_invoice' })
  invoice?: Relation<Invoice>;

  @Column({ type: 'text', default: 'payment' })
  kind!: PaymentKind;

  /** Signed: a reversal is the negated amount of what it reverses. */
  @Column({ type: 'bigint', transformer: bigintTransformer })
  amountCents!: number;

  /** The day the money arrived; for a reversal or a use of credit, the day it was booked. */
  @Column({ type: 'date' })
  paidOn!: string;

  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  @Column({ type: 'uuid', nullable: true })
  reversesPaymentId!: string | null;

  @ManyToOne(() => Payment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reverses_payment_id', foreignKeyConstraintName: 'fk_payment_reverses' })
  reversesPayment?: Relation<Payment>;

  /** Why a reversal was made. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** The user who booked it; null for the demo and scheduled work. */
  @Column({ type: 'uuid', nullable: true })
  recordedBy!: string | null;

  /** The Idempotency-Key the payment was booked under, if the client sent one. */
  @Column({ type: 'text', nullable: true })
  idempotencyKey!: string | null;

  /** sha256 of the request booked under that key, to tell a retry from another payment reusing it. */
  @Column({ type: 'text', nullable: true })
  requestHash!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * A tenant's credit balance: money paid beyond invoices' totals, until it is used on another invoice
 * or refunded. Never below zero (a CHECK); its row is locked after the invoice's, so concurrent uses
 * take turns and the second finds what the first left.
 */
@Entity('tenant_credit')
@Check('ck_tenant_credit_not_negative', `balance_cents >= 0`)
export class TenantCredit {
  @PrimaryColumn({ type: 'uuid' })
  tenantId!: string;

  @ManyToOne(() => Tenant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'fk_tenant_credit_tenant' })
  tenant?: Relation<Tenant>;

  @Column({ type: 'bigint', default: 0, transformer: bigintTransformer })
  balanceCents!: number;
}

export const CREDIT_ENTRY_KINDS = ['overpayment', 'applied', 'refund', 'reversal'] as const;
export type CreditEntryKind = (typeof CREDIT_ENTRY_KINDS)[number];

/**
 * The immutable ledger of a tenant's credit balance, kept apart from credit notes: an over-payment adds,
 * a use on an invoice and a refund take away, a reversal undoes what the payment it reverses did.
 * `balanceAfterCents` is the balance once the entry was booked.
 */
@Entity('credit_entry')
@Index('ix_credit_entry_tenant', ['tenantId', 'createdAt'])
@Check('ck_credit_entry_kind', `kind IN ('overpayment', 'applied', 'refund', 'reversal') AND (kind = 'refund') = (payment_id IS NULL)`)
@Check(
  'ck_credit_entry_amount',
  `CASE kind WHEN 'overpayment' THEN amount_cents > 0 WHEN 'reversal' THEN amount_cents <> 0 ELSE amount_cents < 0 END AND balance_after_cents >= 0`,
)
export class CreditEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @ManyToOne(() => TenantCredit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'fk_credit_entry_tenant_credit' })
  tenantCredit?: Relation<TenantCredit>;

  @Column({ type: 'text' })
  kind!: CreditEntryKind;

  /** Signed: what the entry added to the balance. */
  @Column({ type: 'bigint', transformer: bigintTransformer })
  amountCents!: number;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  balanceAfterCents!: number;

  /** The booking on an invoice that moved the credit; a refund has none. */
  @Column({ type: 'uuid', nullable: true })
  paymentId!: string | null;

  @ManyToOne(() => Payment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'payment_id', foreignKeyConstraintName: 'fk_credit_entry_payment' })
  payment?: Relation<Payment>;

  @Column({ type: 'uuid', nullable: true })
  invoiceId!: string | null;

  @ManyToOne(() => Invoice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'invoice_id', foreignKeyConstraintName: 'fk_credit_entry_invoice' })
  invoice?: Relation<Invoice>;

  @Column({ type: 'date' })
  occurredOn!: string;

  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  @Column({ type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * The last number issued per invoice prefix and year. Locked by the UPDATE that takes the next
 * number inside the invoice's own transaction, so numbers are gap-free: a rolled-back invoice
 * gives its number back. `seriesId` goes into the payment reference.
 */
@Entity('invoice_counter')
@Index('uq_invoice_counter_series', ['seriesId'], { unique: true })
@Check('ck_invoice_counter_series_id', `series_id < 100000`)
export class InvoiceCounter {
  @Column({ type: 'text', primary: true })
  prefix!: string;

  @Column({ type: 'integer', primary: true })
  year!: number;

  @Column({ type: 'integer', generated: 'increment' })
  seriesId!: number;

  @Column({ type: 'integer', default: 0 })
  lastNumber!: number;
}
