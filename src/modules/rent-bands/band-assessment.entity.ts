import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Building } from '../buildings/building.entity.js';
import { Tenant } from '../tenants/tenant.entity.js';
import { User } from '../users/user.entity.js';

/**
 * The band a tenant's income puts it in for one building. The income itself is personal data that
 * the rent does not need once the band is known, so it has no column here or anywhere else.
 */
@Entity('band_assessment')
@Index('ix_band_assessment_tenant_building', ['tenantId', 'buildingId', 'validUntil'])
@Check('ck_band_assessment_basis_year', `basis_year BETWEEN 1900 AND 2200`)
export class BandAssessment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @ManyToOne(() => Tenant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'fk_band_assessment_tenant' })
  tenant?: Relation<Tenant>;

  @Column({ type: 'uuid' })
  buildingId!: string;

  @ManyToOne(() => Building, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'building_id', foreignKeyConstraintName: 'fk_band_assessment_building' })
  building?: Relation<Building>;

  @Column({ type: 'text' })
  bandCode!: string;

  /** The band's rate in the scheme the assessment used, for the record. */
  @Column({ type: 'integer' })
  ratePerM2YearCents!: number;

  @Column({ type: 'integer' })
  basisYear!: number;

  @Column({ type: 'date' })
  validUntil!: string;

  @Column({ type: 'uuid', nullable: true })
  assessedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assessed_by', foreignKeyConstraintName: 'fk_band_assessment_assessed_by' })
  assessor?: Relation<User>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  assessedAt!: Date;
}
