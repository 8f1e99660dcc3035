import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The time account of the double balance: working groups, hours given (in quarters), the public programme, subsidies and the
 * dated hourly value the hours are valued at (€ 20,00 from the start). An approved entry is final in the database too. The
 * time account publishes the approved hours and the programme per building for reports; invoices publishes the payments
 * received per building and day; reports get the kind `double-balance`, per building or per city.
 */
const PUBLISHED = [
  // time-account: approved hours with the hourly value in force on their day, never a person's name
  `CREATE VIEW approved_time AS
     SELECT e.building_id, e.tenant_id, e.working_group_id, e.date, e.kind, e.quarters,
            (SELECT v.cents_per_hour FROM hourly_value v WHERE v.valid_from <= e.date ORDER BY v.valid_from DESC LIMIT 1) AS cents_per_hour
       FROM time_entry e WHERE e.status = 'approved'`,
  `CREATE VIEW programme_activity AS SELECT building_id, date, kind, visitors, free FROM programme_event`,
  `CREATE VIEW subsidy_ledger AS SELECT building_id, date, source, amount_cents, purpose FROM subsidy`,
  // invoices: money received on a day for a building's invoices (a reversal counts negative, a use of credit is no money)
  `CREATE VIEW payment_received AS
     SELECT i.building_id, p.paid_on, p.amount_cents FROM payment p JOIN invoice i ON i.id = p.invoice_id
      WHERE p.kind IN ('payment', 'reversal')`,
];

export class TimeAccount1798300000001 implements MigrationInterface {
  name = 'TimeAccount1798300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "working_group" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "building_id" uuid NOT NULL, "name" text NOT NULL, "coordinator_tenant_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9cbcc6e96966bec27f605e3c9f4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_working_group_building_name" ON "working_group"  ("building_id", "name") `);
    await queryRunner.query(`CREATE TABLE "time_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "building_id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "working_group_id" uuid, "date" date NOT NULL, "quarters" smallint NOT NULL, "kind" text NOT NULL, "description" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "rejection_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_time_entry_decided" CHECK ((status = 'pending') = (decided_at IS NULL)), CONSTRAINT "ck_time_entry_status" CHECK (status IN ('pending', 'approved', 'rejected')), CONSTRAINT "ck_time_entry_kind" CHECK (kind IN ('building', 'communication', 'security', 'logistics', 'public_programme', 'neighbourhood', 'other')), CONSTRAINT "ck_time_entry_quarters" CHECK (quarters BETWEEN 1 AND 64), CONSTRAINT "PK_8bc1870af1779c749f9026ec508" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_time_entry_group" ON "time_entry"  ("working_group_id") `);
    await queryRunner.query(`CREATE INDEX "ix_time_entry_tenant_date" ON "time_entry"  ("tenant_id", "date") `);
    await queryRunner.query(`CREATE INDEX "ix_time_entry_building_date" ON "time_entry"  ("building_id", "date") `);
    await queryRunner.query(`CREATE TABLE "programme_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "building_id" uuid NOT NULL, "date" date NOT NULL, "title" text NOT NULL, "kind" text NOT NULL, "visitors" integer NOT NULL, "free" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_programme_event_visitors" CHECK (visitors >= 0), CONSTRAINT "ck_programme_event_kind" CHECK (kind IN ('exhibition', 'open_studios', 'performance', 'workshop', 'neighbourhood_activity')), CONSTRAINT "PK_1ee154de55971cd63014a797b4e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_programme_event_building_date" ON "programme_event"  ("building_id", "date") `);
    await queryRunner.query(`CREATE TABLE "subsidy" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "building_id" uuid NOT NULL, "date" date NOT NULL, "source" text NOT NULL, "amount_cents" bigint NOT NULL, "purpose" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_subsidy_amount" CHECK (amount_cents > 0), CONSTRAINT "PK_91272a468859568d0c9db618ce0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_subsidy_building_date" ON "subsidy"  ("building_id", "date") `);
    await queryRunner.query(`CREATE TABLE "hourly_value" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "valid_from" date NOT NULL, "cents_per_hour" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_hourly_value_cents" CHECK (cents_per_hour > 0), CONSTRAINT "PK_5ae95726a2f7d8648d07b33a732" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_hourly_value_valid_from" ON "hourly_value"  ("valid_from") `);
    await queryRunner.query(`ALTER TABLE "working_group" ADD CONSTRAINT "fk_working_group_building" FOREIGN KEY ("building_id") REFERENCES "building"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "working_group" ADD CONSTRAINT "fk_working_group_coordinator" FOREIGN KEY ("coordinator_tenant_id") REFERENCES "tenant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "time_entry" ADD CONSTRAINT "fk_time_entry_building" FOREIGN KEY ("building_id") REFERENCES "building"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "time_entry" ADD CONSTRAINT "fk_time_entry_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "time_entry" ADD CONSTRAINT "fk_time_entry_working_group" FOREIGN KEY ("working_group_id") REFERENCES "working_group"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "programme_event" ADD CONSTRAINT "fk_programme_event_building" FOREIGN KEY ("building_id") REFERENCES "building"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "subsidy" ADD CONSTRAINT "fk_subsidy_building" FOREIGN KEY ("building_id") REFERENCES "building"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`INSERT INTO "hourly_value" ("valid_from", "cents_per_hour") VALUES ('1900-01-01', 2000)`);
    // Approved hours are final: only a pending entry is changed (decided) or removed.
    await queryRunner.query(`
      CREATE FUNCTION time_entry_final_once_approved() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'approved' THEN
          RAISE EXCEPTION 'time entry % is approved and final', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER time_entry_final BEFORE UPDATE OR DELETE ON time_entry FOR EACH ROW EXECUTE FUNCTION time_entry_final_once_approved()`,
    );
    await queryRunner.query(`ALTER TABLE "report" DROP CONSTRAINT "ck_report_kind"`);
    await queryRunner.query(`ALTER TABLE "report" ADD CONSTRAINT "ck_report_kind" CHECK (kind IN ('owner-occupancy', 'municipality-monitor', 'arrears', 'double-balance'))`);
    await queryRunner.query(`ALTER TABLE "report" DROP CONSTRAINT "ck_report_scope"`);
    await queryRunner.query(
      `ALTER TABLE "report" ADD CONSTRAINT "ck_report_scope" CHECK ((kind IN ('owner-occupancy', 'arrears') AND building_id IS NOT NULL) OR (kind = 'municipality-monitor' AND city IS NOT NULL) OR (kind = 'double-balance' AND (building_id IS NOT NULL OR city IS NOT NULL)))`,
    );
    for (const statement of PUBLISHED) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const view of ['payment_received', 'subsidy_ledger', 'programme_activity', 'approved_time']) await queryRunner.query(`DROP VIEW ${view}`);
    await queryRunner.query(`DELETE FROM "report" WHERE kind = 'double-balance'`);
    await queryRunner.query(`ALTER TABLE "report" DROP CONSTRAINT "ck_report_scope"`);
    await queryRunner.query(
      `ALTER TABLE "report" ADD CONSTRAINT "ck_report_scope" CHECK ((kind IN ('owner-occupancy', 'arrears') AND building_id IS NOT NULL) OR (kind = 'municipality-monitor' AND city IS NOT NULL))`,
    );
    await queryRunner.query(`ALTER TABLE "report" DROP CONSTRAINT "ck_report_kind"`);
    await queryRunner.query(`ALTER TABLE "report" ADD CONSTRAINT "ck_report_kind" CHECK (kind IN ('owner-occupancy', 'municipality-monitor', 'arrears'))`);
    await queryRunner.query(`DROP TRIGGER time_entry_final ON time_entry`);
    await queryRunner.query(`DROP FUNCTION time_entry_final_once_approved()`);
    await queryRunner.query(`ALTER TABLE "subsidy" DROP CONSTRAINT "fk_subsidy_building"`);
    await queryRunner.query(`ALTER TABLE "programme_event" DROP CONSTRAINT "fk_programme_event_building"`);
    await queryRunner.query(`ALTER TABLE "time_entry" DROP CONSTRAINT "fk_time_entry_working_group"`);
    await queryRunner.query(`ALTER TABLE "time_entry" DROP CONSTRAINT "fk_time_entry_tenant"`);
    await queryRunner.query(`ALTER TABLE "time_entry" DROP CONSTRAINT "fk_time_entry_building"`);
    await queryRunner.query(`ALTER TABLE "working_group" DROP CONSTRAINT "fk_working_group_coordinator"`);
    await queryRunner.query(`ALTER TABLE "working_group" DROP CONSTRAINT "fk_working_group_building"`);
    await queryRunner.query(`DROP INDEX "public"."uq_hourly_value_valid_from"`);
    await queryRunner.query(`DROP TABLE "hourly_value"`);
    await queryRunner.query(`DROP INDEX "public"."ix_subsidy_building_date"`);
    await queryRunner.query(`DROP TABLE "subsidy"`);
    await queryRunner.query(`DROP INDEX "public"."ix_programme_event_building_date"`);
    await queryRunner.query(`DROP TABLE "programme_event"`);
    await queryRunner.query(`DROP INDEX "public"."ix_time_entry_building_date"`);
    await queryRunner.query(`DROP INDEX "public"."ix_time_entry_tenant_date"`);
    await queryRunner.query(`DROP INDEX "public"."ix_time_entry_group"`);
    await queryRunner.query(`DROP TABLE "time_entry"`);
    await queryRunner.query(`DROP INDEX "public"."uq_working_group_building_name"`);
    await queryRunner.query(`DROP TABLE "working_group"`);
  }
}
