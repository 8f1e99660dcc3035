import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OwnerFinanceAndHandovers1795921284452 implements MigrationInterface {
  name = 'OwnerFinanceAndHandovers1795921284452';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "handover" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "building_id" uuid NOT NULL, "from_owner_id" uuid NOT NULL, "to_owner_id" uuid NOT NULL, "transfer_date" date NOT NULL, "retained_floor_ids" uuid array NOT NULL, "new_use_end" date, "notice_date" date, "status" text NOT NULL DEFAULT 'queued', "plan" jsonb NOT NULL, "error" text, "dossier_document_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_handover_new_owner" CHECK (to_owner_id <> from_owner_id), CONSTRAINT "ck_handover_status" CHECK (status IN ('queued', 'running', 'completed', 'failed')), CONSTRAINT "PK_15e64c0391cf9fb9278f297691f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_handover_building" ON "handover"  ("building_id", "transfer_date") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_handover_in_progress" ON "handover"  ("building_id") WHERE status IN ('queued', 'running')`);
    await queryRunner.query(`CREATE TABLE "lease_notice" ("lease_id" uuid NOT NULL, "handover_id" uuid NOT NULL, "given_on" date NOT NULL, "end_date" date NOT NULL, "relocation_options" jsonb NOT NULL, "document_id" uuid, CONSTRAINT "PK_82158d5ec564f16111dc718eb26" PRIMARY KEY ("lease_id"))`);
    await queryRunner.query(`CREATE TABLE "building_finance" ("building_id" uuid NOT NULL, "head_lease_rent_year_cents" bigint NOT NULL, "loan_principal_cents" bigint NOT NULL, "interest_rate_bps" integer NOT NULL, CONSTRAINT "ck_building_finance_amounts" CHECK (head_lease_rent_year_cents >= 0 AND loan_principal_cents >= 0 AND interest_rate_bps BETWEEN 0 AND 10000), CONSTRAINT "PK_b59030597cc676787aa5721a678" PRIMARY KEY ("building_id"))`);
    await queryRunner.query(`CREATE TABLE "investment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "building_id" uuid NOT NULL, "party_id" uuid NOT NULL, "description" text NOT NULL, "amount_cents" bigint NOT NULL, "date" date NOT NULL, CONSTRAINT "ck_investment_amount_positive" CHECK (amount_cents > 0), CONSTRAINT "PK_ad085a94bd56e031136925f681b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_investment_building" ON "investment"  ("building_id") `);
    await queryRunner.query(`ALTER TABLE "building" ADD "owner_since" date`);
    await queryRunner.query(`ALTER TABLE "handover" ADD CONSTRAINT "fk_handover_building" FOREIGN KEY ("building_id") REFERENCES "building"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "handover" ADD CONSTRAINT "fk_handover_from_owner" FOREIGN KEY ("from_owner_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "handover" ADD CONSTRAINT "fk_handover_to_owner" FOREIGN KEY ("to_owner_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "handover" ADD CONSTRAINT "fk_handover_dossier" FOREIGN KEY ("dossier_document_id") REFERENCES "document"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "lease_notice" ADD CONSTRAINT "fk_lease_notice_lease" FOREIGN KEY ("lease_id") REFERENCES "lease"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "lease_notice" ADD CONSTRAINT "fk_lease_notice_handover" FOREIGN KEY ("handover_id") REFERENCES "handover"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "lease_notice" ADD CONSTRAINT "fk_lease_notice_document" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "building_finance" ADD CONSTRAINT "fk_building_finance_building" FOREIGN KEY ("building_id") REFERENCES "building"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "investment" ADD CONSTRAINT "fk_investment_building" FOREIGN KEY ("building_id") REFERENCES "building"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "investment" ADD CONSTRAINT "fk_investment_party" FOREIGN KEY ("party_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "investment" DROP CONSTRAINT "fk_investment_party"`);
    await queryRunner.query(`ALTER TABLE "investment" DROP CONSTRAINT "fk_investment_building"`);
    await queryRunner.query(`ALTER TABLE "building_finance" DROP CONSTRAINT "fk_building_finance_building"`);
    await queryRunner.query(`ALTER TABLE "lease_notice" DROP CONSTRAINT "fk_lease_notice_document"`);
    await queryRunner.query(`ALTER TABLE "lease_notice" DROP CONSTRAINT "fk_lease_notice_handover"`);
    await queryRunner.query(`ALTER TABLE "lease_notice" DROP CONSTRAINT "fk_lease_notice_lease"`);
    await queryRunner.query(`ALTER TABLE "handover" DROP CONSTRAINT "fk_handover_dossier"`);
    await queryRunner.query(`ALTER TABLE "handover" DROP CONSTRAINT "fk_handover_to_owner"`);
    await queryRunner.query(`ALTER TABLE "handover" DROP CONSTRAINT "fk_handover_from_owner"`);
    await queryRunner.query(`ALTER TABLE "handover" DROP CONSTRAINT "fk_handover_building"`);
    await queryRunner.query(`ALTER TABLE "building" DROP COLUMN "owner_since"`);
    await queryRunner.query(`DROP INDEX "public"."ix_investment_building"`);
    await queryRunner.query(`DROP TABLE "investment"`);
    await queryRunner.query(`DROP TABLE "building_finance"`);
    await queryRunner.query(`DROP TABLE "lease_notice"`);
    await queryRunner.query(`DROP INDEX "public"."uq_handover_in_progress"`);
    await queryRunner.query(`DROP INDEX "public"."ix_handover_building"`);
    await queryRunner.query(`DROP TABLE "handover"`);
  }
}
