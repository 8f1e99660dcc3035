import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reports get the kind `vacancy-pipeline`, per city: the register's pipeline through the report job. */
export class VacancyPipelineReport1798400000004 implements MigrationInterface {
  name = 'VacancyPipelineReport1798400000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report" DROP CONSTRAINT "ck_report_kind"`);
    await queryRunner.query(`ALTER TABLE "report" DROP CONSTRAINT "ck_report_scope"`);
    await queryRunner.query(
      `ALTER TABLE "report" ADD CONSTRAINT "ck_report_kind" CHECK (kind IN ('owner-occupancy', 'municipality-monitor', 'arrears', 'double-balance', 'vacancy-pipeline'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "report" ADD CONSTRAINT "ck_report_scope" CHECK ((kind IN ('owner-occupancy', 'arrears') AND building_id IS NOT NULL) OR (kind IN ('municipality-monitor', 'vacancy-pipeline') AND city IS NOT NULL) OR (kind = 'double-balance' AND (building_id IS NOT NULL OR city IS NOT NULL)))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report" DROP CONSTRAINT "ck_report_scope"`);
    await queryRunner.query(`ALTER TABLE "report" DROP CONSTRAINT "ck_report_kind"`);
    await queryRunner.query(
      `ALTER TABLE "report" ADD CONSTRAINT "ck_report_kind" CHECK (kind IN ('owner-occupancy', 'municipality-monitor', 'arrears', 'double-balance'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "report" ADD CONSTRAINT "ck_report_scope" CHECK ((kind IN ('owner-occupancy', 'arrears') AND building_id IS NOT NULL) OR (kind = 'municipality-monitor' AND city IS NOT NULL) OR (kind = 'double-balance' AND (building_id IS NOT NULL OR city IS NOT NULL)))`,
    );
  }
}
