import { Check, Column, Entity, Exclusion, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Organisation } from '../organisations/organisation.entity.js';
import { Building } from './building.entity.js';

/**
 * Who owned the building when: from `ownedFrom` (included) until `ownedTo`, the transfer date to the
 * next owner (excluded); the current owner's period is open. Periods of one building never overlap,
 * so each day has at most one owner; the seller keeps its past through its period.
 */
@Entity('building_ownership')
@Exclusion('ex_building_ownership_period', `USING gist ("building_id" WITH =, daterange("owned_from", "owned_to", '[)') WITH &&)`)
@Index('uq_building_ownership_current', ['buildingId'], { unique: true, where: `owned_to IS NULL` })
@Index('ix_building_ownership_owner', ['ownerId'])
@Check('ck_building_ownership_period', `owned_to IS NULL OR owned_to > owned_from`)
export class BuildingOwnership {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ type: 'uuid' }) buildingId!: string;

  @ManyToOne(() => Building, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'building_id', foreignKeyConstraintName: 'fk_building_ownership_building' })
  building?: Relation<Building>;

  @Column({ type: 'uuid' }) ownerId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'fk_building_ownership_owner' })
  owner?: Relation<Organisation>;

  @Column({ type: 'date' }) ownedFrom!: string;
  @Column({ type: 'date', nullable: true }) ownedTo!: string | null;
}
