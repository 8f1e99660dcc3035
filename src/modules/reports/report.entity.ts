import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { StoredDocument } from '../../documents/document.entity.js';
import type { JobStatus } from '../../jobs/job-status.js';
import { User } from '../users/user.entity.js';

export const REPORT_KINDS = ['owner-occupancy', 'municipality-monitor', 'arrears', 'double-balance', 'vacancy-pipeline'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_FORMATS = ['pdf', 'csv', 'json', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A requested report: the status row of its queued job, and the stored file when done. */
@Entity('report')
@Index('ix_report_requested_by', ['requestedBy'])
@Check('ck_report_kind', `kind IN ('owner-occupancy', 'municipality-monitor', 'arrears', 'double-balance', 'vacancy-pipeline')`)
@Check('ck_report_format', `format IN ('pdf', 'csv', 'json', 'xlsx')`)
@Check('ck_report_status', `status IN ('queued', 'running', 'completed', 'failed')`)
@Check(
  'ck_report_scope',
  `(kind IN ('owner-occupancy', 'arrears') AND building_id IS NOT NULL) OR (kind IN ('municipality-monitor', 'vacancy-pipeline') AND city IS NOT NULL) OR (kind = 'double-balance' AND (building_id IS NOT NULL OR city IS NOT NULL))`,
)
@Check('ck_report_progress', `progress BETWEEN 0 AND 100`)
export class Report {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) kind!: ReportKind;
  @Column({ type: 'uuid', nullable: true }) buildingId!: string | null;
  @Column({ type: 'text', nullable: true }) city!: string | null;
  @Column({ type: 'text' }) period!: string;
  @Column({ type: 'text' }) format!: ReportFormat;
  @Column({ type: 'text', default: 'queued' }) status!: JobStatus;
  @Column({ type: 'smallint', default: 0 }) progress!: number;
  @Column({ type: 'text', nullable: true }) error!: string | null;

  /** Null for scheduled reports. */
  @Column({ type: 'uuid', nullable: true }) requestedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'fk_report_requested_by' })
  requester?: Relation<User>;

  @Column({ type: 'uuid', nullable: true }) documentId!: string | null;

  @ManyToOne(() => StoredDocument, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'fk_report_document' })
  document?: Relation<StoredDocument>;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
