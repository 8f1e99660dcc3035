import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { numericTransformer } from '../../common/database/transformers.js';
import { Building } from '../buildings/building.entity.js';
import { Lease } from './lease.entity.js';

export const REVISION_REASONS = ['signing', 'band_reassessment', 'indexation'] as const;
export type RevisionReason = (typeof REVISION_REASONS)[number];

/** A yearly CPI indexation of every lease of a building that runs on its date. */
@Entity('building_indexation')
@Index('uq_building_indexation_date', ['buildingId', 'effectiveDate'], { unique: true })
@Check('ck_building_indexation_percent', `percent BETWEEN -50 AND 100`)
export class BuildingIndexation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  buildingId!: string;

  @ManyToOne(() => Building, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'building_id', foreignKeyConstraintName: 'fk_building_indexation_building' })
  building?: Relation<Building>;

  @Column({ type: 'date' })
  effectiveDate!: string;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numericTransformer })
  percent!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * The rate of a lease from a date on. Rates change only by adding a revision, never by
 * overwriting, so the rate that held on any day can always be told.
 */
@Entity('lease_revision')
@Index('uq_lease_revision_date', ['leaseId', 'effectiveDate'], { unique: true })
@Check('ck_lease_revision_reason', `reason IN ('signing', 'band_reassessment', 'indexation')`)
@Check('ck_lease_revision_rate', `rate_per_m2_year_cents > 0`)
export class LeaseRevision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  leaseId!: string;

  @ManyToOne(() => Lease, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lease_id', foreignKeyConstraintName: 'fk_lease_revision_lease' })
  lease?: Relation<Lease>;

  @Column({ type: 'date' })
  effectiveDate!: string;

  @Column({ type: 'text' })
  bandCode!: string;

  @Column({ type: 'integer' })
  ratePerM2YearCents!: number;

  @Column({ type: 'text' })
  reason!: RevisionReason;

  @Column({ type: 'uuid', nullable: true })
  indexationId!: string | null;

  @ManyToOne(() => BuildingIndexation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'indexation_id', foreignKeyConstraintName: 'fk_lease_revision_indexation' })
  indexation?: Relation<BuildingIndexation>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
