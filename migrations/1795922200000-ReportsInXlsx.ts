import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reports also come as XLSX. (TypeORM does not see a changed CHECK, so this one is written by hand.) */
export class ReportsInXlsx1795922200000 implements MigrationInterface {
  name = 'ReportsInXlsx1795922200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report" DROP CONSTRAINT "ck_report_format"`);
    await queryRunner.query(`ALTER TABLE "report" ADD CONSTRAINT "ck_report_format" CHECK (format IN ('pdf', 'csv', 'json', 'xlsx'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report" DROP CONSTRAINT "ck_report_format"`);
    await queryRunner.query(`ALTER TABLE "report" ADD CONSTRAINT "ck_report_format" CHECK (format IN ('pdf', 'csv', 'json'))`);
  }
}
