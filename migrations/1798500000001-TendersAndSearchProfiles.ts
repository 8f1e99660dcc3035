import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Umbrellas' search profiles; tenders for a property with weighted criteria, reviewers, one sealed proposal
 * per umbrella, reviewers' scores and the one award (its primary key is the tender); and the city's dated
 * conversion subsidy schemes, seeded with Amsterdam's (€ 30 per m², at most € 365,000: the Volkskrantgebouw
 * got € 300,000 for installations and € 65,000 for fire safety).
 */
export class TendersAndSearchProfiles1798500000001 implements MigrationInterface {
  name = 'TendersAndSearchProfiles1798500000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "search_profile" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "umbrella_id" uuid NOT NULL, "name" text NOT NULL, "minimum_years" integer NOT NULL, "min_m2" numeric(10,2) NOT NULL, "max_m2" numeric(10,2) NOT NULL, "districts" text array NOT NULL DEFAULT '{}', "building_types" text array NOT NULL DEFAULT '{}', "max_rent_per_m2_year_cents" integer, "own_investment_cents" bigint NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_search_profile_investment" CHECK (own_investment_cents >= 0), CONSTRAINT "ck_search_profile_rent" CHECK (max_rent_per_m2_year_cents IS NULL OR max_rent_per_m2_year_cents >= 0), CONSTRAINT "ck_search_profile_area" CHECK (min_m2 >= 0 AND max_m2 >= min_m2), CONSTRAINT "ck_search_profile_years" CHECK (minimum_years >= 0 AND minimum_years <= 50), CONSTRAINT "PK_b53eb2addc87bbbfcb56f3629f6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_search_profile_umbrella" ON "search_profile"  ("umbrella_id") `);
    await queryRunner.query(`CREATE TABLE "tender" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "property_id" uuid NOT NULL, "run_by_id" uuid NOT NULL, "title" text NOT NULL, "closes_on" date NOT NULL, "zoning_deviation" boolean NOT NULL DEFAULT false, "permit_ends_on" date, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cf05759ac4297391f87db210f64" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_tender_property" ON "tender"  ("property_id") `);
    await queryRunner.query(`CREATE TABLE "tender_criterion" ("tender_id" uuid NOT NULL, "position" integer NOT NULL, "name" text NOT NULL, "weight" integer NOT NULL, CONSTRAINT "ck_tender_criterion_weight" CHECK (weight BETWEEN 1 AND 100), CONSTRAINT "PK_c67884f348632736c736fdcc79d" PRIMARY KEY ("tender_id", "position"))`);
    await queryRunner.query(`CREATE TABLE "tender_reviewer" ("tender_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_5205ec3c0b6adc6278878d0c04a" PRIMARY KEY ("tender_id", "user_id"))`);
    await queryRunner.query(`CREATE TABLE "tender_proposal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tender_id" uuid NOT NULL, "umbrella_id" uuid NOT NULL, "vision" text NOT NULL, "rent_to_owner_year_cents" bigint NOT NULL, "maker_rents_per_m2_year_cents" integer array NOT NULL, "term_years" integer NOT NULL, "own_investment_cents" bigint NOT NULL, "programme" text NOT NULL, "status" text NOT NULL DEFAULT 'submitted', "motivation" text, "submitted_by" uuid, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_tender_proposal_rejection" CHECK ((status = 'rejected') = (motivation IS NOT NULL)), CONSTRAINT "ck_tender_proposal_amounts" CHECK (rent_to_owner_year_cents >= 0 AND own_investment_cents >= 0), CONSTRAINT "ck_tender_proposal_term" CHECK (term_years BETWEEN 1 AND 50), CONSTRAINT "ck_tender_proposal_status" CHECK (status IN ('submitted', 'awarded', 'rejected')), CONSTRAINT "PK_9285e81d621841bcd48ecd30c81" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_tender_proposal_umbrella" ON "tender_proposal"  ("tender_id", "umbrella_id") `);
    await queryRunner.query(`CREATE TABLE "tender_score" ("proposal_id" uuid NOT NULL, "reviewer_id" uuid NOT NULL, "criterion_position" integer NOT NULL, "score" integer NOT NULL, CONSTRAINT "ck_tender_score_range" CHECK (score BETWEEN 1 AND 10), CONSTRAINT "PK_ad894fd4f8f6c0f5f59d71078b9" PRIMARY KEY ("proposal_id", "reviewer_id", "criterion_position"))`);
    await queryRunner.query(`CREATE TABLE "tender_award" ("tender_id" uuid NOT NULL, "proposal_id" uuid NOT NULL, "building_id" uuid, "awarded_by" uuid, "awarded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_tender_award" PRIMARY KEY ("tender_id"))`);
    await queryRunner.query(`CREATE TABLE "conversion_subsidy_scheme" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "city" text NOT NULL, "valid_from" date NOT NULL, "valid_until" date, "cents_per_m2" integer NOT NULL, "max_cents" bigint NOT NULL, "source" text NOT NULL, CONSTRAINT "ck_conversion_subsidy_amounts" CHECK (cents_per_m2 >= 0 AND max_cents >= 0), CONSTRAINT "ck_conversion_subsidy_period" CHECK (valid_until IS NULL OR valid_until > valid_from), CONSTRAINT "PK_5b1c6467fbe0dda3bb7ab8fc40b" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `INSERT INTO conversion_subsidy_scheme (city, valid_from, valid_until, cents_per_m2, max_cents, source)
       VALUES ('Amsterdam', '2000-01-01', NULL, 3000, 36500000, 'Bureau Broedplaatsen, bijdrage ombouw en brandveiligheid')`,
    );
    await queryRunner.query(`ALTER TABLE "search_profile" ADD CONSTRAINT "fk_search_profile_umbrella" FOREIGN KEY ("umbrella_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tender" ADD CONSTRAINT "fk_tender_property" FOREIGN KEY ("property_id") REFERENCES "property"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tender" ADD CONSTRAINT "fk_tender_run_by" FOREIGN KEY ("run_by_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tender_criterion" ADD CONSTRAINT "fk_tender_criterion_tender" FOREIGN KEY ("tender_id") REFERENCES "tender"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tender_reviewer" ADD CONSTRAINT "fk_tender_reviewer_tender" FOREIGN KEY ("tender_id") REFERENCES "tender"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tender_reviewer" ADD CONSTRAINT "fk_tender_reviewer_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tender_proposal" ADD CONSTRAINT "fk_tender_proposal_tender" FOREIGN KEY ("tender_id") REFERENCES "tender"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tender_proposal" ADD CONSTRAINT "fk_tender_proposal_umbrella" FOREIGN KEY ("umbrella_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tender_score" ADD CONSTRAINT "fk_tender_score_proposal" FOREIGN KEY ("proposal_id") REFERENCES "tender_proposal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tender_award" ADD CONSTRAINT "fk_tender_award_tender" FOREIGN KEY ("tender_id") REFERENCES "tender"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tender_award" ADD CONSTRAINT "fk_tender_award_proposal" FOREIGN KEY ("proposal_id") REFERENCES "tender_proposal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tender_award" ADD CONSTRAINT "fk_tender_award_building" FOREIGN KEY ("building_id") REFERENCES "building"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tender_award" DROP CONSTRAINT "fk_tender_award_building"`);
    await queryRunner.query(`ALTER TABLE "tender_award" DROP CONSTRAINT "fk_tender_award_proposal"`);
    await queryRunner.query(`ALTER TABLE "tender_award" DROP CONSTRAINT "fk_tender_award_tender"`);
    await queryRunner.query(`ALTER TABLE "tender_score" DROP CONSTRAINT "fk_tender_score_proposal"`);
    await queryRunner.query(`ALTER TABLE "tender_proposal" DROP CONSTRAINT "fk_tender_proposal_umbrella"`);
    await queryRunner.query(`ALTER TABLE "tender_proposal" DROP CONSTRAINT "fk_tender_proposal_tender"`);
    await queryRunner.query(`ALTER TABLE "tender_reviewer" DROP CONSTRAINT "fk_tender_reviewer_user"`);
    await queryRunner.query(`ALTER TABLE "tender_reviewer" DROP CONSTRAINT "fk_tender_reviewer_tender"`);
    await queryRunner.query(`ALTER TABLE "tender_criterion" DROP CONSTRAINT "fk_tender_criterion_tender"`);
    await queryRunner.query(`ALTER TABLE "tender" DROP CONSTRAINT "fk_tender_run_by"`);
    await queryRunner.query(`ALTER TABLE "tender" DROP CONSTRAINT "fk_tender_property"`);
    await queryRunner.query(`ALTER TABLE "search_profile" DROP CONSTRAINT "fk_search_profile_umbrella"`);
    await queryRunner.query(`DROP TABLE "conversion_subsidy_scheme"`);
    await queryRunner.query(`DROP TABLE "tender_award"`);
    await queryRunner.query(`DROP TABLE "tender_score"`);
    await queryRunner.query(`DROP INDEX "public"."uq_tender_proposal_umbrella"`);
    await queryRunner.query(`DROP TABLE "tender_proposal"`);
    await queryRunner.query(`DROP TABLE "tender_reviewer"`);
    await queryRunner.query(`DROP TABLE "tender_criterion"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tender_property"`);
    await queryRunner.query(`DROP TABLE "tender"`);
    await queryRunner.query(`DROP INDEX "public"."ix_search_profile_umbrella"`);
    await queryRunner.query(`DROP TABLE "search_profile"`);
  }
}
