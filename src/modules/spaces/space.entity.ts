import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { numericTransformer } from '../../common/database/transformers.js';
import { Building } from '../buildings/building.entity.js';
import { Floor } from '../floors/floor.entity.js';

export const SPACE_USES = ['studio', 'office', 'workshop', 'shared', 'event', 'horeca'] as const;
export type SpaceUse = (typeof SPACE_USES)[number];

/** A lettable unit. The building id is copied from the floor so that codes are unique per building. */
@Entity('space')
@Index('uq_space_building_code', ['buildingId', 'code'], { unique: true })
@Index('ix_space_floor', ['floorId'])
@Check('ck_space_area_positive', `area_m2 > 0`)
@Check('ck_space_use', `use IN ('studio', 'office', 'workshop', 'shared', 'event', 'horeca')`)
export class Space {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  floorId!: string;

  @ManyToOne(() => Floor, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'floor_id', foreignKeyConstraintName: 'fk_space_floor' })
  floor?: Relation<Floor>;

  @Column({ type: 'uuid' })
  buildingId!: string;

  @ManyToOne(() => Building, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'building_id', foreignKeyConstraintName: 'fk_space_building' })
  building?: Relation<Building>;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'numeric', precision: 10, scale: 2, transformer: numericTransformer })
  areaM2!: number;

  @Column({ type: 'text' })
  use!: SpaceUse;

  /** A café or shop open to the public: its lease falls under art. 7:290 BW and may outlive the head lease. */
  @Column({ type: 'boolean', default: false })
  publicCounter!: boolean;
}
