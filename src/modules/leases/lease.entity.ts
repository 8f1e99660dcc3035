import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { numericTransformer } from '../../common/database/transformers.js';
import { Building } from '../buildings/building.entity.js';
import { Space } from '../spaces/space.entity.js';
import { Tenant } from '../tenants/tenant.entity.js';
import type { VatRegime } from './lease-rules.js';

/**
 * A sub-lease of one space to one tenant. The database refuses two leases of a space whose periods
 * (end day included, an open end running forever) overlap, whatever the application does.
 */
@Entity('lease')
@Exclusion('ex_lease_space_period', `USING gist ("space_id" WITH =, daterange("start_date", "end_date", '[]') WITH &&)`)
@Index('ix_lease_building', ['buildingId'])
@Index('ix_lease_tenant', ['tenantId'])
@Check('ck_lease_period', `end_date IS NULL OR end_date >= start_date`)
@Check('ck_lease_notice_months', `notice_months BETWEEN 1 AND 12`)
@Check('ck_lease_vat_regime', `vat_regime IN ('exempt', 'standard')`)
@Check('ck_lease_amounts', `service_charge_monthly_cents >= 0 AND deposit_cents >= 0 AND rate_per_m2_year_cents > 0 AND area_m2 > 0`)
@Check('ck_lease_taxable_use', `taxable_use_percent IS NULL OR taxable_use_percent BETWEEN 0 AND 100`)
export class Lease {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @ManyToOne(() => Tenant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'fk_lease_tenant' })
  tenant?: Relation<Tenant>;

  @Column({ type: 'uuid' })
  spaceId!: string;

  @ManyToOne(() => Space, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'space_id', foreignKeyConstraintName: 'fk_lease_space' })
  space?: Relation<Space>;

  /** Copied from the space, so building-wide queries need no join. */
  @Column({ type: 'uuid' })
  buildingId!: string;

  @ManyToOne(() => Building, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'building_id', foreignKeyConstraintName: 'fk_lease_building' })
  building?: Relation<Building>;

  @Column({ type: 'date' })
  startDate!: string;

  @Column({ type: 'date', nullable: true })
  endDate!: string | null;

  @Column({ type: 'smallint' })
  noticeMonths!: number;

  /** Band and rate frozen at signing; later rates are revisions. */
  @Column({ type: 'text' })
  bandCode!: string;

  @Column({ type: 'integer' })
  ratePerM2YearCents!: number;

  /** The space's area at signing. */
  @Column({ type: 'numeric', precision: 10, scale: 2, transformer: numericTransformer })
  areaM2!: number;

  @Column({ type: 'integer', default: 0 })
  serviceChargeMonthlyCents!: number;

  @Column({ type: 'integer', default: 0 })
  depositCents!: number;

  @Column({ type: 'text', default: 'exempt' })
  vatRegime!: VatRegime;

  @Column({ type: 'smallint', nullable: true })
  taxableUsePercent!: number | null;

  @Column({ type: 'boolean', nullable: true })
  smallBusinessScheme!: boolean | null;

  /** When notice was given, if it was; the end date then is the notice's end. */
  @Column({ type: 'date', nullable: true })
  noticeGivenOn!: string | null;

  @Column({ type: 'text', nullable: true })
  terminationReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
