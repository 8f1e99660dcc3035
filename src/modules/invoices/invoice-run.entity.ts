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
import type { JobStatus } from '../../jobs/job-status.js';
import { Building } from '../buildings/building.entity.js';
import { Lease } from '../leases/lease.entity.js';

/** The monthly invoicing of one building: the status row; the queue only carries its chunks. */
@Entity('invoice_run')
@Index('uq_invoice_run_building_period', ['buildingId', 'period'], { unique: true })
@Check('ck_invoice_run_status', `status IN ('queued', 'running', 'completed', 'failed')`)
@Check('ck_invoice_run_period', `period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
@Check('ck_invoice_run_progress', `done >= 0 AND done <= total`)
export class InvoiceRun {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  buildingId!: string;

  @ManyToOne(() => Building, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'building_id', foreignKeyConstraintName: 'fk_invoice_run_building' })
  building?: Relation<Building>;

  @Column({ type: 'text' })
  period!: string;

  @Column({ type: 'text', default: 'queued' })
  status!: JobStatus;

  /** Leases planned, and those invoiced (or found to owe nothing) with their PDF stored. */
  @Column({ type: 'integer', default: 0 })
  total!: number;

  @Column({ type: 'integer', default: 0 })
  done!: number;

  @Column({ type: 'integer', default: 0 })
  invoiceCount!: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintTransformer })
  totalCents!: number;

  /** Raised each time the run is planned again, so its chunk jobs get fresh ids. */
  @Column({ type: 'integer', default: 1 })
  generation!: number;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}

/** One lease in a run, in a chunk of about 50; done once its invoice and PDF exist (or nothing was owed). */
@Entity('invoice_run_item')
@Index('ix_invoice_run_item_chunk', ['runId', 'chunk'])
export class InvoiceRunItem {
  @PrimaryColumn({ type: 'uuid' })
  runId!: string;

  @ManyToOne(() => InvoiceRun, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'fk_invoice_run_item_run' })
  run?: Relation<InvoiceRun>;

  @PrimaryColumn({ type: 'uuid' })
  leaseId!: string;

  @ManyToOne(() => Lease, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lease_id', foreignKeyConstraintName: 'fk_invoice_run_item_lease' })
  lease?: Relation<Lease>;

  @Column({ type: 'integer' })
  chunk!: number;

  @Column({ type: 'boolean', default: false })
  done!: boolean;
}
