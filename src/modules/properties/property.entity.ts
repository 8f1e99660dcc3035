import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { numericTransformer } from '../../common/database/transformers.js';
import { Organisation } from '../organisations/organisation.entity.js';

export const USE_CATEGORIES = ['office', 'retail', 'industrial', 'education', 'healthcare', 'religious', 'residential', 'other'] as const;
export type UseCategory = (typeof USE_CATEGORIES)[number];

export const PROPERTY_CONDITIONS = ['good', 'fair', 'poor', 'derelict'] as const;
export type PropertyCondition = (typeof PROPERTY_CONDITIONS)[number];

/** The fire-safety state as last inspected: usable as is, usable after works, or not known yet. */
export const FIRE_SAFETY_STATES = ['unknown', 'compliant', 'works-needed', 'not-usable'] as const;
export type FireSafetyState = (typeof FIRE_SAFETY_STATES)[number];

export const ENERGY_LABELS = ['A++++', 'A+++', 'A++', 'A+', 'A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
export type EnergyLabel = (typeof ENERGY_LABELS)[number];

/**
 * Who sees a property: `internal` its owner and the city; `matching` also the umbrellas whose search
 * profile fits it; `public` everyone, but then only its address, m² and availability.
 */
export const PUBLICATION_LEVELS = ['internal', 'matching', 'public'] as const;
export type PublicationLevel = (typeof PUBLICATION_LEVELS)[number];

/**
 * A building as real estate: it outlives its uses. Vacant or let, it keeps its address, floors and
 * owner; a building (a head lease to an umbrella) links to it for the years of that use.
 */
@Entity('property')
@Index('ix_property_owner', ['ownerId'])
@Index('uq_property_bag_verblijfsobject', ['bagVerblijfsobjectId'], { unique: true, where: 'bag_verblijfsobject_id IS NOT NULL' })
@Check(
  'ck_property_use_category',
  `use_category IN ('office', 'retail', 'industrial', 'education', 'healthcare', 'religious', 'residential', 'other')`,
)
@Check('ck_property_condition', `condition IS NULL OR condition IN ('good', 'fair', 'poor', 'derelict')`)
@Check('ck_property_fire_safety', `fire_safety IN ('unknown', 'compliant', 'works-needed', 'not-usable')`)
@Check(
  'ck_property_energy_label',
  `energy_label IS NULL OR energy_label IN ('A++++', 'A+++', 'A++', 'A+', 'A', 'B', 'C', 'D', 'E', 'F', 'G')`,
)
@Check('ck_property_publication', `publication IN ('internal', 'matching', 'public')`)
@Check('ck_property_bag_pand', `bag_pand_id IS NULL OR bag_pand_id ~ '^[0-9]{16}$'`)
@Check('ck_property_bag_verblijfsobject', `bag_verblijfsobject_id IS NULL OR bag_verblijfsobject_id ~ '^[0-9]{16}$'`)
@Check(
  'ck_property_coordinates',
  `(latitude IS NULL) = (longitude IS NULL) AND (latitude IS NULL OR (latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180))`,
)
export class Property {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** What people call it ("Wibauthuis"); the address when it has no name. */
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  address!: string;

  @Column({ type: 'text', nullable: true })
  postcode!: string | null;

  @Column({ type: 'text' })
  city!: string;

  /** The city district (stadsdeel), e.g. Oost. */
  @Column({ type: 'text', nullable: true })
  district!: string | null;

  /** The BAG building (pand) id, 16 digits, where known. */
  @Column({ type: 'text', nullable: true })
  bagPandId!: string | null;

  /** The BAG unit (verblijfsobject) id, 16 digits, where known. */
  @Column({ type: 'text', nullable: true })
  bagVerblijfsobjectId!: string | null;

  @Column({ type: 'text' })
  useCategory!: UseCategory;

  /** What the zoning plan allows, as written there ("Kantoor", "Gemengd - 2"). */
  @Column({ type: 'text', nullable: true })
  zoning!: string | null;

  @Column({ type: 'text', nullable: true })
  condition!: PropertyCondition | null;

  @Column({ type: 'text', default: 'unknown' })
  fireSafety!: FireSafetyState;

  @Column({ type: 'text', nullable: true })
  energyLabel!: EnergyLabel | null;

  @Column({ type: 'uuid' })
  ownerId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'fk_property_owner' })
  owner?: Relation<Organisation>;

  /** Who manages it while empty (a vacancy manager such as a guardianship company), by name. */
  @Column({ type: 'text', nullable: true })
  vacancyManager!: string | null;

  @Column({ type: 'text', default: 'internal' })
  publication!: PublicationLevel;

  /**
   * The day it was first put up for matching or a tender: published as `matching` or `public`, or a
   * tender opened on it. What the city's pipeline counts as offered in that day's year; null: never offered.
   */
  @Column({ type: 'date', nullable: true })
  offeredOn!: string | null;

  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true, transformer: numericTransformer })
  latitude!: number | null;

  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true, transformer: numericTransformer })
  longitude!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
