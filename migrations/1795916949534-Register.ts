import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Register1795916949534 implements MigrationInterface {
  name = 'Register1795916949534';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "organisation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "kind" text NOT NULL, "city" text, "address" text, "kvk_number" text, "vat_number" text, "iban" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_organisation_kvk_number" CHECK (kvk_number ~ '^[0-9]{8}$'), CONSTRAINT "ck_organisation_kind" CHECK (kind IN ('umbrella', 'owner', 'municipality')), CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "building" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "address" text NOT NULL, "city" text NOT NULL, "owner_id" uuid NOT NULL, "umbrella_id" uuid NOT NULL, "kind" text NOT NULL, "use_start" date NOT NULL, "use_end" date, "invoice_prefix" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_building_invoice_prefix" CHECK (invoice_prefix ~ '^[A-Z][A-Z0-9]{1,7}$'), CONSTRAINT "ck_building_use_period" CHECK (use_end IS NULL OR use_end > use_start), CONSTRAINT "ck_building_temporary_has_end" CHECK (kind = 'permanent' OR use_end IS NOT NULL), CONSTRAINT "ck_building_kind" CHECK (kind IN ('temporary', 'permanent')), CONSTRAINT "PK_bbfaf6c11f141a22d2ab105ee5f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_building_owner" ON "building"  ("owner_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_building_invoice_prefix" ON "building"  ("invoice_prefix") `);
    await queryRunner.query(`CREATE TABLE "floor" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "building_id" uuid NOT NULL, "level" integer NOT NULL, "name" text, "theme" text, CONSTRAINT "PK_16a0823530c5b0dd226b8a96ee1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_floor_building_level" ON "floor"  ("building_id", "level") `);
    await queryRunner.query(`CREATE TABLE "login_failure" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "email" text NOT NULL, "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5df78140d5d3f4afc249d879cdf" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_login_failure_email_at" ON "login_failure"  ("email", "attempted_at") `);
    await queryRunner.query(`CREATE TABLE "signing_key" ("id" smallint NOT NULL, "secret" text NOT NULL, CONSTRAINT "ck_signing_key_single_row" CHECK (id = 1), CONSTRAINT "PK_5cc161da020c79bb3ac9953edae" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "space" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "floor_id" uuid NOT NULL, "building_id" uuid NOT NULL, "code" text NOT NULL, "area_m2" numeric(10,2) NOT NULL, "use" text NOT NULL, "public_counter" boolean NOT NULL DEFAULT false, CONSTRAINT "ck_space_use" CHECK (use IN ('studio', 'office', 'workshop', 'shared', 'event', 'horeca')), CONSTRAINT "ck_space_area_positive" CHECK (area_m2 > 0), CONSTRAINT "PK_094f5ec727fe052956a11623640" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_space_floor" ON "space"  ("floor_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_space_building_code" ON "space"  ("building_id", "code") `);
    await queryRunner.query(`CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "password_hash" text NOT NULL, "name" text NOT NULL, "role" text NOT NULL, "organisation_id" uuid, "tenant_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_app_user_scoped_role_has_organisation" CHECK (role NOT IN ('owner', 'municipality') OR organisation_id IS NOT NULL), CONSTRAINT "ck_app_user_email_lower" CHECK (email = lower(email)), CONSTRAINT "ck_app_user_role" CHECK (role IN ('admin', 'tenant', 'owner', 'municipality')), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_app_user_email" ON "app_user"  ("email") `);
    await queryRunner.query(`ALTER TABLE "building" ADD CONSTRAINT "fk_building_owner" FOREIGN KEY ("owner_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "building" ADD CONSTRAINT "fk_building_umbrella" FOREIGN KEY ("umbrella_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "floor" ADD CONSTRAINT "fk_floor_building" FOREIGN KEY ("building_id") REFERENCES "building"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "space" ADD CONSTRAINT "fk_space_floor" FOREIGN KEY ("floor_id") REFERENCES "floor"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "space" ADD CONSTRAINT "fk_space_building" FOREIGN KEY ("building_id") REFERENCES "building"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "fk_app_user_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "fk_app_user_organisation"`);
    await queryRunner.query(`ALTER TABLE "space" DROP CONSTRAINT "fk_space_building"`);
    await queryRunner.query(`ALTER TABLE "space" DROP CONSTRAINT "fk_space_floor"`);
    await queryRunner.query(`ALTER TABLE "floor" DROP CONSTRAINT "fk_floor_building"`);
    await queryRunner.query(`ALTER TABLE "building" DROP CONSTRAINT "fk_building_umbrella"`);
    await queryRunner.query(`ALTER TABLE "building" DROP CONSTRAINT "fk_building_owner"`);
    await queryRunner.query(`DROP INDEX "public"."uq_app_user_email"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP INDEX "public"."uq_space_building_code"`);
    await queryRunner.query(`DROP INDEX "public"."ix_space_floor"`);
    await queryRunner.query(`DROP TABLE "space"`);
    await queryRunner.query(`DROP TABLE "signing_key"`);
    await queryRunner.query(`DROP INDEX "public"."ix_login_failure_email_at"`);
    await queryRunner.query(`DROP TABLE "login_failure"`);
    await queryRunner.query(`DROP INDEX "public"."uq_floor_building_level"`);
    await queryRunner.query(`DROP TABLE "floor"`);
    await queryRunner.query(`DROP INDEX "public"."uq_building_invoice_prefix"`);
    await queryRunner.query(`DROP INDEX "public"."ix_building_owner"`);
    await queryRunner.query(`DROP TABLE "building"`);
    await queryRunner.query(`DROP TABLE "organisation"`);
  }
}
