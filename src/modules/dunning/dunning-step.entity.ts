import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { bigintTransformer } from '../../common/database/transformers.js';
import { StoredDocument } from '../../documents/document.entity.js';
import { Invoice } from '../invoices/invoice.entity.js';
import type { DunningStep } from './dunning-rules.js';

/**
 * A reminder letter sent for an invoice: one row per invoice and step (a unique key), so a re-run or a
 * retried job never makes a second letter. The letter is stored in the same transaction as its row.
 */
@Entity('dunning_step')
@Index('uq_dunning_step_invoice_step', ['invoiceId', 'step'], { unique: true })
@Index('ix_dunning_step_tenant', ['tenantId'])
@Check('ck_dunning_step_step', `step BETWEEN 1 AND 3`)
@Check('ck_dunning_step_open', `open_cents > 0`)
export class DunningStepSent {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ type: 'uuid' }) invoiceId!: string;

  @ManyToOne(() => Invoice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'invoice_id', foreignKeyConstraintName: 'fk_dunning_step_invoice' })
  invoice?: Relation<Invoice>;

  /** The invoice's tenant, copied so a tenant's letters are found without the invoice. */
  @Column({ type: 'uuid' }) tenantId!: string;

  @Column({ type: 'smallint' }) step!: DunningStep;

  @Column({ type: 'date' }) sentOn!: string;

  /** What was still open on the invoice when the letter was written. */
  @Column({ type: 'bigint', transformer: bigintTransformer }) openCents!: number;

  @Column({ type: 'uuid' }) documentId!: string;

  @ManyToOne(() => StoredDocument, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'fk_dunning_step_document' })
  document?: Relation<StoredDocument>;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
