import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ORGANISATION_KINDS = ['umbrella', 'owner', 'municipality'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** The pain.008 version an umbrella's bank takes: `08` is current, `02` for banks that still want it. */
export const SEPA_PAIN_VERSIONS = ['08', '02'] as const;
export type SepaPainVersion = (typeof SEPA_PAIN_VERSIONS)[number];

/**
 * How a bank wants sequence types: RCUR for every collection (allowed since the 2016 rulebook), or
 * FRST for a mandate's first collection and RCUR after it.
 */
export const SEPA_SEQUENCES = ['rcur-only', 'frst-then-rcur'] as const;
export type SepaSequence = (typeof SEPA_SEQUENCES)[number];

@Entity('organisation')
@Check('ck_organisation_kind', `kind IN ('umbrella', 'owner', 'municipality')`)
@Check('ck_organisation_kvk_number', `kvk_number ~ '^[0-9]{8}$'`)
@Check('ck_organisation_creditor_identifier', `creditor_identifier ~ '^NL[0-9]{2}[A-Z0-9]{3}[0-9]{12}$'`)
@Check('ck_organisation_bic', `bic ~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$'`)
@Check('ck_organisation_sepa_pain_version', `sepa_pain_version IN ('08', '02')`)
@Check('ck_organisation_sepa_sequence', `sepa_sequence IN ('rcur-only', 'frst-then-rcur')`)
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: OrganisationKind;

  @Column({ type: 'text', nullable: true })
  city!: string | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'text', nullable: true })
  kvkNumber!: string | null;

  @Column({ type: 'text', nullable: true })
  vatNumber!: string | null;

  @Column({ type: 'text', nullable: true })
  iban!: string | null;

  /** The bank's BIC of `iban`, the account rent is collected to. */
  @Column({ type: 'text', nullable: true })
  bic!: string | null;

  /** The SEPA creditor identifier (incassant-ID) an umbrella collects direct debits under. */
  @Column({ type: 'text', nullable: true })
  creditorIdentifier!: string | null;

  @Column({ type: 'text', default: '08' })
  sepaPainVersion!: SepaPainVersion;

  @Column({ type: 'text', default: 'rcur-only' })
  sepaSequence!: SepaSequence;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
