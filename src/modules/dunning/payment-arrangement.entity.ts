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
import { Invoice } from '../invoices/invoice.entity.js';
import { Tenant } from '../tenants/tenant.entity.js';
import type { ArrangementStatus } from './dunning-rules.js';

export const ARRANGEMENT_STATUSES = ['active', 'completed', 'broken', 'cancelled'] as const;

/**
 * Instalments an admin agreed with a tenant for its open invoices. While `active` the invoices get no
 * reminders; payments on them since the agreement fill the instalments in due order.
 */
@Entity('payment_arrangement')
@Index('ix_payment_arrangement_tenant', ['tenantId'])
@Check('ck_payment_arrangement_status', `status IN ('active', 'completed', 'broken', 'cancelled')`)
@Check('ck_payment_arrangement_total', `total_cents > 0`)
@Check('ck_payment_arrangement_ended', `(status = 'active') = (ended_on IS NULL)`)
export class PaymentArrangement {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ type: 'uuid' }) tenantId!: string;

  @ManyToOne(() => Tenant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'fk_payment_arrangement_tenant' })
  tenant?: Relation<Tenant>;

  @Column({ type: 'text', default: 'active' }) status!: ArrangementStatus;

  @Column({ type: 'date' }) agreedOn!: string;

  /** What was open on the invoices when it was agreed: the instalments add up to it. */
  @Column({ type: 'bigint', transformer: bigintTransformer }) totalCents!: number;

  /** What the invoices had been paid when it was agreed; what is paid beyond counts toward the instalments. */
  @Column({ type: 'bigint', transformer: bigintTransformer }) paidAtStartCents!: number;

  @Column({ type: 'date', nullable: true }) endedOn!: string | null;

  @Column({ type: 'uuid', nullable: true }) agreedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** An invoice under an arrangement; an invoice is under at most one active arrangement (a partial unique key). */
@Entity('arrangement_invoice')
@Index('uq_arrangement_invoice_active', ['invoiceId'], { unique: true, where: 'active' })
export class ArrangementInvoice {
  @PrimaryColumn({ type: 'uuid' }) arrangementId!: string;

  @ManyToOne(() => PaymentArrangement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'arrangement_id', foreignKeyConstraintName: 'fk_arrangement_invoice_arrangement' })
  arrangement?: Relation<PaymentArrangement>;

  @PrimaryColumn({ type: 'uuid' }) invoiceId!: string;

  @ManyToOne(() => Invoice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'invoice_id', foreignKeyConstraintName: 'fk_arrangement_invoice_invoice' })
  invoice?: Relation<Invoice>;

  /** Follows the arrangement's status: false once it completed, broke or was cancelled. */
  @Column({ type: 'boolean', default: true }) active!: boolean;
}

@Entity('arrangement_instalment')
@Check('ck_arrangement_instalment_amount', `amount_cents > 0`)
export class ArrangementInstalment {
  @PrimaryColumn({ type: 'uuid' }) arrangementId!: string;

  @ManyToOne(() => PaymentArrangement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'arrangement_id', foreignKeyConstraintName: 'fk_arrangement_instalment_arrangement' })
  arrangement?: Relation<PaymentArrangement>;

  @PrimaryColumn({ type: 'smallint' }) position!: number;

  @Column({ type: 'date' }) dueDate!: string;

  @Column({ type: 'bigint', transformer: bigintTransformer }) amountCents!: number;
}
