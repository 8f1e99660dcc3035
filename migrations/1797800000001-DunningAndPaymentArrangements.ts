import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders and payment arrangements. `dunning_step` holds one letter per invoice and step (a unique
 * key, so a retried daily job never writes a second one); an invoice is under at most one active
 * arrangement (a partial unique key). Invoices publish what is open on each invoice; dunning publishes
 * the arrears on a day, which the arrears report reads. Reports get the kind `arrears`, per building.
 */
const PUBLISHED = [
  // invoices: every invoice (no credit notes) with what is still open on it and how to pay it
  `CREATE VIEW invoice_balance AS
     SELECT i.id AS invoice_id, i.number, i.building_id, i.lease_id, i.tenant_id, i.status, i.issue_date, i.due_date,
            i.total_cents, i.paid_cents, greatest(i.total_cents - i.paid_cents, 0)::bigint AS open_cents, i.payment_reference,
            i.issuer ->> 'name' AS issuer_name, i.issuer ->> 'address' AS issuer_address, i.issuer ->> 'iban' AS issuer_iban,
            i.customer ->> 'name' AS customer_name, i.customer ->> 'address' AS customer_address
       FROM invoice i WHERE i.kind = 'invoice'`,
  // dunning: each invoice overdue on a day, with its last reminder and the arrangement it is under
  `CREATE FUNCTION dunning_arrears_on(day date) RETURNS TABLE (
       building_id uuid, tenant_id uuid, tenant_name text, invoice_id uuid, number text, due_date date, open_cents bigint,
       last_step smallint, last_step_on date, arrangement_id uuid, arrangement_status text)
     LANGUAGE sql STABLE AS $$
       SELECT b.building_id, b.tenant_id, b.customer_name, b.invoice_id, b.number, b.due_date, b.open_cents,
              s.step, s.sent_on, a.id, a.status
         FROM invoice_balance b
         LEFT JOIN LATERAL (SELECT d.step, d.sent_on FROM dunning_step d WHERE d.invoice_id = b.invoice_id
                             ORDER BY d.step DESC LIMIT 1) s ON TRUE
         LEFT JOIN LATERAL (SELECT p.id, p.status FROM arrangement_invoice x JOIN payment_arrangement p ON p.id = x.arrangement_id
                             WHERE x.invoice_id = b.invoice_id ORDER BY x.active DESC, p.created_at DESC LIMIT 1) a ON TRUE
        WHERE b.status = 'open' AND b.due_date < day AND b.open_cents > 0
     $$`,
];

export class DunningAndPaymentArrangements1797800000001 implements MigrationInterface {
  name = 'DunningAndPaymentArrangements1797800000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "dunning_step" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "invoice_id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "step" smallint NOT NULL, "sent_on" date NOT NULL, "open_cents" bigint NOT NULL, "document_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_dunning_step_open" CHECK (open_cents > 0), CONSTRAINT "ck_dunning_step_step" CHECK (step BETWEEN 1 AND 3), CONSTRAINT "PK_dunning_step" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_dunning_step_invoice_step" ON "dunning_step" ("invoice_id", "step") `);
    await queryRunner.query(`CREATE INDEX "ix_dunning_step_tenant" ON "dunning_step" ("tenant_id") `);
    await queryRunner.query(`CREATE TABLE "payment_arrangement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'active', "agreed_on" date NOT NULL, "total_cents" bigint NOT NULL, "paid_at_start_cents" bigint NOT NULL, "ended_on" date, "agreed_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_payment_arrangement_ended" CHECK ((status = 'active') = (ended_on IS NULL)), CONSTRAINT "ck_payment_arrangement_total" CHECK (total_cents > 0), CONSTRAINT "ck_payment_arrangement_status" CHECK (status IN ('active', 'completed', 'broken', 'cancelled')), CONSTRAINT "PK_payment_arrangement" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_payment_arrangement_tenant" ON "payment_arrangement" ("tenant_id") `);
    await queryRunner.query(`CREATE TABLE "arrangement_invoice" ("arrangement_id" uuid NOT NULL, "invoice_id" uuid NOT NULL, "active" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_arrangement_invoice" PRIMARY KEY ("arrangement_id", "invoice_id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_arrangement_invoice_active" ON "arrangement_invoice" ("invoice_id") WHERE active`);
    await queryRunner.query(`CREATE TABLE "arrangement_instalment" ("arrangement_id" uuid NOT NULL, "position" smallint NOT NULL, "due_date" date NOT NULL, "amount_cents" bigint NOT NULL, CONSTRAINT "ck_arrangement_instalment_amount" CHECK (amount_cents > 0), CONSTRAINT "PK_arrangement_instalment" PRIMARY KEY ("arrangement_id", "position"))`);
    await queryRunner.query(`ALTER TABLE "dunning_step" ADD CONSTRAINT "fk_dunning_step_invoice" FOREIGN KEY ("invoice_id") REFERENCES "invoice"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "dunning_step" ADD CONSTRAINT "fk_dunning_step_document" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "payment_arrangement" ADD CONSTRAINT "fk_payment_arrangement_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "arrangement_invoice" ADD CONSTRAINT "fk_arrangement_invoice_arrangement" FOREIGN KEY ("arrangement_id") REFERENCES "payment_arrangement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "arrangement_invoice" ADD CONSTRAINT "fk_arrangement_invoice_invoice" FOREIGN KEY ("invoice_id") REFERENCES "invoice"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "arrangement_instalment" ADD CONSTRAINT "fk_arrangement_instalment_arrangement" FOREIGN KEY ("arrangement_id") REFERENCES "payment_arrangement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // A letter sent and the terms agreed are history: they never change or go (an arrangement's status and its invoices' flag do move).
    for (const table of ['dunning_step', 'arrangement_instalment']) {
      await queryRunner.query(`CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    }
    for (const table of ['dunning_step', 'payment_arrangement', 'arrangement_invoice', 'arrangement_instalment']) {
      await queryRunner.query(`CREATE TRIGGER ${table}_not_truncated BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
    }
    for (const statement of PUBLISHED) await queryRunner.query(statement);
    await queryRunner.query(`ALTER TABLE "report" DROP CONSTRAINT "ck_report_kind"`);
    await queryRunner.query(`ALTER TABLE "report" DROP CONSTRAINT "ck_report_scope"`);
    await queryRunner.query(`ALTER TABLE "report" ADD CONSTRAINT "ck_report_kind" CHECK (kind IN ('owner-occupancy', 'municipality-monitor', 'arrears'))`);
    await queryRunner.query(`ALTER TABLE "report" ADD CONSTRAINT "ck_report_scope" CHECK ((kind IN ('owner-occupancy', 'arrears') AND building_id IS NOT NULL) OR (kind = 'municipality-monitor' AND city IS NOT NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "report" WHERE kind = 'arrears'`);
    await queryRunner.query(`ALTER TABLE "report" DROP CONSTRAINT "ck_report_scope"`);
    await queryRunner.query(`ALTER TABLE "report" DROP CONSTRAINT "ck_report_kind"`);
    await queryRunner.query(`ALTER TABLE "report" ADD CONSTRAINT "ck_report_kind" CHECK (kind IN ('owner-occupancy', 'municipality-monitor'))`);
    await queryRunner.query(`ALTER TABLE "report" ADD CONSTRAINT "ck_report_scope" CHECK ((kind = 'owner-occupancy' AND building_id IS NOT NULL) OR (kind = 'municipality-monitor' AND city IS NOT NULL))`);
    await queryRunner.query(`DROP FUNCTION dunning_arrears_on(date)`);
    await queryRunner.query(`DROP VIEW invoice_balance`);
    await queryRunner.query(`DROP TABLE "arrangement_instalment"`);
    await queryRunner.query(`DROP TABLE "arrangement_invoice"`);
    await queryRunner.query(`DROP TABLE "payment_arrangement"`);
    await queryRunner.query(`DROP TABLE "dunning_step"`);
  }
}
