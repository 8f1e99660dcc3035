import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A stored file (PDF, CSV …). Written once, never changed: a database trigger refuses updates. */
@Entity('document')
@Check('ck_document_sha256', `sha256 ~ '^[0-9a-f]{64}$'`)
export class StoredDocument {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  filename!: string;

  @Column({ type: 'text' })
  contentType!: string;

  @Column({ type: 'bytea', select: false })
  bytes!: Buffer;

  @Column({ type: 'text' })
  sha256!: string;

  @Column({ type: 'integer' })
  sizeBytes!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
