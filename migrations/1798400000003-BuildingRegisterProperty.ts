import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Buildings publish which property each use is of, so the property register sees a use end (and a new vacancy begin). */
export class BuildingRegisterProperty1798400000003 implements MigrationInterface {
  name = 'BuildingRegisterProperty1798400000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE VIEW building_register AS
     SELECT id AS building_id, name, address, city, kind, use_start, use_end, owner_id, owner_since, umbrella_id, invoice_prefix, property_id
       FROM building`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW building_register`);
    await queryRunner.query(`CREATE VIEW building_register AS
     SELECT id AS building_id, name, address, city, kind, use_start, use_end, owner_id, owner_since, umbrella_id, invoice_prefix
       FROM building`);
  }
}
