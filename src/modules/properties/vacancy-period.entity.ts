import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Property } from './property.entity.js';

/** Why a property stands empty, as the owner (or the city, for a signal) records it. */
export const VACANCY_REASONS = ['no-tenant', 'redevelopment', 'sale', 'renovation', 'use-ended', 'unknown', 'other'] as const;
export type VacancyReason = (typeof VACANCY_REASONS)[number];

/** How the period came to be known: the owner recorded it, a neighbour's signal, or a use of the building ended. */
export const VACANCY_SOURCES = ['register', 'signal', 'use-ended'] as const;
export type VacancySource = (typeof VACANCY_SOURCES)[number];

/**
 * The file's life cycle: `open` (empty, nothing due yet) → `report-due` (the statutory months have passed)
 * → `reported` (the owner filed the report) → `consulted` (the city held a consultation; more may follow)
 * → `decided`. `ended` when the property is used again, from any state.
 */
export const VACANCY_STATUSES = ['open', 'report-due', 'reported', 'consulted', 'decided', 'ended'] as const;
export type VacancyStatus = (typeof VACANCY_STATUSES)[number];

/** A stretch of time a property stands (partly) empty. At most one is open per property. */
@Entity('vacancy_period')
@Index('uq_vacancy_period_open', ['propertyId'], { unique: true, where: `ended_on IS NULL` })
@Check('ck_vacancy_period_reason', `reason IN ('no-tenant', 'redevelopment', 'sale', 'renovation', 'use-ended', 'unknown', 'other')`)
@Check('ck_vacancy_period_source', `source IN ('register', 'signal', 'use-ended')`)
@Check('ck_vacancy_period_status', `status IN ('open', 'report-due', 'reported', 'consulted', 'decided', 'ended')`)
@Check('ck_vacancy_period_ended', `(status = 'ended') = (ended_on IS NOT NULL)`)
@Check('ck_vacancy_period_end_after_start', `ended_on IS NULL OR ended_on >= vacant_since`)
@Check('ck_vacancy_period_availability', `available_until IS NULL OR available_from IS NULL OR available_until > available_from`)
export class VacancyPeriod {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  propertyId!: string;

  @ManyToOne(() => Property, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'property_id', foreignKeyConstraintName: 'fk_vacancy_period_property' })
  property?: Relation<Property>;

  @Column({ type: 'date' })
  vacantSince!: string;

  @Column({ type: 'text' })
  reason!: VacancyReason;

  /** What the owner expects to do with it (let, sell, redevelop, from when). */
  @Column({ type: 'text', nullable: true })
  ownerProspects!: string | null;

  /** From when (and until when) the owner would let it for interim use; null until: not known. */
  @Column({ type: 'date', nullable: true })
  availableFrom!: string | null;

  @Column({ type: 'date', nullable: true })
  availableUntil!: string | null;

  @Column({ type: 'text' })
  source!: VacancySource;

  @Column({ type: 'text', default: 'open' })
  status!: VacancyStatus;

  @Column({ type: 'date', nullable: true })
  endedOn!: string | null;

  /** When the daily job found the report due (by the bylaw in force when the vacancy began). */
  @Column({ type: 'date', nullable: true })
  reportDueOn!: string | null;

  /** Who recorded it; null for a neighbour's signal (never stored) and for the system. */
  @Column({ type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
