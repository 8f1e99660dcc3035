import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A creative maker who rents (or applied for) space; one record per e-mail address. */
@Entity('tenant')
@Index('uq_tenant_email', ['email'], { unique: true })
@Check('ck_tenant_email_lower', `email = lower(email)`)
@Check('ck_tenant_peppol_id', `peppol_id ~ '^[0-9]{4}:[A-Za-z0-9._-]{1,100}$'`)
export class Tenant {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  email!: string;

  /** What the maker does: visual art, design, dance … (counted in the city's monitor). */
  @Column({ type: 'text', nullable: true })
  discipline!: string | null;

  /** Tells whether the maker comes from the neighbourhood. */
  @Column({ type: 'text', nullable: true })
  postcode!: string | null;

  @Column({ type: 'text', nullable: true })
  kvkNumber!: string | null;

  @Column({ type: 'text', nullable: true })
  vatNumber!: string | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  /** Where the tenant receives e-invoices on the Peppol network: ICD scheme and id, `0106:12345678` for a KvK number. */
  @Column({ type: 'text', nullable: true })
  peppolId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
