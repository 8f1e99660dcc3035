import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RentBandsAndLeases1795918304089 implements MigrationInterface {
  name = 'RentBandsAndLeases1795918304089';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "tenant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "email" text NOT NULL, "discipline" text, "postcode" text, "kvk_number" text, "vat_number" text, "address" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_tenant_email_lower" CHECK (email = lower(email)), CONSTRAINT "PK_da8c6efd67bb301e810e56ac139" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_tenant_email" ON "tenant"  ("email") `);
    await queryRunner.query(`CREATE TABLE "lease" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "space_id" uuid NOT NULL, "building_id" uuid NOT NULL, "start_date" date NOT NULL, "end_date" date, "notice_months" smallint NOT NULL, "band_code" text NOT NULL, "rate_per_m2_year_cents" integer NOT NULL, "area_m2" numeric(10,2) NOT NULL, "service_charge_monthly_cents" integer NOT NULL DEFAULT '0', "deposit_cents" integer NOT NULL DEFAULT '0', "vat_regime" text NOT NULL DEFAULT 'exempt', "taxable_use_percent" smallint, "small_business_scheme" boolean, "notice_given_on" date, "termination_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_lease_taxable_use" CHECK (taxable_use_percent IS NULL OR taxable_use_percent BETWEEN 0 AND 100), CONSTRAINT "ck_lease_amounts" CHECK (service_charge_monthly_cents >= 0 AND deposit_cents >= 0 AND rate_per_m2_year_cents > 0 AND area_m2 > 0), CONSTRAINT "ck_lease_vat_regime" CHECK (vat_regime IN ('exempt', 'standard')), CONSTRAINT "ck_lease_notice_months" CHECK (notice_months BETWEEN 1 AND 12), CONSTRAINT "ck_lease_period" CHECK (end_date IS NULL OR end_date >= start_date), CONSTRAINT "ex_lease_space_period" EXCLUDE USING gist ("space_id" WITH =, daterange("start_date", "end_date", '[]') WITH &&), CONSTRAINT "PK_954811694773f24986695203663" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_lease_tenant" ON "lease"  ("tenant_id") `);
    await queryRunner.query(`CREATE INDEX "ix_lease_building" ON "lease"  ("building_id") `);
    await queryRunner.query(`CREATE TABLE "building_indexation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "building_id" uuid NOT NULL, "effective_date" date NOT NULL, "percent" numeric(5,2) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_building_indexation_percent" CHECK (percent BETWEEN -50 AND 100), CONSTRAINT "PK_51bd80b022cbeb1d551a46cebf0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_building_indexation_date" ON "building_indexation"  ("building_id", "effective_date") `);
    await queryRunner.query(`CREATE TABLE "lease_revision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "lease_id" uuid NOT NULL, "effective_date" date NOT NULL, "band_code" text NOT NULL, "rate_per_m2_year_cents" integer NOT NULL, "reason" text NOT NULL, "indexation_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_lease_revision_rate" CHECK (rate_per_m2_year_cents > 0), CONSTRAINT "ck_lease_revision_reason" CHECK (reason IN ('signing', 'band_reassessment', 'indexation')), CONSTRAINT "PK_99e5fadcd5c6295b9ca6ce481f2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_lease_revision_date" ON "lease_revision"  ("lease_id", "effective_date") `);
    await queryRunner.query(`CREATE TABLE "band_assessment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "building_id" uuid NOT NULL, "band_code" text NOT NULL, "rate_per_m2_year_cents" integer NOT NULL, "basis_year" integer NOT NULL, "valid_until" date NOT NULL, "assessed_by" uuid, "assessed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_band_assessment_basis_year" CHECK (basis_year BETWEEN 1900 AND 2200), CONSTRAINT "PK_fc04ab90fb5b55ef55abde8a19e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_band_assessment_tenant_building" ON "band_assessment"  ("tenant_id", "building_id", "valid_until") `);
    await queryRunner.query(`CREATE TABLE "rent_band_scheme" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "building_id" uuid NOT NULL, "valid_from" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2e900eb5e9a6c2ede9840e792fd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_rent_band_scheme_building_valid_from" ON "rent_band_scheme"  ("building_id", "valid_from") `);
    await queryRunner.query(`CREATE TABLE "rent_band" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "scheme_id" uuid NOT NULL, "position" smallint NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "rate_per_m2_year_cents" integer NOT NULL, "max_income_cents" bigint, CONSTRAINT "ck_rent_band_max_income" CHECK (max_income_cents IS NULL OR max_income_cents >= 0), CONSTRAINT "ck_rent_band_rate_positive" CHECK (rate_per_m2_year_cents > 0), CONSTRAINT "PK_e7dccf61b0f1c1c631e9d8e74d7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_rent_band_scheme_code" ON "rent_band"  ("scheme_id", "code") `);
    await queryRunner.query(`ALTER TABLE "lease" ADD CONSTRAINT "fk_lease_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "lease" ADD CONSTRAINT "fk_lease_space" FOREIGN KEY ("space_id") REFERENCES "space"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "lease" ADD CONSTRAINT "fk_lease_building" FOREIGN KEY ("building_id") REFERENCES "building"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "building_indexation" ADD CONSTRAINT "fk_building_indexation_building" FOREIGN KEY ("building_id") REFERENCES "building"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "lease_revision" ADD CONSTRAINT "fk_lease_revision_lease" FOREIGN KEY ("lease_id") REFERENCES "lease"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "lease_revision" ADD CONSTRAINT "fk_lease_revision_indexation" FOREIGN KEY ("indexation_id") REFERENCES "building_indexation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "fk_app_user_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "band_assessment" ADD CONSTRAINT "fk_band_assessment_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "band_assessment" ADD CONSTRAINT "fk_band_assessment_building" FOREIGN KEY ("building_id") REFERENCES "building"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "band_assessment" ADD CONSTRAINT "fk_band_assessment_assessed_by" FOREIGN KEY ("assessed_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "rent_band_scheme" ADD CONSTRAINT "fk_rent_band_scheme_building" FOREIGN KEY ("building_id") REFERENCES "building"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "rent_band" ADD CONSTRAINT "fk_rent_band_scheme" FOREIGN KEY ("scheme_id") REFERENCES "rent_band_scheme"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rent_band" DROP CONSTRAINT "fk_rent_band_scheme"`);
    await queryRunner.query(`ALTER TABLE "rent_band_scheme" DROP CONSTRAINT "fk_rent_band_scheme_building"`);
    await queryRunner.query(`ALTER TABLE "band_assessment" DROP CONSTRAINT "fk_band_assessment_assessed_by"`);
    await queryRunner.query(`ALTER TABLE "band_assessment" DROP CONSTRAINT "fk_band_assessment_building"`);
    await queryRunner.query(`ALTER TABLE "band_assessment" DROP CONSTRAINT "fk_band_assessment_tenant"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "fk_app_user_tenant"`);
    await queryRunner.query(`ALTER TABLE "lease_revision" DROP CONSTRAINT "fk_lease_revision_indexation"`);
    await queryRunner.query(`ALTER TABLE "lease_revision" DROP CONSTRAINT "fk_lease_revision_lease"`);
    await queryRunner.query(`ALTER TABLE "building_indexation" DROP CONSTRAINT "fk_building_indexation_building"`);
    await queryRunner.query(`ALTER TABLE "lease" DROP CONSTRAINT "fk_lease_building"`);
    await queryRunner.query(`ALTER TABLE "lease" DROP CONSTRAINT "fk_lease_space"`);
    await queryRunner.query(`ALTER TABLE "lease" DROP CONSTRAINT "fk_lease_tenant"`);
    await queryRunner.query(`DROP INDEX "public"."uq_rent_band_scheme_code"`);
    await queryRunner.query(`DROP TABLE "rent_band"`);
    await queryRunner.query(`DROP INDEX "public"."uq_rent_band_scheme_building_valid_from"`);
    await queryRunner.query(`DROP TABLE "rent_band_scheme"`);
    await queryRunner.query(`DROP INDEX "public"."ix_band_assessment_tenant_building"`);
    await queryRunner.query(`DROP TABLE "band_assessment"`);
    await queryRunner.query(`DROP INDEX "public"."uq_lease_revision_date"`);
    await queryRunner.query(`DROP TABLE "lease_revision"`);
    await queryRunner.query(`DROP INDEX "public"."uq_building_indexation_date"`);
    await queryRunner.query(`DROP TABLE "building_indexation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_lease_building"`);
    await queryRunner.query(`DROP INDEX "public"."ix_lease_tenant"`);
    await queryRunner.query(`DROP TABLE "lease"`);
    await queryRunner.query(`DROP INDEX "public"."uq_tenant_email"`);
    await queryRunner.query(`DROP TABLE "tenant"`);
  }
}
