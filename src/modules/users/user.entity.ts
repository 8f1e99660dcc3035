import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { Role } from '../../common/auth/principal.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Tenant } from '../tenants/tenant.entity.js';

@Entity('app_user')
@Index('uq_app_user_email', ['email'], { unique: true })
@Check('ck_app_user_role', `role IN ('admin', 'tenant', 'owner', 'municipality')`)
@Check('ck_app_user_email_lower', `email = lower(email)`)
@Check('ck_app_user_language', `language IS NULL OR language IN ('nl', 'en')`)
@Check('ck_app_user_scoped_role_has_organisation', `role NOT IN ('owner', 'municipality') OR organisation_id IS NOT NULL`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  passwordHash!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ type: 'uuid', nullable: true })
  organisationId!: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_app_user_organisation' })
  organisation?: Relation<Organisation>;

  /** The tenant record this user acts as; applicants have none until their group is allocated. */
  @Column({ type: 'uuid', nullable: true })
  tenantId!: string | null;

  @ManyToOne(() => Tenant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'fk_app_user_tenant' })
  tenant?: Relation<Tenant>;

  /** Named in every access token; raising it ends the tokens issued before. */
  @Column({ type: 'integer', default: 0 })
  tokenVersion!: number;

  /** The language the user chose for the pages (nl or en); null until they choose. */
  @Column({ type: 'text', nullable: true })
  language!: 'nl' | 'en' | null;

  /** A disabled user keeps its history but no token of it is accepted. */
  @Column({ type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
