import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The vacancy file and its clock. `vacancy_rule_set` holds each version of a city's vacancy bylaw with its
 * source; Amsterdam's 2011 and 2022 versions are seeded. The owner's report, the city's consultations and its
 * decision are written once and never change or go (triggers). Interim use (guardianship, temporary letting
 * under a permit) is kept per property.
 */
const SEED = `INSERT INTO vacancy_rule_set (city, valid_from, title, source, use_categories, report_after_months, consultation_within_months, nomination_after_months, fine_tiers) VALUES
  ('Amsterdam', '2011-10-01', 'Leegstandverordening Amsterdam 2011', 'Leegstandwet art. 2–3; Leegstandverordening Amsterdam 2011, Gemeenteblad Amsterdam 2011', '{office}', 6, 3, 12, '[]'),
  ('Amsterdam', '2022-07-01', 'Leegstandverordening Amsterdam 2022', 'Leegstandwet art. 2–3; Leegstandverordening Amsterdam 2022, Gemeenteblad Amsterdam 2022 (lokaleregelgeving.overheid.nl)', '{office,retail,industrial}', 6, 2, 12,
   '[{"offence":"not-reporting","useCategory":"office","amountCents":750000}]')`;

export class VacancyFile1798400000002 implements MigrationInterface {
  name = 'VacancyFile1798400000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "vacancy_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vacancy_period_id" uuid NOT NULL, "filed_on" date NOT NULL, "vacant_since" date NOT NULL, "reason" text NOT NULL, "prospects" text NOT NULL, "floors" jsonb NOT NULL, "filed_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1601ac5eb8e106427c40a21fadb" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_vacancy_report_period" ON "vacancy_report"  ("vacancy_period_id") `);
    await queryRunner.query(`CREATE TABLE "vacancy_consultation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vacancy_period_id" uuid NOT NULL, "held_on" date NOT NULL, "parties" text NOT NULL, "outcome" text NOT NULL, "next_step" text NOT NULL, "recorded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d995fb7f58e502b56ebf7fa87f5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_vacancy_consultation_period" ON "vacancy_consultation"  ("vacancy_period_id") `);
    await queryRunner.query(`CREATE TABLE "vacancy_decision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vacancy_period_id" uuid NOT NULL, "decided_on" date NOT NULL, "kind" text NOT NULL, "motivation" text NOT NULL, "decided_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_vacancy_decision_kind" CHECK (kind IN ('owner-plan-accepted', 'interim-use-agreed', 'user-nominated', 'closed')), CONSTRAINT "PK_2ca0790bac7745312574bb92373" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_vacancy_decision_period" ON "vacancy_decision"  ("vacancy_period_id") `);
    await queryRunner.query(`CREATE TABLE "vacancy_rule_set" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "city" text NOT NULL, "valid_from" date NOT NULL, "title" text NOT NULL, "source" text NOT NULL, "use_categories" text array NOT NULL, "report_after_months" smallint NOT NULL, "consultation_within_months" smallint NOT NULL, "nomination_after_months" smallint NOT NULL, "fine_tiers" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "ck_vacancy_rule_set_months" CHECK (report_after_months > 0 AND consultation_within_months > 0 AND nomination_after_months > 0), CONSTRAINT "PK_19aaa430cff4a38558e03e38015" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_vacancy_rule_set_city_from" ON "vacancy_rule_set"  ("city", "valid_from") `);
    await queryRunner.query(`CREATE TABLE "interim_use" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "property_id" uuid NOT NULL, "kind" text NOT NULL, "manager" text NOT NULL, "starts_on" date NOT NULL, "ends_on" date, "notice_days" integer NOT NULL, "permit_reference" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_interim_use_permit" CHECK (kind <> 'temporary-letting' OR (permit_reference IS NOT NULL AND ends_on IS NOT NULL)), CONSTRAINT "ck_interim_use_notice" CHECK (notice_days >= 0), CONSTRAINT "ck_interim_use_period" CHECK (ends_on IS NULL OR ends_on > starts_on), CONSTRAINT "ck_interim_use_kind" CHECK (kind IN ('guardianship', 'temporary-letting')), CONSTRAINT "PK_7490ba47c1cbeea9012644c18c8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_interim_use_property" ON "interim_use"  ("property_id") `);
    await queryRunner.query(`ALTER TABLE "vacancy_period" ADD "report_due_on" date`);
    await queryRunner.query(`ALTER TABLE "vacancy_report" ADD CONSTRAINT "fk_vacancy_report_period" FOREIGN KEY ("vacancy_period_id") REFERENCES "vacancy_period"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "vacancy_consultation" ADD CONSTRAINT "fk_vacancy_consultation_period" FOREIGN KEY ("vacancy_period_id") REFERENCES "vacancy_period"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "vacancy_decision" ADD CONSTRAINT "fk_vacancy_decision_period" FOREIGN KEY ("vacancy_period_id") REFERENCES "vacancy_period"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "interim_use" ADD CONSTRAINT "fk_interim_use_property" FOREIGN KEY ("property_id") REFERENCES "property"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // Filed is filed: a report, a consultation and a decision are the file's history.
    for (const table of ['vacancy_report', 'vacancy_consultation', 'vacancy_decision']) {
      await queryRunner.query(`CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
      await queryRunner.query(`CREATE TRIGGER ${table}_not_truncated BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
    }
    await queryRunner.query(SEED);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['vacancy_report', 'vacancy_consultation', 'vacancy_decision']) {
      await queryRunner.query(`DROP TRIGGER ${table}_immutable ON ${table}`);
      await queryRunner.query(`DROP TRIGGER ${table}_not_truncated ON ${table}`);
    }
    await queryRunner.query(`ALTER TABLE "interim_use" DROP CONSTRAINT "fk_interim_use_property"`);
    await queryRunner.query(`ALTER TABLE "vacancy_decision" DROP CONSTRAINT "fk_vacancy_decision_period"`);
    await queryRunner.query(`ALTER TABLE "vacancy_consultation" DROP CONSTRAINT "fk_vacancy_consultation_period"`);
    await queryRunner.query(`ALTER TABLE "vacancy_report" DROP CONSTRAINT "fk_vacancy_report_period"`);
    await queryRunner.query(`ALTER TABLE "vacancy_period" DROP COLUMN "report_due_on"`);
    await queryRunner.query(`DROP INDEX "public"."ix_interim_use_property"`);
    await queryRunner.query(`DROP TABLE "interim_use"`);
    await queryRunner.query(`DROP INDEX "public"."uq_vacancy_rule_set_city_from"`);
    await queryRunner.query(`DROP TABLE "vacancy_rule_set"`);
    await queryRunner.query(`DROP INDEX "public"."uq_vacancy_decision_period"`);
    await queryRunner.query(`DROP TABLE "vacancy_decision"`);
    await queryRunner.query(`DROP INDEX "public"."ix_vacancy_consultation_period"`);
    await queryRunner.query(`DROP TABLE "vacancy_consultation"`);
    await queryRunner.query(`DROP INDEX "public"."uq_vacancy_report_period"`);
    await queryRunner.query(`DROP TABLE "vacancy_report"`);
  }
}
