import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { bigintTransformer } from '../../common/database/transformers.js';
import { StoredDocument } from '../../documents/document.entity.js';
import { Building } from '../buildings/building.entity.js';
import { Invoice } from '../invoices/invoice.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Mandate } from './mandate.entity.js';

/**
 * A batch of direct debits of one building on one collection date, and the pain.008 file written for
 * it (an immutable document). The file is what the umbrella uploads to its bank.
 */
@Entity('collection')
@Index('ix_collection_building', ['buildingId', 'collectionDate'])
@Index('uq_collection_message_id', ['messageId'], { unique: true })
@Check('ck_collection_pain_version', `pain_version IN ('08', '02')`)
@Check('ck_collection_totals', `item_count > 0 AND total_cents > 0`)
export class Collection {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  buildingId!: string;

  @ManyToOne(() => Building, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'building_id', foreignKeyConstraintName: 'fk_collection_building' })
  building?: Relation<Building>;

  @Column({ type: 'uuid' })
  creditorId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'creditor_id', foreignKeyConstraintName: 'fk_collection_creditor' })
  creditor?: Relation<Organisation>;

  @Column({ type: 'date' })
  collectionDate!: string;

  @Column({ type: 'text' })
  messageId!: string;

  @Column({ type: 'text' })
  painVersion!: '08' | '02';

  @Column({ type: 'integer' })
  itemCount!: number;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  totalCents!: number;

  @Column({ type: 'uuid' })
  documentId!: string;

  @ManyToOne(() => StoredDocument, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'fk_collection_document' })
  document?: Relation<StoredDocument>;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

export const COLLECTION_ITEM_STATUSES = ['pending', 'collected', 'returned'] as const;
export type CollectionItemStatus = (typeof COLLECTION_ITEM_STATUSES)[number];

/**
 * One invoice's direct debit in a batch. An invoice is in at most one batch that did not come back
 * (a partial unique key): two batches made at once cannot both take it, and a returned debit frees it.
 */
@Entity('collection_item')
@Index('ix_collection_item_collection', ['collectionId'])
@Index('uq_collection_item_invoice', ['invoiceId'], { unique: true, where: `status <> 'returned'` })
@Index('ix_collection_item_mandate', ['mandateId'])
@Check('ck_collection_item_amount', `amount_cents > 0`)
@Check('ck_collection_item_sequence', `sequence_type IN ('FRST', 'RCUR')`)
@Check(
  'ck_collection_item_status',
  `status IN ('pending', 'collected', 'returned') AND (status = 'returned') = (return_reason IS NOT NULL) AND (status = 'pending') = (settled_on IS NULL)`,
)
export class CollectionItem {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  collectionId!: string;

  @ManyToOne(() => Collection, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'collection_id', foreignKeyConstraintName: 'fk_collection_item_collection' })
  collection?: Relation<Collection>;

  @Column({ type: 'uuid' })
  invoiceId!: string;

  @ManyToOne(() => Invoice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'invoice_id', foreignKeyConstraintName: 'fk_collection_item_invoice' })
  invoice?: Relation<Invoice>;

  @Column({ type: 'uuid' })
  mandateId!: string;

  @ManyToOne(() => Mandate, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'mandate_id', foreignKeyConstraintName: 'fk_collection_item_mandate' })
  mandate?: Relation<Mandate>;

  /** The invoice number: the bank reports it back on the statement. */
  @Column({ type: 'text' })
  endToEndId!: string;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  amountCents!: number;

  @Column({ type: 'text' })
  sequenceType!: 'FRST' | 'RCUR';

  @Column({ type: 'text', default: 'pending' })
  status!: CollectionItemStatus;

  /** The R-transaction's reason code (AM04, MD06 …) of a returned debit. */
  @Column({ type: 'text', nullable: true })
  returnReason!: string | null;

  @Column({ type: 'date', nullable: true })
  settledOn!: string | null;
}
