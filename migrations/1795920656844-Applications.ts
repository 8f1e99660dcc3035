import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Applications1795920656844 implements MigrationInterface {
  name = 'Applications1795920656844';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "application_round" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "building_id" uuid NOT NULL, "name" text NOT NULL, "opens_on" date NOT NULL, "closes_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_application_round_dates" CHECK (closes_on >= opens_on), CONSTRAINT "PK_99566500e13e28b93a1dfaa2290" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "application_round_floor" ("round_id" uuid NOT NULL, "floor_id" uuid NOT NULL, CONSTRAINT "PK_66680be712ab7b509b4c37cba22" PRIMARY KEY ("round_id", "floor_id"))`);
    await queryRunner.query(`CREATE TABLE "application" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "group_name" text NOT NULL, "plan" text NOT NULL, "status" text NOT NULL DEFAULT 'draft', "contact_user_id" uuid NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_application_submitted_at" CHECK (status = 'draft' OR status = 'withdrawn' OR submitted_at IS NOT NULL), CONSTRAINT "ck_application_status" CHECK (status IN ('draft', 'submitted', 'allocated', 'waitlisted', 'rejected', 'withdrawn')), CONSTRAINT "PK_569e0c3e863ebdf5f2408ee1670" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_application_round" ON "application"  ("round_id") `);
    await queryRunner.query(`CREATE TABLE "application_preferred_floor" ("application_id" uuid NOT NULL, "floor_id" uuid NOT NULL, "position" smallint NOT NULL, CONSTRAINT "PK_c50831c188d7ef62da4d634e790" PRIMARY KEY ("application_id", "floor_id"))`);
    await queryRunner.query(`CREATE TABLE "application_member" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "name" text NOT NULL, "email" text NOT NULL, "discipline" text NOT NULL, "postcode" text, "requested_area_m2" numeric(10,2) NOT NULL, CONSTRAINT "ck_application_member_area" CHECK (requested_area_m2 > 0), CONSTRAINT "PK_7462a3a157ad00efd669c6d949d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_application_member_email" ON "application_member"  ("application_id", "email") `);
    await queryRunner.query(`CREATE TABLE "application_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "from_status" text, "to_status" text NOT NULL, "by_user_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dfaa2b28d25fb0223bfd1313f0a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_application_event_application" ON "application_event"  ("application_id") `);
    await queryRunner.query(`CREATE TABLE "application_review" ("application_id" uuid NOT NULL, "reviewer_id" uuid NOT NULL, "score" smallint NOT NULL, "notes" text, "reviewed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_application_review_score" CHECK (score BETWEEN 1 AND 10), CONSTRAINT "PK_ccac3f0e92b5fae47452dac3548" PRIMARY KEY ("application_id", "reviewer_id"))`);
    await queryRunner.query(`CREATE TABLE "floor_allocation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "floor_id" uuid NOT NULL, "application_id" uuid NOT NULL, "allocated_on" date NOT NULL, "released_on" date, CONSTRAINT "PK_2bf6dced41949277ae31e144401" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_floor_allocation_application" ON "floor_allocation"  ("application_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_floor_allocation_current" ON "floor_allocation"  ("floor_id") WHERE released_on IS NULL`);
    await queryRunner.query(`CREATE TABLE "allocation_tenant" ("allocation_id" uuid NOT NULL, "tenant_id" uuid NOT NULL, CONSTRAINT "PK_172eb23cd1c95318d57aa87db97" PRIMARY KEY ("allocation_id", "tenant_id"))`);
    await queryRunner.query(`CREATE TABLE "floor_offer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "floor_id" uuid NOT NULL, "application_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'open', "reply_by" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "answered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_floor_offer_status" CHECK (status IN ('open', 'accepted', 'declined', 'expired')), CONSTRAINT "PK_92f1ebf7f9bdf6722fdea3af70f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_floor_offer_application" ON "floor_offer"  ("application_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_floor_offer_open" ON "floor_offer"  ("floor_id") WHERE status = 'open'`);
    await queryRunner.query(`ALTER TABLE "application_round" ADD CONSTRAINT "fk_application_round_building" FOREIGN KEY ("building_id") REFERENCES "building"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "application_round_floor" ADD CONSTRAINT "fk_application_round_floor_round" FOREIGN KEY ("round_id") REFERENCES "application_round"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "application_round_floor" ADD CONSTRAINT "fk_application_round_floor_floor" FOREIGN KEY ("floor_id") REFERENCES "floor"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "application" ADD CONSTRAINT "fk_application_round" FOREIGN KEY ("round_id") REFERENCES "application_round"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "application" ADD CONSTRAINT "fk_application_contact_user" FOREIGN KEY ("contact_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "application_preferred_floor" ADD CONSTRAINT "fk_application_preferred_floor_application" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "application_preferred_floor" ADD CONSTRAINT "fk_application_preferred_floor_floor" FOREIGN KEY ("floor_id") REFERENCES "floor"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "application_member" ADD CONSTRAINT "fk_application_member_application" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "application_event" ADD CONSTRAINT "fk_application_event_application" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "application_review" ADD CONSTRAINT "fk_application_review_application" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "application_review" ADD CONSTRAINT "fk_application_review_reviewer" FOREIGN KEY ("reviewer_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "floor_allocation" ADD CONSTRAINT "fk_floor_allocation_floor" FOREIGN KEY ("floor_id") REFERENCES "floor"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "floor_allocation" ADD CONSTRAINT "fk_floor_allocation_application" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "allocation_tenant" ADD CONSTRAINT "fk_allocation_tenant_allocation" FOREIGN KEY ("allocation_id") REFERENCES "floor_allocation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "allocation_tenant" ADD CONSTRAINT "fk_allocation_tenant_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "floor_offer" ADD CONSTRAINT "fk_floor_offer_floor" FOREIGN KEY ("floor_id") REFERENCES "floor"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "floor_offer" ADD CONSTRAINT "fk_floor_offer_application" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "floor_offer" DROP CONSTRAINT "fk_floor_offer_application"`);
    await queryRunner.query(`ALTER TABLE "floor_offer" DROP CONSTRAINT "fk_floor_offer_floor"`);
    await queryRunner.query(`ALTER TABLE "allocation_tenant" DROP CONSTRAINT "fk_allocation_tenant_tenant"`);
    await queryRunner.query(`ALTER TABLE "allocation_tenant" DROP CONSTRAINT "fk_allocation_tenant_allocation"`);
    await queryRunner.query(`ALTER TABLE "floor_allocation" DROP CONSTRAINT "fk_floor_allocation_application"`);
    await queryRunner.query(`ALTER TABLE "floor_allocation" DROP CONSTRAINT "fk_floor_allocation_floor"`);
    await queryRunner.query(`ALTER TABLE "application_review" DROP CONSTRAINT "fk_application_review_reviewer"`);
    await queryRunner.query(`ALTER TABLE "application_review" DROP CONSTRAINT "fk_application_review_application"`);
    await queryRunner.query(`ALTER TABLE "application_event" DROP CONSTRAINT "fk_application_event_application"`);
    await queryRunner.query(`ALTER TABLE "application_member" DROP CONSTRAINT "fk_application_member_application"`);
    await queryRunner.query(`ALTER TABLE "application_preferred_floor" DROP CONSTRAINT "fk_application_preferred_floor_floor"`);
    await queryRunner.query(`ALTER TABLE "application_preferred_floor" DROP CONSTRAINT "fk_application_preferred_floor_application"`);
    await queryRunner.query(`ALTER TABLE "application" DROP CONSTRAINT "fk_application_contact_user"`);
    await queryRunner.query(`ALTER TABLE "application" DROP CONSTRAINT "fk_application_round"`);
    await queryRunner.query(`ALTER TABLE "application_round_floor" DROP CONSTRAINT "fk_application_round_floor_floor"`);
    await queryRunner.query(`ALTER TABLE "application_round_floor" DROP CONSTRAINT "fk_application_round_floor_round"`);
    await queryRunner.query(`ALTER TABLE "application_round" DROP CONSTRAINT "fk_application_round_building"`);
    await queryRunner.query(`DROP INDEX "public"."uq_floor_offer_open"`);
    await queryRunner.query(`DROP INDEX "public"."ix_floor_offer_application"`);
    await queryRunner.query(`DROP TABLE "floor_offer"`);
    await queryRunner.query(`DROP TABLE "allocation_tenant"`);
    await queryRunner.query(`DROP INDEX "public"."uq_floor_allocation_current"`);
    await queryRunner.query(`DROP INDEX "public"."ix_floor_allocation_application"`);
    await queryRunner.query(`DROP TABLE "floor_allocation"`);
    await queryRunner.query(`DROP TABLE "application_review"`);
    await queryRunner.query(`DROP INDEX "public"."ix_application_event_application"`);
    await queryRunner.query(`DROP TABLE "application_event"`);
    await queryRunner.query(`DROP INDEX "public"."uq_application_member_email"`);
    await queryRunner.query(`DROP TABLE "application_member"`);
    await queryRunner.query(`DROP TABLE "application_preferred_floor"`);
    await queryRunner.query(`DROP INDEX "public"."ix_application_round"`);
    await queryRunner.query(`DROP TABLE "application"`);
    await queryRunner.query(`DROP TABLE "application_round_floor"`);
    await queryRunner.query(`DROP TABLE "application_round"`);
  }
}
