import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Property } from './property.entity.js';

/**
 * Interim use of an empty property: guardianship (anti-kraak, under a loan for use with 28 days'
 * notice, by a manager) or a temporary letting under a permit of the Leegstandwet (until a date).
 */
export const INTERIM_USE_KINDS = ['guardianship', 'temporary-letting'] as const;
export type InterimUseKind = (typeof INTERIM_USE_KINDS)[number];

@Entity('interim_use')
@Index('ix_interim_use_property', ['propertyId'])
@Check('ck_interim_use_kind', `kind IN ('guardianship', 'temporary-letting')`)
@Check('ck_interim_use_period', `ends_on IS NULL OR ends_on > starts_on`)
@Check('ck_interim_use_notice', `notice_days >= 0`)
@Check('ck_interim_use_permit', `kind <> 'temporary-letting' OR (permit_reference IS NOT NULL AND ends_on IS NOT NULL)`)
export class InterimUse {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  propertyId!: string;

  @ManyToOne(() => Property, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'property_id', foreignKeyConstraintName: 'fk_interim_use_property' })
  property?: Relation<Property>;

  @Column({ type: 'text' })
  kind!: InterimUseKind;

  /** The guardianship company or the letting party. */
  @Column({ type: 'text' })
  manager!: string;

  @Column({ type: 'date' })
  startsOn!: string;

  /** Guardianship runs until notice is given (null); a permit ends on its date. */
  @Column({ type: 'date', nullable: true })
  endsOn!: string | null;

  /** Days of notice the owner must give to end it (28 for a guardianship's loan for use). */
  @Column({ type: 'integer' })
  noticeDays!: number;

  @Column({ type: 'text', nullable: true })
  permitReference!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
