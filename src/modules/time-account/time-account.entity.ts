import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { bigintTransformer } from '../../common/database/transformers.js';
import { Building } from '../buildings/building.entity.js';
import { Tenant } from '../tenants/tenant.entity.js';
import { EVENT_KINDS, type ProgrammeEventKind, TIME_KINDS, type TimeEntryStatus, type TimeKind } from './time-rules.js';

const quoted = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/** A working group of a building's makers (building and repairs, PR, security …), with one of them as its coordinator. */
@Entity('working_group')
@Index('uq_working_group_building_name', ['buildingId', 'name'], { unique: true })
export class WorkingGroup {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ type: 'uuid' }) buildingId!: string;

  @ManyToOne(() => Building, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'building_id', foreignKeyConstraintName: 'fk_working_group_building' })
  building?: Relation<Building>;

  @Column({ type: 'text' }) name!: string;

  @Column({ type: 'uuid', nullable: true }) coordinatorTenantId!: string | null;

  @ManyToOne(() => Tenant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'coordinator_tenant_id', foreignKeyConstraintName: 'fk_working_group_coordinator' })
  coordinator?: Relation<Tenant>;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** Hours a maker gave, in quarters of an hour; approved by the group's coordinator or an admin, and then final. */
@Entity('time_entry')
@Index('ix_time_entry_building_date', ['buildingId', 'date'])
@Index('ix_time_entry_tenant_date', ['tenantId', 'date'])
@Index('ix_time_entry_group', ['workingGroupId'])
@Check('ck_time_entry_quarters', `quarters BETWEEN 1 AND 64`)
@Check('ck_time_entry_kind', `kind IN (${quoted(TIME_KINDS)})`)
@Check('ck_time_entry_status', `status IN ('pending', 'approved', 'rejected')`)
@Check('ck_time_entry_decided', `(status = 'pending') = (decided_at IS NULL)`)
export class TimeEntry {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ type: 'uuid' }) buildingId!: string;

  @ManyToOne(() => Building, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'building_id', foreignKeyConstraintName: 'fk_time_entry_building' })
  building?: Relation<Building>;

  @Column({ type: 'uuid' }) tenantId!: string;

  @ManyToOne(() => Tenant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'fk_time_entry_tenant' })
  tenant?: Relation<Tenant>;

  @Column({ type: 'uuid', nullable: true }) workingGroupId!: string | null;

  @ManyToOne(() => WorkingGroup, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'working_group_id', foreignKeyConstraintName: 'fk_time_entry_working_group' })
  workingGroup?: Relation<WorkingGroup>;

  @Column({ type: 'date' }) date!: string;
  /** Hours × 4: 2.75 hours is 11. */
  @Column({ type: 'smallint' }) quarters!: number;
  @Column({ type: 'text' }) kind!: TimeKind;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'text', default: 'pending' }) status!: TimeEntryStatus;
  @Column({ type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) rejectionReason!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** An event of the public programme or for the neighbourhood, in a building. */
@Entity('programme_event')
@Index('ix_programme_event_building_date', ['buildingId', 'date'])
@Check('ck_programme_event_kind', `kind IN (${quoted(EVENT_KINDS)})`)
@Check('ck_programme_event_visitors', `visitors >= 0`)
export class ProgrammeEvent {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ type: 'uuid' }) buildingId!: string;

  @ManyToOne(() => Building, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'building_id', foreignKeyConstraintName: 'fk_programme_event_building' })
  building?: Relation<Building>;

  @Column({ type: 'date' }) date!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) kind!: ProgrammeEventKind;
  @Column({ type: 'integer' }) visitors!: number;
  @Column({ type: 'boolean' }) free!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** Money granted to a building: from a fund or the city, for a purpose, on a date. */
@Entity('subsidy')
@Index('ix_subsidy_building_date', ['buildingId', 'date'])
@Check('ck_subsidy_amount', `amount_cents > 0`)
export class Subsidy {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ type: 'uuid' }) buildingId!: string;

  @ManyToOne(() => Building, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'building_id', foreignKeyConstraintName: 'fk_subsidy_building' })
  building?: Relation<Building>;

  @Column({ type: 'date' }) date!: string;
  @Column({ type: 'text' }) source!: string;
  @Column({ type: 'bigint', transformer: bigintTransformer }) amountCents!: number;
  @Column({ type: 'text' }) purpose!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** What an hour of voluntary work is valued at from a date on, until the next value's date. */
@Entity('hourly_value')
@Index('uq_hourly_value_valid_from', ['validFrom'], { unique: true })
@Check('ck_hourly_value_cents', `cents_per_hour > 0`)
export class HourlyValue {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'date' }) validFrom!: string;
  @Column({ type: 'integer' }) centsPerHour!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
