import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { bigintTransformer } from '../../common/database/transformers.js';
import { Building } from '../buildings/building.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';

/** What the owner earns from the head lease and pays on the loan for the building. */
@Entity('building_finance')
@Check(
  'ck_building_finance_amounts',
  `head_lease_rent_year_cents >= 0 AND loan_principal_cents >= 0 AND interest_rate_bps BETWEEN 0 AND 10000`,
)
export class BuildingFinance {
  @PrimaryColumn({ type: 'uuid' }) buildingId!: string;

  @OneToOne(() => Building, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'building_id', foreignKeyConstraintName: 'fk_building_finance_building' })
  building?: Relation<Building>;

  @Column({ type: 'bigint', transformer: bigintTransformer }) headLeaseRentYearCents!: number;
  @Column({ type: 'bigint', transformer: bigintTransformer }) loanPrincipalCents!: number;
  @Column({ type: 'integer' }) interestRateBps!: number;
}

/** A one-off investment in the building by a party: the owner's installations, the city's fire safety … */
@Entity('investment')
@Index('ix_investment_building', ['buildingId'])
@Check('ck_investment_amount_positive', `amount_cents > 0`)
export class Investment {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ type: 'uuid' }) buildingId!: string;

  @ManyToOne(() => Building, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'building_id', foreignKeyConstraintName: 'fk_investment_building' })
  building?: Relation<Building>;

  @Column({ type: 'uuid' }) partyId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'party_id', foreignKeyConstraintName: 'fk_investment_party' })
  party?: Relation<Organisation>;

  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'bigint', transformer: bigintTransformer }) amountCents!: number;
  @Column({ type: 'date' }) date!: string;
}
