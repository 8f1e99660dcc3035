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
import { bigintTransformer } from '../../common/database/transformers.js';
import { Building } from '../buildings/building.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Property } from '../properties/property.entity.js';
import { User } from '../users/user.entity.js';

/**
 * A call to umbrellas for one property (uitvraag), run by the city (for a property in its city) or by
 * the property's owner. Proposals are sealed until `closesOn` has passed; the weighted mean of the
 * reviewers' scores decides; exactly one award (the `tender_award` row) ends it.
 */
@Entity('tender')
@Index('ix_tender_property', ['propertyId'])
export class Tender {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  propertyId!: string;

  @ManyToOne(() => Property, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'property_id', foreignKeyConstraintName: 'fk_tender_property' })
  property?: Relation<Property>;

  /** The organisation running the tender: the municipality or the property's owner. */
  @Column({ type: 'uuid' })
  runById!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'run_by_id', foreignKeyConstraintName: 'fk_tender_run_by' })
  runBy?: Relation<Organisation>;

  @Column({ type: 'text' })
  title!: string;

  /** The last day proposals are taken; they are opened the day after. */
  @Column({ type: 'date' })
  closesOn!: string;

  /** The use needs a temporary deviation from the zoning plan, which lasts at most ten years. */
  @Column({ type: 'boolean', default: false })
  zoningDeviation!: boolean;

  /** When a permit the use depends on (a temporary letting permit) ends; null: none. */
  @Column({ type: 'date', nullable: true })
  permitEndsOn!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** What the proposals are scored on, with weights that sum to 100 over the tender. */
@Entity('tender_criterion')
@Check('ck_tender_criterion_weight', `weight BETWEEN 1 AND 100`)
export class TenderCriterion {
  @PrimaryColumn({ type: 'uuid' })
  tenderId!: string;

  @ManyToOne(() => Tender, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tender_id', foreignKeyConstraintName: 'fk_tender_criterion_tender' })
  tender?: Relation<Tender>;

  @PrimaryColumn({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'integer' })
  weight!: number;
}

@Entity('tender_reviewer')
export class TenderReviewer {
  @PrimaryColumn({ type: 'uuid' })
  tenderId!: string;

  @ManyToOne(() => Tender, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tender_id', foreignKeyConstraintName: 'fk_tender_reviewer_tender' })
  tender?: Relation<Tender>;

  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_tender_reviewer_user' })
  user?: Relation<User>;
}

export const PROPOSAL_STATUSES = ['submitted', 'awarded', 'rejected'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** One umbrella's answer to a tender: one per umbrella. */
@Entity('tender_proposal')
@Index('uq_tender_proposal_umbrella', ['tenderId', 'umbrellaId'], { unique: true })
@Check('ck_tender_proposal_status', `status IN ('submitted', 'awarded', 'rejected')`)
@Check('ck_tender_proposal_term', `term_years BETWEEN 1 AND 50`)
@Check('ck_tender_proposal_amounts', `rent_to_owner_year_cents >= 0 AND own_investment_cents >= 0`)
@Check('ck_tender_proposal_rejection', `(status = 'rejected') = (motivation IS NOT NULL)`)
export class TenderProposal {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenderId!: string;

  @ManyToOne(() => Tender, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tender_id', foreignKeyConstraintName: 'fk_tender_proposal_tender' })
  tender?: Relation<Tender>;

  @Column({ type: 'uuid' })
  umbrellaId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'umbrella_id', foreignKeyConstraintName: 'fk_tender_proposal_umbrella' })
  umbrella?: Relation<Organisation>;

  @Column({ type: 'text' })
  vision!: string;

  /** The head-lease rent the umbrella offers the owner, per year. */
  @Column({ type: 'bigint', transformer: bigintTransformer })
  rentToOwnerYearCents!: number;

  /** The rents it would ask of makers per m² per year (its bands), lowest first. */
  @Column({ type: 'integer', array: true })
  makerRentsPerM2YearCents!: number[];

  @Column({ type: 'integer' })
  termYears!: number;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  ownInvestmentCents!: number;

  /** The public programme and what the building gives the neighbourhood. */
  @Column({ type: 'text' })
  programme!: string;

  @Column({ type: 'text', default: 'submitted' })
  status!: ProposalStatus;

  /** Why it was not chosen: every rejected proposal gets one. */
  @Column({ type: 'text', nullable: true })
  motivation!: string | null;

  @Column({ type: 'uuid', nullable: true })
  submittedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  submittedAt!: Date;
}

/** A reviewer's score (1–10) of one proposal on one criterion. */
@Entity('tender_score')
@Check('ck_tender_score_range', `score BETWEEN 1 AND 10`)
export class TenderScore {
  @PrimaryColumn({ type: 'uuid' })
  proposalId!: string;

  @ManyToOne(() => TenderProposal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id', foreignKeyConstraintName: 'fk_tender_score_proposal' })
  proposal?: Relation<TenderProposal>;

  @PrimaryColumn({ type: 'uuid' })
  reviewerId!: string;

  @PrimaryColumn({ type: 'integer' })
  criterionPosition!: number;

  @Column({ type: 'integer' })
  score!: number;
}

/** The one award of a tender: its primary key is the tender, so a second award cannot be stored. */
@Entity('tender_award')
export class TenderAward {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_tender_award' })
  tenderId!: string;

  @ManyToOne(() => Tender, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tender_id', foreignKeyConstraintName: 'fk_tender_award_tender' })
  tender?: Relation<Tender>;

  @Column({ type: 'uuid' })
  proposalId!: string;

  @ManyToOne(() => TenderProposal, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposal_id', foreignKeyConstraintName: 'fk_tender_award_proposal' })
  proposal?: Relation<TenderProposal>;

  /** The building the conversion made; set in the award's own transaction. */
  @Column({ type: 'uuid', nullable: true })
  buildingId!: string | null;

  @ManyToOne(() => Building, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'building_id', foreignKeyConstraintName: 'fk_tender_award_building' })
  building?: Relation<Building>;

  @Column({ type: 'uuid', nullable: true })
  awardedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  awardedAt!: Date;
}

/** The city's contribution to converting a building into a broedplaats, per m², capped, dated. */
@Entity('conversion_subsidy_scheme')
@Check('ck_conversion_subsidy_period', `valid_until IS NULL OR valid_until > valid_from`)
@Check('ck_conversion_subsidy_amounts', `cents_per_m2 >= 0 AND max_cents >= 0`)
export class ConversionSubsidyScheme {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  city!: string;

  @Column({ type: 'date' })
  validFrom!: string;

  @Column({ type: 'date', nullable: true })
  validUntil!: string | null;

  @Column({ type: 'integer' })
  centsPerM2!: number;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  maxCents!: number;

  /** Where the scheme is laid down. */
  @Column({ type: 'text' })
  source!: string;

  /** What the figures rest on when the scheme is not a published regulation (the seeded one is the demo's example). */
  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
