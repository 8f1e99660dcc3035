import type { MigrationInterface, QueryRunner } from 'typeorm';

/** btree_gist lets exclusion constraints mix equality (a space) with range overlap (a lease period). */
export class Extensions1795916900000 implements MigrationInterface {
  name = 'Extensions1795916900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP EXTENSION IF EXISTS btree_gist`);
  }
}
