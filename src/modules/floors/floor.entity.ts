import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Building } from '../buildings/building.entity.js';

/** A floor: the unit a group application wins (one floor, one group). */
@Entity('floor')
@Index('uq_floor_building_level', ['buildingId', 'level'], { unique: true })
export class Floor {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  buildingId!: string;

  @ManyToOne(() => Building, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'building_id', foreignKeyConstraintName: 'fk_floor_building' })
  building?: Relation<Building>;

  /** 0 is the ground floor, negative a basement. */
  @Column({ type: 'integer' })
  level!: number;

  @Column({ type: 'text', nullable: true })
  name!: string | null;

  /** What the floor is for, e.g. a design floor or a hip-hop floor. */
  @Column({ type: 'text', nullable: true })
  theme!: string | null;
}
