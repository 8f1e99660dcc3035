import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Organisation } from '../organisations/organisation.entity.js';
import { Property } from '../properties/property.entity.js';

export const BUILDING_KINDS = ['temporary', 'permanent'] as const;
export type BuildingKind = (typeof BUILDING_KINDS)[number];

/** A building let as a whole to the umbrella (the head lease, from useStart to useEnd) and sub-let to makers. */
@Entity('building')
@Index('uq_building_invoice_prefix', ['invoicePrefix'], { unique: true })
@Index('ix_building_owner', ['ownerId'])
@Index('ix_building_property', ['propertyId'])
@Check('ck_building_kind', `kind IN ('temporary', 'permanent')`)
@Check('ck_building_temporary_has_end', `kind = 'permanent' OR use_end IS NOT NULL`)
@Check('ck_building_use_period', `use_end IS NULL OR use_end > use_start`)
@Check('ck_building_invoice_prefix', `invoice_prefix ~ '^[A-Z][A-Z0-9]{1,7}$'`)
export class Building {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  address!: string;

  @Column({ type: 'text' })
  city!: string;

  @Column({ type: 'uuid' })
  ownerId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'fk_building_owner' })
  owner?: Relation<Organisation>;

  @Column({ type: 'uuid' })
  umbrellaId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'umbrella_id', foreignKeyConstraintName: 'fk_building_umbrella' })
  umbrella?: Relation<Organisation>;

  @Column({ type: 'text' })
  kind!: BuildingKind;

  @Column({ type: 'date' })
  useStart!: string;

  @Column({ type: 'date', nullable: true })
  useEnd!: string | null;

  @Column({ type: 'text' })
  invoicePrefix!: string;

  /** Since when the current owner owns it (a handover's transfer date); null: since the start of use. */
  @Column({ type: 'date', nullable: true })
  ownerSince!: string | null;

  /** The property (the real estate) this use is of; null for buildings recorded before properties were. */
  @Column({ type: 'uuid', nullable: true })
  propertyId!: string | null;

  @ManyToOne(() => Property, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'property_id', foreignKeyConstraintName: 'fk_building_property' })
  property?: Relation<Property>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
