import type { MigrationInterface, QueryRunner } from 'typeorm';

const PROTECTED_TABLES = ['invoice', 'invoice_line', 'payment', 'document'];

/**
 * Closes what the first immutability triggers left open: lines added to an invoice after it was issued,
 * a credited invoice set back to open or paid, payment rows changed or deleted (a payment is undone by a
 * reversing entry), and TRUNCATE, which row triggers never see.
 */
export class CloseImmutabilityHoles1795930000000 implements MigrationInterface {
  name = 'CloseImmutabilityHoles1795930000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // As before, and now also: the creation time (which dates the issuing transaction) and a credit stay.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION invoice_keeps_what_was_issued() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.kind, NEW.number, NEW.credits_invoice_id, NEW.building_id, NEW.lease_id, NEW.tenant_id, NEW.run_id,
            NEW.period, NEW.issue_date, NEW.due_date, NEW.issuer, NEW.customer, NEW.total_ex_vat_cents, NEW.vat_cents,
            NEW.total_cents, NEW.payment_reference, NEW.credit_reason, NEW.created_at)
           IS DISTINCT FROM
           (OLD.kind, OLD.number, OLD.credits_invoice_id, OLD.building_id, OLD.lease_id, OLD.tenant_id, OLD.run_id,
            OLD.period, OLD.issue_date, OLD.due_date, OLD.issuer, OLD.customer, OLD.total_ex_vat_cents, OLD.vat_cents,
            OLD.total_cents, OLD.payment_reference, OLD.credit_reason, OLD.created_at)
           OR (OLD.document_id IS NOT NULL AND NEW.document_id IS DISTINCT FROM OLD.document_id) THEN
          RAISE EXCEPTION 'an issued invoice cannot change; issue a credit note' USING ERRCODE = 'restrict_violation';
        END IF;
        IF OLD.status = 'credited' AND NEW.status <> 'credited' THEN
          RAISE EXCEPTION 'a credited invoice stays credited' USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$`);
    // An invoice is issued with its lines in one transaction; created_at is that transaction's start (now()).
    await queryRunner.query(`
      CREATE FUNCTION invoice_line_only_while_issuing() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM invoice WHERE id = NEW.invoice_id AND created_at = now()) THEN
          RAISE EXCEPTION 'lines cannot be added to an issued invoice' USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER invoice_line_only_while_issuing BEFORE INSERT ON invoice_line FOR EACH ROW EXECUTE FUNCTION invoice_line_only_while_issuing()`,
    );
    await queryRunner.query(`CREATE TRIGGER payment_immutable BEFORE UPDATE OR DELETE ON payment FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    for (const table of PROTECTED_TABLES) {
      await queryRunner.query(`CREATE TRIGGER ${table}_not_truncated BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of PROTECTED_TABLES) await queryRunner.query(`DROP TRIGGER ${table}_not_truncated ON ${table}`);
    await queryRunner.query(`DROP TRIGGER payment_immutable ON payment`);
    await queryRunner.query(`DROP TRIGGER invoice_line_only_while_issuing ON invoice_line`);
    await queryRunner.query(`DROP FUNCTION invoice_line_only_while_issuing()`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION invoice_keeps_what_was_issued() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.kind, NEW.number, NEW.credits_invoice_id, NEW.building_id, NEW.lease_id, NEW.tenant_id, NEW.run_id,
            NEW.period, NEW.issue_date, NEW.due_date, NEW.issuer, NEW.customer, NEW.total_ex_vat_cents, NEW.vat_cents,
            NEW.total_cents, NEW.payment_reference, NEW.credit_reason)
           IS DISTINCT FROM
           (OLD.kind, OLD.number, OLD.credits_invoice_id, OLD.building_id, OLD.lease_id, OLD.tenant_id, OLD.run_id,
            OLD.period, OLD.issue_date, OLD.due_date, OLD.issuer, OLD.customer, OLD.total_ex_vat_cents, OLD.vat_cents,
            OLD.total_cents, OLD.payment_reference, OLD.credit_reason)
           OR (OLD.document_id IS NOT NULL AND NEW.document_id IS DISTINCT FROM OLD.document_id) THEN
          RAISE EXCEPTION 'an issued invoice cannot change; issue a credit note' USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$`);
  }
}
