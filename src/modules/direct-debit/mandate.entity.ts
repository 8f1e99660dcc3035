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
import { Lease } from '../leases/lease.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Tenant } from '../tenants/tenant.entity.js';

export const MANDATE_METHODS = ['paper', 'online'] as const;
export type MandateMethod = (typeof MANDATE_METHODS)[number];
export const MANDATE_STATUSES = ['active', 'revoked'] as const;
export type MandateStatus = (typeof MANDATE_STATUSES)[number];

/**
 * A tenant's SEPA Core direct-debit mandate to the umbrella that collects (the creditor), for all its
 * leases with that creditor or for one. The reference is unique per creditor; at most one active
 * mandate per tenant, creditor and lease (or per tenant and creditor without a lease). IBAN, creditor
 * and reference change only by an amendment, which keeps what they were.
 */
@Entity('mandate')
@Index('uq_mandate_creditor_reference', ['creditorId', 'reference'], { unique: true })
@Index('uq_mandate_active_of_lease', ['tenantId', 'creditorId', 'leaseId'], {
  unique: true,
  where: `status = 'active' AND lease_id IS NOT NULL`,
})
@Index('uq_mandate_active_of_tenant', ['tenantId', 'creditorId'], { unique: true, where: `status = 'active' AND lease_id IS NULL` })
@Check(
  'ck_mandate_reference',
  `reference ~ '^[A-Za-z0-9/?:().,''+-]{1,35}$' AND reference NOT LIKE '/%' AND reference NOT LIKE '%/' AND reference NOT LIKE '%//%'`,
)
@Check('ck_mandate_method', `method IN ('paper', 'online')`)
@Check('ck_mandate_scheme', `scheme = 'CORE'`)
@Check('ck_mandate_status', `status IN ('active', 'revoked') AND (status = 'revoked') = (revoked_on IS NOT NULL)`)
export class Mandate {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @ManyToOne(() => Tenant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'fk_mandate_tenant' })
  tenant?: Relation<Tenant>;

  @Column({ type: 'uuid', nullable: true })
  leaseId!: string | null;

  @ManyToOne(() => Lease, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lease_id', foreignKeyConstraintName: 'fk_mandate_lease' })
  lease?: Relation<Lease>;

  /** The umbrella organisation that collects under its creditor identifier. */
  @Column({ type: 'uuid' })
  creditorId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'creditor_id', foreignKeyConstraintName: 'fk_mandate_creditor' })
  creditor?: Relation<Organisation>;

  @Column({ type: 'text' })
  reference!: string;

  @Column({ type: 'text' })
  iban!: string;

  @Column({ type: 'text', nullable: true })
  bic!: string | null;

  @Column({ type: 'text' })
  accountHolder!: string;

  @Column({ type: 'date' })
  signedOn!: string;

  @Column({ type: 'text' })
  signedPlace!: string;

  @Column({ type: 'text' })
  method!: MandateMethod;

  @Column({ type: 'text', default: 'CORE' })
  scheme!: 'CORE';

  @Column({ type: 'text', default: 'active' })
  status!: MandateStatus;

  @Column({ type: 'date', nullable: true })
  revokedOn!: string | null;

  @Column({ type: 'text', nullable: true })
  revokedReason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * A change of a mandate's IBAN, creditor or reference, with what they were. The first collection
 * after it tells the bank (AmdmntInd and the originals); `reportedInCollectionId` is that collection.
 */
@Entity('mandate_amendment')
@Index('ix_mandate_amendment_mandate', ['mandateId', 'createdAt'])
@Check('ck_mandate_amendment_changes', `iban_after IS NOT NULL OR creditor_id_after IS NOT NULL OR reference_after IS NOT NULL`)
export class MandateAmendment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  mandateId!: string;

  @ManyToOne(() => Mandate, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'mandate_id', foreignKeyConstraintName: 'fk_mandate_amendment_mandate' })
  mandate?: Relation<Mandate>;

  @Column({ type: 'date' })
  amendedOn!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text' })
  ibanBefore!: string;

  @Column({ type: 'text', nullable: true })
  ibanAfter!: string | null;

  @Column({ type: 'uuid' })
  creditorIdBefore!: string;

  /** The creditor identifier the mandate was collected under before, as the bank knows it (null if it was since removed). */
  @Column({ type: 'text', nullable: true })
  creditorIdentifierBefore!: string | null;

  @Column({ type: 'uuid', nullable: true })
  creditorIdAfter!: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'creditor_id_after', foreignKeyConstraintName: 'fk_mandate_amendment_creditor' })
  creditorAfter?: Relation<Organisation>;

  @Column({ type: 'text' })
  referenceBefore!: string;

  @Column({ type: 'text', nullable: true })
  referenceAfter!: string | null;

  @Column({ type: 'uuid', nullable: true })
  reportedInCollectionId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** The last generated mandate number per creditor; its UPDATE locks it, so numbers are never handed out twice. */
@Entity('mandate_counter')
export class MandateCounter {
  @PrimaryColumn({ type: 'uuid' })
  creditorId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'creditor_id', foreignKeyConstraintName: 'fk_mandate_counter_creditor' })
  creditor?: Relation<Organisation>;

  @Column({ type: 'integer', default: 0 })
  lastNumber!: number;
}
