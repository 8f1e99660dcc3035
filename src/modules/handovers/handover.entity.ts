import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { StoredDocument } from '../../documents/document.entity.js';
import { Building } from '../buildings/building.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { JOB_STATUSES } from '../../jobs/job-status.js';
import type { HandoverPlan } from './handover-plan.js';

/** A job's words, and before them `scheduled` (waiting for its transfer date) or, instead, `cancelled`. */
export const HANDOVER_STATUSES = ['scheduled', ...JOB_STATUSES, 'cancelled'] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

/**
 * A sale of the building to a new owner at a transfer date: `scheduled` until that date, then the
 * status row of a queued job. One handover of a building at a time is scheduled or in progress.
 */
@Entity('handover')
@Index('uq_handover_in_progress', ['buildingId'], { unique: true, where: `status IN ('scheduled', 'queued', 'running')` })
@Index('ix_handover_building', ['buildingId', 'transferDate'])
@Index('ix_handover_due', ['transferDate'], { where: `status = 'scheduled'` })
@Check('ck_handover_status', `status IN ('scheduled', 'queued', 'running', 'completed', 'failed', 'cancelled')`)
@Check('ck_handover_new_owner', `to_owner_id <> from_owner_id`)
export class Handover {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ type: 'uuid' }) buildingId!: string;

  @ManyToOne(() => Building, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'building_id', foreignKeyConstraintName: 'fk_handover_building' })
  building?: Relation<Building>;

  @Column({ type: 'uuid' }) fromOwnerId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_owner_id', foreignKeyConstraintName: 'fk_handover_from_owner' })
  fromOwner?: Relation<Organisation>;

  @Column({ type: 'uuid' }) toOwnerId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_owner_id', foreignKeyConstraintName: 'fk_handover_to_owner' })
  toOwner?: Relation<Organisation>;

  @Column({ type: 'date' }) transferDate!: string;
  /** The floors that stay a broedplaats. */
  @Column({ type: 'uuid', array: true }) retainedFloorIds!: string[];
  @Column({ type: 'date', nullable: true }) newUseEnd!: string | null;
  /** The day notices to vacate are dated; the day the handover is carried out unless loaded as history. */
  @Column({ type: 'date', nullable: true }) noticeDate!: string | null;
  @Column({ type: 'text', default: 'queued' }) status!: HandoverStatus;
  /** The plan as previewed when asked for, replaced by what was done when carried out. */
  @Column({ type: 'jsonb' }) plan!: HandoverPlan;
  @Column({ type: 'text', nullable: true }) error!: string | null;

  /** The umbrella's copy of the dossier, with the sub-tenants' names, deposits and arrears. */
  @Column({ type: 'uuid', nullable: true }) dossierDocumentId!: string | null;

  @ManyToOne(() => StoredDocument, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'dossier_document_id', foreignKeyConstraintName: 'fk_handover_dossier' })
  dossierDocument?: Relation<StoredDocument>;

  /** The owners' copy: they deal with the umbrella, not with its sub-tenants, so it names none of them. */
  @Column({ type: 'uuid', nullable: true }) ownerDossierDocumentId!: string | null;

  @ManyToOne(() => StoredDocument, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_dossier_document_id', foreignKeyConstraintName: 'fk_handover_owner_dossier' })
  ownerDossierDocument?: Relation<StoredDocument>;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) cancelledAt!: Date | null;
}
