import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { StoredDocument } from '../../documents/document.entity.js';
import { Handover } from '../handovers/handover.entity.js';
import { Lease } from './lease.entity.js';

/**
 * The written notice to vacate (ontruimingsaanzegging) a lease got from a handover. The leases
 * module owns it: it is written only where notice is given on leases (`LeasesService.end`).
 */
@Entity('lease_notice')
export class LeaseNotice {
  @PrimaryColumn({ type: 'uuid' }) leaseId!: string;

  @ManyToOne(() => Lease, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lease_id', foreignKeyConstraintName: 'fk_lease_notice_lease' })
  lease?: Relation<Lease>;

  @Column({ type: 'uuid' }) handoverId!: string;

  @ManyToOne(() => Handover, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'handover_id', foreignKeyConstraintName: 'fk_lease_notice_handover' })
  handover?: Relation<Handover>;

  @Column({ type: 'date' }) givenOn!: string;
  @Column({ type: 'date' }) endDate!: string;
  @Column({ type: 'jsonb' }) relocationOptions!: { spaceId: string; code: string; areaM2: number }[];
  @Column({ type: 'uuid', nullable: true }) documentId!: string | null;

  @ManyToOne(() => StoredDocument, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'fk_lease_notice_document' })
  document?: Relation<StoredDocument>;
}
