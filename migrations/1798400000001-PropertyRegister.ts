import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The property register: a property (real estate, outliving its uses) with its floors' total and vacant m²
 * and its vacancy periods, at most one open per property (a partial unique key). A building (a use, its head
 * lease) may name the property it is of.
 */
export class PropertyRegister1798400000001 implements MigrationInterface {
  name = 'PropertyRegister1798400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "property" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "address" text NOT NULL, "postcode" text, "city" text NOT NULL, "district" text, "bag_pand_id" text, "bag_verblijfsobject_id" text, "use_category" text NOT NULL, "zoning" text, "condition" text, "fire_safety" text NOT NULL DEFAULT 'unknown', "energy_label" text, "owner_id" uuid NOT NULL, "vacancy_manager" text, "publication" text NOT NULL DEFAULT 'internal', "latitude" numeric(9,6), "longitude" numeric(9,6), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_property_coordinates" CHECK ((latitude IS NULL) = (longitude IS NULL) AND (latitude IS NULL OR (latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180))), CONSTRAINT "ck_property_bag_verblijfsobject" CHECK (bag_verblijfsobject_id IS NULL OR bag_verblijfsobject_id ~ '^[0-9]{16}$'), CONSTRAINT "ck_property_bag_pand" CHECK (bag_pand_id IS NULL OR bag_pand_id ~ '^[0-9]{16}$'), CONSTRAINT "ck_property_publication" CHECK (publication IN ('internal', 'matching', 'public')), CONSTRAINT "ck_property_energy_label" CHECK (energy_label IS NULL OR energy_label IN ('A++++', 'A+++', 'A++', 'A+', 'A', 'B', 'C', 'D', 'E', 'F', 'G')), CONSTRAINT "ck_property_fire_safety" CHECK (fire_safety IN ('unknown', 'compliant', 'works-needed', 'not-usable')), CONSTRAINT "ck_property_condition" CHECK (condition IS NULL OR condition IN ('good', 'fair', 'poor', 'derelict')), CONSTRAINT "ck_property_use_category" CHECK (use_category IN ('office', 'retail', 'industrial', 'education', 'healthcare', 'religious', 'residential', 'other')), CONSTRAINT "PK_d80743e6191258a5003d5843b4f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_property_bag_verblijfsobject" ON "property"  ("bag_verblijfsobject_id") WHERE bag_verblijfsobject_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_property_owner" ON "property"  ("owner_id") `);
    await queryRunner.query(`CREATE TABLE "property_floor" ("property_id" uuid NOT NULL, "level" integer NOT NULL, "total_m2" numeric(10,2) NOT NULL, "vacant_m2" numeric(10,2) NOT NULL, CONSTRAINT "ck_property_floor_vacant" CHECK (vacant_m2 >= 0 AND vacant_m2 <= total_m2), CONSTRAINT "ck_property_floor_total" CHECK (total_m2 > 0), CONSTRAINT "PK_0050d53423b03ba9418d931556c" PRIMARY KEY ("property_id", "level"))`);
    await queryRunner.query(`CREATE TABLE "vacancy_period" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "property_id" uuid NOT NULL, "vacant_since" date NOT NULL, "reason" text NOT NULL, "owner_prospects" text, "available_from" date, "available_until" date, "source" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "ended_on" date, "recorded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_vacancy_period_availability" CHECK (available_until IS NULL OR available_from IS NULL OR available_until > available_from), CONSTRAINT "ck_vacancy_period_end_after_start" CHECK (ended_on IS NULL OR ended_on >= vacant_since), CONSTRAINT "ck_vacancy_period_ended" CHECK ((status = 'ended') = (ended_on IS NOT NULL)), CONSTRAINT "ck_vacancy_period_status" CHECK (status IN ('open', 'report-due', 'reported', 'consulted', 'decided', 'ended')), CONSTRAINT "ck_vacancy_period_source" CHECK (source IN ('register', 'signal', 'use-ended')), CONSTRAINT "ck_vacancy_period_reason" CHECK (reason IN ('no-tenant', 'redevelopment', 'sale', 'renovation', 'use-ended', 'unknown', 'other')), CONSTRAINT "PK_dd7be97061c3763e9398c44774d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_vacancy_period_open" ON "vacancy_period"  ("property_id") WHERE ended_on IS NULL`);
    await queryRunner.query(`ALTER TABLE "building" ADD "property_id" uuid`);
    await queryRunner.query(`CREATE INDEX "ix_building_property" ON "building"  ("property_id") `);
    await queryRunner.query(`ALTER TABLE "property" ADD CONSTRAINT "fk_property_owner" FOREIGN KEY ("owner_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "building" ADD CONSTRAINT "fk_building_property" FOREIGN KEY ("property_id") REFERENCES "property"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "property_floor" ADD CONSTRAINT "fk_property_floor_property" FOREIGN KEY ("property_id") REFERENCES "property"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "vacancy_period" ADD CONSTRAINT "fk_vacancy_period_property" FOREIGN KEY ("property_id") REFERENCES "property"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vacancy_period" DROP CONSTRAINT "fk_vacancy_period_property"`);
    await queryRunner.query(`ALTER TABLE "property_floor" DROP CONSTRAINT "fk_property_floor_property"`);
    await queryRunner.query(`ALTER TABLE "building" DROP CONSTRAINT "fk_building_property"`);
    await queryRunner.query(`ALTER TABLE "property" DROP CONSTRAINT "fk_property_owner"`);
    await queryRunner.query(`DROP INDEX "public"."ix_building_property"`);
    await queryRunner.query(`ALTER TABLE "building" DROP COLUMN "property_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_vacancy_period_open"`);
    await queryRunner.query(`DROP TABLE "vacancy_period"`);
    await queryRunner.query(`DROP TABLE "property_floor"`);
    await queryRunner.query(`DROP INDEX "public"."ix_property_owner"`);
    await queryRunner.query(`DROP INDEX "public"."uq_property_bag_verblijfsobject"`);
    await queryRunner.query(`DROP TABLE "property"`);
  }
}
