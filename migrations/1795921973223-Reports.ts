import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Reports1795921973223 implements MigrationInterface {
  name = 'Reports1795921973223';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "building_id" uuid, "city" text, "period" text NOT NULL, "format" text NOT NULL, "status" text NOT NULL DEFAULT 'queued', "progress" smallint NOT NULL DEFAULT '0', "error" text, "requested_by" uuid, "document_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_report_progress" CHECK (progress BETWEEN 0 AND 100), CONSTRAINT "ck_report_scope" CHECK ((kind = 'owner-occupancy' AND building_id IS NOT NULL) OR (kind = 'municipality-monitor' AND city IS NOT NULL)), CONSTRAINT "ck_report_status" CHECK (status IN ('queued', 'running', 'completed', 'failed')), CONSTRAINT "ck_report_format" CHECK (format IN ('pdf', 'csv', 'json')), CONSTRAINT "ck_report_kind" CHECK (kind IN ('owner-occupancy', 'municipality-monitor')), CONSTRAINT "PK_99e4d0bea58cba73c57f935a546" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_report_requested_by" ON "report"  ("requested_by") `);
    await queryRunner.query(`ALTER TABLE "report" ADD CONSTRAINT "fk_report_requested_by" FOREIGN KEY ("requested_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "report" ADD CONSTRAINT "fk_report_document" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report" DROP CONSTRAINT "fk_report_document"`);
    await queryRunner.query(`ALTER TABLE "report" DROP CONSTRAINT "fk_report_requested_by"`);
    await queryRunner.query(`DROP INDEX "public"."ix_report_requested_by"`);
    await queryRunner.query(`DROP TABLE "report"`);
  }
}
