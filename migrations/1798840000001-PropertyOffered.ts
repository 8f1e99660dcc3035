import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A property remembers the day it was first put up for matching or a tender (`offered_on`), so the
 * city's pipeline counts offers by a recorded day instead of the availability an owner gave. Properties
 * published before this are taken as offered on the day they were registered.
 */
export class PropertyOffered1798840000001 implements MigrationInterface {
  name = 'PropertyOffered1798840000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "property" ADD "offered_on" date`);
    await queryRunner.query(`UPDATE property SET offered_on = created_at::date WHERE publication IN ('matching', 'public')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "property" DROP COLUMN "offered_on"`);
  }
}
