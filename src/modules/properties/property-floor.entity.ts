import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { numericTransformer } from '../../common/database/transformers.js';
import { Property } from './property.entity.js';

/** One floor of a property: its lettable floor area and how much of it stands empty. */
@Entity('property_floor')
@Check('ck_property_floor_total', `total_m2 > 0`)
@Check('ck_property_floor_vacant', `vacant_m2 >= 0 AND vacant_m2 <= total_m2`)
export class PropertyFloor {
  @PrimaryColumn({ type: 'uuid' })
  propertyId!: string;

  @ManyToOne(() => Property, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'property_id', foreignKeyConstraintName: 'fk_property_floor_property' })
  property?: Relation<Property>;

  /** 0 is the ground floor, -1 the basement. */
  @PrimaryColumn({ type: 'integer' })
  level!: number;

  @Column({ type: 'numeric', precision: 10, scale: 2, transformer: numericTransformer })
  totalM2!: number;

  @Column({ type: 'numeric', precision: 10, scale: 2, transformer: numericTransformer })
  vacantM2!: number;
}
