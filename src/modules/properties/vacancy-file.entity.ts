import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { VacancyPeriod } from './vacancy-period.entity.js';

/** What the owner reported about one floor: its vacant m² on the day of the report. */
export interface ReportedFloor {
  level: number;
  vacantM2: number;
}

/** The owner's report of a vacancy (leegstandsmelding): filed once, never changed. */
@Entity('vacancy_report')
@Index('uq_vacancy_report_period', ['vacancyPeriodId'], { unique: true })
export class VacancyReport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  vacancyPeriodId!: string;

  @ManyToOne(() => VacancyPeriod, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'vacancy_period_id', foreignKeyConstraintName: 'fk_vacancy_report_period' })
  vacancyPeriod?: Relation<VacancyPeriod>;

  @Column({ type: 'date' })
  filedOn!: string;

  @Column({ type: 'date' })
  vacantSince!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text' })
  prospects!: string;

  @Column({ type: 'jsonb' })
  floors!: ReportedFloor[];

  @Column({ type: 'uuid', nullable: true })
  filedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A consultation (overleg) the city held with the owner about a reported vacancy; recorded once. */
@Entity('vacancy_consultation')
@Index('ix_vacancy_consultation_period', ['vacancyPeriodId'])
export class VacancyConsultation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  vacancyPeriodId!: string;

  @ManyToOne(() => VacancyPeriod, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'vacancy_period_id', foreignKeyConstraintName: 'fk_vacancy_consultation_period' })
  vacancyPeriod?: Relation<VacancyPeriod>;

  @Column({ type: 'date' })
  heldOn!: string;

  /** Who took part (names of organisations and roles, not of private persons). */
  @Column({ type: 'text' })
  parties!: string;

  @Column({ type: 'text' })
  outcome!: string;

  @Column({ type: 'text' })
  nextStep!: string;

  @Column({ type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

export const DECISION_KINDS = ['owner-plan-accepted', 'interim-use-agreed', 'user-nominated', 'closed'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** The city's decision on a vacancy after consultation; one per period, never changed. */
@Entity('vacancy_decision')
@Index('uq_vacancy_decision_period', ['vacancyPeriodId'], { unique: true })
@Check('ck_vacancy_decision_kind', `kind IN ('owner-plan-accepted', 'interim-use-agreed', 'user-nominated', 'closed')`)
export class VacancyDecision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  vacancyPeriodId!: string;

  @ManyToOne(() => VacancyPeriod, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'vacancy_period_id', foreignKeyConstraintName: 'fk_vacancy_decision_period' })
  vacancyPeriod?: Relation<VacancyPeriod>;

  @Column({ type: 'date' })
  decidedOn!: string;

  @Column({ type: 'text' })
  kind!: DecisionKind;

  @Column({ type: 'text' })
  motivation!: string;

  @Column({ type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
