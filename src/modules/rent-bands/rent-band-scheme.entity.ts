import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { bigintTransformer } from '../../common/database/transformers.js';
import { Building } from '../buildings/building.entity.js';

/** The bands of a building from a date on; the newest scheme whose date has come holds. */
@Entity('rent_band_scheme')
@Index('uq_rent_band_scheme_building_valid_from', ['buildingId', 'validFrom'], { unique: true })
export class RentBandScheme {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  buildingId!: string;

  @ManyToOne(() => Building, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'building_id', foreignKeyConstraintName: 'fk_rent_band_scheme_building' })
  building?: Relation<Building>;

  @Column({ type: 'date' })
  validFrom!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('rent_band')
@Index('uq_rent_band_scheme_code', ['schemeId', 'code'], { unique: true })
@Check('ck_rent_band_rate_positive', `rate_per_m2_year_cents > 0`)
@Check('ck_rent_band_max_income', `max_income_cents IS NULL OR max_income_cents >= 0`)
export class RentBand {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  schemeId!: string;

  @ManyToOne(() => RentBandScheme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'scheme_id', foreignKeyConstraintName: 'fk_rent_band_scheme' })
  scheme?: Relation<RentBandScheme>;

  /** Order within the scheme, lowest income limit first. */
  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'integer' })
  ratePerM2YearCents!: number;

  @Column({ type: 'bigint', nullable: true, transformer: bigintTransformer })
  maxIncomeCents!: number | null;
}
