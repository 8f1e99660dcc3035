import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { bigintTransformer, numericTransformer } from '../../common/database/transformers.js';
import { Organisation } from '../organisations/organisation.entity.js';

/** What an umbrella looks for in a building: matched against every property (see `matching.ts`). */
@Entity('search_profile')
@Index('ix_search_profile_umbrella', ['umbrellaId'])
@Check('ck_search_profile_years', `minimum_years >= 0 AND minimum_years <= 50`)
@Check('ck_search_profile_area', `min_m2 >= 0 AND max_m2 >= min_m2`)
@Check('ck_search_profile_rent', `max_rent_per_m2_year_cents IS NULL OR max_rent_per_m2_year_cents >= 0`)
@Check('ck_search_profile_investment', `own_investment_cents >= 0`)
export class SearchProfile {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  umbrellaId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'umbrella_id', foreignKeyConstraintName: 'fk_search_profile_umbrella' })
  umbrella?: Relation<Organisation>;

  @Column({ type: 'text' })
  name!: string;

  /** The fewest years of use that make a broedplaats worth building (five is common). */
  @Column({ type: 'integer' })
  minimumYears!: number;

  @Column({ type: 'numeric', precision: 10, scale: 2, transformer: numericTransformer })
  minM2!: number;

  @Column({ type: 'numeric', precision: 10, scale: 2, transformer: numericTransformer })
  maxM2!: number;

  /** City districts (stadsdelen); empty: any. */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  districts!: string[];

  /** Use categories of the property (office, industrial …); empty: any. */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  buildingTypes!: string[];

  @Column({ type: 'integer', nullable: true })
  maxRentPerM2YearCents!: number | null;

  /** What the umbrella would invest itself (installations, fit-out). */
  @Column({ type: 'bigint', default: 0, transformer: bigintTransformer })
  ownInvestmentCents!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
