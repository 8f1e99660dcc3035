import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The token signing secret when JWT_SECRET is not set: made once by whichever process boots first,
 * so every API and worker process of one database signs and verifies alike.
 */
@Entity('signing_key')
@Check('ck_signing_key_single_row', `id = 1`)
export class SigningKey {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  @Column({ type: 'text' })
  secret!: string;
}
