import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { numericTransformer } from '../../common/database/transformers.js';
import { Building } from '../buildings/building.entity.js';
import { Floor } from '../floors/floor.entity.js';
import { Tenant } from '../tenants/tenant.entity.js';
import { User } from '../users/user.entity.js';

export const APPLICATION_STATUSES = ['draft', 'submitted', 'allocated', 'waitlisted', 'rejected', 'withdrawn', 'released'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** `withdrawn`: the floor was allocated or released meanwhile, or the group was given another floor, so the offer no longer stands. */
export const OFFER_STATUSES = ['open', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** A call for applications: floors of one building on offer between two dates. */
@Entity('application_round')
@Check('ck_application_round_dates', `closes_on >= opens_on`)
export class ApplicationRound {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ type: 'uuid' }) buildingId!: string;

  @ManyToOne(() => Building, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'building_id', foreignKeyConstraintName: 'fk_application_round_building' })
  building?: Relation<Building>;

  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'date' }) opensOn!: string;
  @Column({ type: 'date' }) closesOn!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

@Entity('application_round_floor')
export class ApplicationRoundFloor {
  @PrimaryColumn({ type: 'uuid' }) roundId!: string;

  @ManyToOne(() => ApplicationRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'fk_application_round_floor_round' })
  round?: Relation<ApplicationRound>;

  @PrimaryColumn({ type: 'uuid' }) floorId!: string;

  @ManyToOne(() => Floor, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'floor_id', foreignKeyConstraintName: 'fk_application_round_floor_floor' })
  floor?: Relation<Floor>;
}

/** A group's application with a joint plan, for one round. */
@Entity('application')
@Index('ix_application_round', ['roundId'])
@Check('ck_application_status', `status IN ('draft', 'submitted', 'allocated', 'waitlisted', 'rejected', 'withdrawn', 'released')`)
@Check('ck_application_submitted_at', `status = 'draft' OR status = 'withdrawn' OR submitted_at IS NOT NULL`)
export class Application {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ type: 'uuid' }) roundId!: string;

  @ManyToOne(() => ApplicationRound, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'fk_application_round' })
  round?: Relation<ApplicationRound>;

  @Column({ type: 'text' }) groupName!: string;
  /** The joint plan: concept, mix of disciplines, what the group offers the neighbourhood. */
  @Column({ type: 'text' }) plan!: string;
  @Column({ type: 'text', default: 'draft' }) status!: ApplicationStatus;

  /** The signed-in user who made the application and speaks for the group. */
  @Column({ type: 'uuid' }) contactUserId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contact_user_id', foreignKeyConstraintName: 'fk_application_contact_user' })
  contactUser?: Relation<User>;

  @Column({ type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

@Entity('application_preferred_floor')
export class ApplicationPreferredFloor {
  @PrimaryColumn({ type: 'uuid' }) applicationId!: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_application_preferred_floor_application' })
  application?: Relation<Application>;

  @PrimaryColumn({ type: 'uuid' }) floorId!: string;

  @ManyToOne(() => Floor, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'floor_id', foreignKeyConstraintName: 'fk_application_preferred_floor_floor' })
  floor?: Relation<Floor>;

  @Column({ type: 'smallint' }) position!: number;
}

@Entity('application_member')
@Index('uq_application_member_email', ['applicationId', 'email'], { unique: true })
@Check('ck_application_member_area', `requested_area_m2 > 0`)
export class ApplicationMember {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ type: 'uuid' }) applicationId!: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_application_member_application' })
  application?: Relation<Application>;

  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) email!: string;
  @Column({ type: 'text' }) discipline!: string;
  @Column({ type: 'text', nullable: true }) postcode!: string | null;
  @Column({ type: 'numeric', precision: 10, scale: 2, transformer: numericTransformer }) requestedAreaM2!: number;
}

/** Who moved an application from which state to which, and when. */
@Entity('application_event')
@Index('ix_application_event_application', ['applicationId'])
export class ApplicationEvent {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ type: 'uuid' }) applicationId!: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_application_event_application' })
  application?: Relation<Application>;

  @Column({ type: 'text', nullable: true }) fromStatus!: ApplicationStatus | null;
  @Column({ type: 'text' }) toStatus!: ApplicationStatus;
  /** Null when the system moved it (an expired offer). */
  @Column({ type: 'uuid', nullable: true }) byUserId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) at!: Date;
}

@Entity('application_review')
@Check('ck_application_review_score', `score BETWEEN 1 AND 10`)
export class ApplicationReview {
  @PrimaryColumn({ type: 'uuid' }) applicationId!: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_application_review_application' })
  application?: Relation<Application>;

  /** One score per admin: a second review replaces the first. */
  @PrimaryColumn({ type: 'uuid' }) reviewerId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewer_id', foreignKeyConstraintName: 'fk_application_review_reviewer' })
  reviewer?: Relation<User>;

  @Column({ type: 'smallint' }) score!: number;
  @Column({ type: 'text', nullable: true }) notes!: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) reviewedAt!: Date;
}

/**
 * A floor given to a group. At most one current (unreleased) allocation per floor, by a partial
 * unique key: two admins allocating one floor at once end with one allocation and one conflict.
 */
@Entity('floor_allocation')
@Index('uq_floor_allocation_current', ['floorId'], { unique: true, where: 'released_on IS NULL' })
@Index('ix_floor_allocation_application', ['applicationId'])
export class FloorAllocation {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ type: 'uuid' }) floorId!: string;

  @ManyToOne(() => Floor, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'floor_id', foreignKeyConstraintName: 'fk_floor_allocation_floor' })
  floor?: Relation<Floor>;

  @Column({ type: 'uuid' }) applicationId!: string;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_floor_allocation_application' })
  application?: Relation<Application>;

  @Column({ type: 'date' }) allocatedOn!: string;
  @Column({ type: 'date', nullable: true }) releasedOn!: string | null;
}

/** The makers of an allocated group, as tenants. */
@Entity('allocation_tenant')
export class AllocationTenant {
  @PrimaryColumn({ type: 'uuid' }) allocationId!: string;

  @ManyToOne(() => FloorAllocation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'allocation_id', foreignKeyConstraintName: 'fk_allocation_tenant_allocation' })
  allocation?: Relation<FloorAllocation>;

  @PrimaryColumn({ type: 'uuid' }) tenantId!: string;

  @ManyToOne(() => Tenant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'fk_allocation_tenant_tenant' })
  tenant?: Relation<Tenant>;
}

/** A free floor offered to a waitlisted group, with a reply deadline. One open offer per floor. */
@Entity('floor_offer')
@Index('uq_floor_offer_open', ['floorId'], { unique: true, where: `status = 'open'` })
@Index('ix_floor_offer_application', ['applicationId'])
@Check('ck_floor_offer_status', `status IN ('open', 'accepted', 'declined', 'expired', 'withdrawn')`)
export class FloorOffer {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ type: 'uuid' }) floorId!: string;

  @ManyToOne(() => Floor, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'floor_id', foreignKeyConstraintName: 'fk_floor_offer_floor' })
  floor?: Relation<Floor>;

  @Column({ type: 'uuid' }) applicationId!: string;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_floor_offer_application' })
  application?: Relation<Application>;

  @Column({ type: 'text', default: 'open' }) status!: OfferStatus;
  @Column({ type: 'date' }) replyBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) answeredAt!: Date | null;
}

/** Every table of the applications module, for its module and the data source. */
export const APPLICATION_ENTITIES = [
  ApplicationRound,
  ApplicationRoundFloor,
  Application,
  ApplicationPreferredFloor,
  ApplicationMember,
  ApplicationEvent,
  ApplicationReview,
  FloorAllocation,
  AllocationTenant,
  FloorOffer,
];
