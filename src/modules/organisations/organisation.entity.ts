import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ORGANISATION_KINDS = ['umbrella', 'owner', 'municipality'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

@Entity('organisation')
@Check('ck_organisation_kind', `kind IN ('umbrella', 'owner', 'municipality')`)
@Check('ck_organisation_kvk_number', `kvk_number ~ '^[0-9]{8}$'`)
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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
