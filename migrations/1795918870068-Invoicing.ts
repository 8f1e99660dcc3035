import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Invoicing1795918870068 implements MigrationInterface {
  name = 'Invoicing1795918870068';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "document" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "filename" text NOT NULL, "content_type" text NOT NULL, "bytes" bytea NOT NULL, "sha256" text NOT NULL, "size_bytes" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_document_sha256" CHECK (sha256 ~ '^[0-9a-f]{64}$'), CONSTRAINT "PK_e57d3357f83f3cdc0acffc3d777" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "invoice_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "building_id" uuid NOT NULL, "period" text NOT NULL, "status" text NOT NULL DEFAULT 'queued', "total" integer NOT NULL DEFAULT '0', "done" integer NOT NULL DEFAULT '0', "invoice_count" integer NOT NULL DEFAULT '0', "total_cents" bigint NOT NULL DEFAULT '0', "generation" integer NOT NULL DEFAULT '1', "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_invoice_run_progress" CHECK (done >= 0 AND done <= total), CONSTRAINT "ck_invoice_run_period" CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'), CONSTRAINT "ck_invoice_run_status" CHECK (status IN ('queued', 'running', 'completed', 'failed')), CONSTRAINT "PK_dbfc1392f4cb890551364f6f868" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_invoice_run_building_period" ON "invoice_run"  ("building_id", "period") `);
    await queryRunner.query(`CREATE TABLE "invoice_run_item" ("run_id" uuid NOT NULL, "lease_id" uuid NOT NULL, "chunk" integer NOT NULL, "done" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_8ff347d26a041ba86a95921e147" PRIMARY KEY ("run_id", "lease_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_invoice_run_item_chunk" ON "invoice_run_item"  ("run_id", "chunk") `);
    await queryRunner.query(`CREATE TABLE "invoice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "number" text NOT NULL, "credits_invoice_id" uuid, "building_id" uuid NOT NULL, "lease_id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "run_id" uuid, "period" text NOT NULL, "issue_date" date NOT NULL, "due_date" date NOT NULL, "issuer" jsonb NOT NULL, "customer" jsonb NOT NULL, "total_ex_vat_cents" bigint NOT NULL, "vat_cents" bigint NOT NULL, "total_cents" bigint NOT NULL, "paid_cents" bigint NOT NULL DEFAULT '0', "status" text NOT NULL, "payment_reference" text NOT NULL, "credit_reason" text, "document_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_invoice_totals" CHECK (total_cents = total_ex_vat_cents + vat_cents AND paid_cents >= 0), CONSTRAINT "ck_invoice_payment_reference" CHECK (payment_reference ~ '^[0-9]{16}$'), CONSTRAINT "ck_invoice_period" CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'), CONSTRAINT "ck_invoice_status" CHECK (status IN ('open', 'paid', 'credited')), CONSTRAINT "ck_invoice_kind" CHECK (kind IN ('invoice', 'credit_note') AND (kind = 'credit_note') = (credits_invoice_id IS NOT NULL)), CONSTRAINT "PK_15d25c200d9bcd8a33f698daf18" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_invoice_tenant" ON "invoice"  ("tenant_id") `);
    await queryRunner.query(`CREATE INDEX "ix_invoice_building_period" ON "invoice"  ("building_id", "period") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_invoice_credits" ON "invoice"  ("credits_invoice_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_invoice_lease_period" ON "invoice"  ("lease_id", "period") WHERE kind = 'invoice'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_invoice_payment_reference" ON "invoice"  ("payment_reference") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_invoice_number" ON "invoice"  ("number") `);
    await queryRunner.query(`CREATE TABLE "invoice_line" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "invoice_id" uuid NOT NULL, "position" smallint NOT NULL, "kind" text NOT NULL, "description" text NOT NULL, "period_start" date NOT NULL, "period_end" date NOT NULL, "amount_ex_vat_cents" bigint NOT NULL, "vat_rate_bps" integer NOT NULL, "vat_cents" bigint NOT NULL, CONSTRAINT "ck_invoice_line_vat_rate" CHECK (vat_rate_bps IN (0, 2100)), CONSTRAINT "ck_invoice_line_kind" CHECK (kind IN ('rent', 'service_charge')), CONSTRAINT "PK_112d67e85951a56ee5123e9c803" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_invoice_line_position" ON "invoice_line"  ("invoice_id", "position") `);
    await queryRunner.query(`CREATE TABLE "payment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "invoice_id" uuid NOT NULL, "amount_cents" bigint NOT NULL, "paid_on" date NOT NULL, "reference" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_payment_amount_positive" CHECK (amount_cents > 0), CONSTRAINT "PK_fcaec7df5adf9cac408c686b2ab" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_payment_invoice" ON "payment"  ("invoice_id") `);
    await queryRunner.query(`CREATE TABLE "invoice_counter" ("prefix" text NOT NULL, "year" integer NOT NULL, "series_id" SERIAL NOT NULL, "last_number" integer NOT NULL DEFAULT '0', CONSTRAINT "ck_invoice_counter_series_id" CHECK (series_id < 100000), CONSTRAINT "PK_9db63130092f503ba4224c9a5a4" PRIMARY KEY ("prefix", "year"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_invoice_counter_series" ON "invoice_counter"  ("series_id") `);
    await queryRunner.query(`ALTER TABLE "invoice_run" ADD CONSTRAINT "fk_invoice_run_building" FOREIGN KEY ("building_id") REFERENCES "building"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoice_run_item" ADD CONSTRAINT "fk_invoice_run_item_run" FOREIGN KEY ("run_id") REFERENCES "invoice_run"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoice_run_item" ADD CONSTRAINT "fk_invoice_run_item_lease" FOREIGN KEY ("lease_id") REFERENCES "lease"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoice" ADD CONSTRAINT "fk_invoice_credits" FOREIGN KEY ("credits_invoice_id") REFERENCES "invoice"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoice" ADD CONSTRAINT "fk_invoice_building" FOREIGN KEY ("building_id") REFERENCES "building"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoice" ADD CONSTRAINT "fk_invoice_lease" FOREIGN KEY ("lease_id") REFERENCES "lease"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoice" ADD CONSTRAINT "fk_invoice_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoice" ADD CONSTRAINT "fk_invoice_run" FOREIGN KEY ("run_id") REFERENCES "invoice_run"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoice" ADD CONSTRAINT "fk_invoice_document" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoice_line" ADD CONSTRAINT "fk_invoice_line_invoice" FOREIGN KEY ("invoice_id") REFERENCES "invoice"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "payment" ADD CONSTRAINT "fk_payment_invoice" FOREIGN KEY ("invoice_id") REFERENCES "invoice"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "payment" DROP CONSTRAINT "fk_payment_invoice"`);
    await queryRunner.query(`ALTER TABLE "invoice_line" DROP CONSTRAINT "fk_invoice_line_invoice"`);
    await queryRunner.query(`ALTER TABLE "invoice" DROP CONSTRAINT "fk_invoice_document"`);
    await queryRunner.query(`ALTER TABLE "invoice" DROP CONSTRAINT "fk_invoice_run"`);
    await queryRunner.query(`ALTER TABLE "invoice" DROP CONSTRAINT "fk_invoice_tenant"`);
    await queryRunner.query(`ALTER TABLE "invoice" DROP CONSTRAINT "fk_invoice_lease"`);
    await queryRunner.query(`ALTER TABLE "invoice" DROP CONSTRAINT "fk_invoice_building"`);
    await queryRunner.query(`ALTER TABLE "invoice" DROP CONSTRAINT "fk_invoice_credits"`);
    await queryRunner.query(`ALTER TABLE "invoice_run_item" DROP CONSTRAINT "fk_invoice_run_item_lease"`);
    await queryRunner.query(`ALTER TABLE "invoice_run_item" DROP CONSTRAINT "fk_invoice_run_item_run"`);
    await queryRunner.query(`ALTER TABLE "invoice_run" DROP CONSTRAINT "fk_invoice_run_building"`);
    await queryRunner.query(`DROP INDEX "public"."uq_invoice_counter_series"`);
    await queryRunner.query(`DROP TABLE "invoice_counter"`);
    await queryRunner.query(`DROP INDEX "public"."ix_payment_invoice"`);
    await queryRunner.query(`DROP TABLE "payment"`);
    await queryRunner.query(`DROP INDEX "public"."uq_invoice_line_position"`);
    await queryRunner.query(`DROP TABLE "invoice_line"`);
    await queryRunner.query(`DROP INDEX "public"."uq_invoice_number"`);
    await queryRunner.query(`DROP INDEX "public"."uq_invoice_payment_reference"`);
    await queryRunner.query(`DROP INDEX "public"."uq_invoice_lease_period"`);
    await queryRunner.query(`DROP INDEX "public"."uq_invoice_credits"`);
    await queryRunner.query(`DROP INDEX "public"."ix_invoice_building_period"`);
    await queryRunner.query(`DROP INDEX "public"."ix_invoice_tenant"`);
    await queryRunner.query(`DROP TABLE "invoice"`);
    await queryRunner.query(`DROP INDEX "public"."ix_invoice_run_item_chunk"`);
    await queryRunner.query(`DROP TABLE "invoice_run_item"`);
    await queryRunner.query(`DROP INDEX "public"."uq_invoice_run_building_period"`);
    await queryRunner.query(`DROP TABLE "invoice_run"`);
    await queryRunner.query(`DROP TABLE "document"`);
  }
}
