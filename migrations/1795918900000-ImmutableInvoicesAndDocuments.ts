import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An issued invoice never changes, nor does a stored document: the database refuses it, whatever
 * code runs. Only an invoice's payment state and the one-time link to its PDF may move.
 */
export class ImmutableInvoicesAndDocuments1795918900000 implements MigrationInterface {
  name = 'ImmutableInvoicesAndDocuments1795918900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'rows of % are immutable', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION invoice_keeps_what_was_issued() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await queryRunner.query(`CREATE TRIGGER document_immutable BEFORE UPDATE OR DELETE ON document FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await queryRunner.query(`CREATE TRIGGER invoice_line_immutable BEFORE UPDATE OR DELETE ON invoice_line FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await queryRunner.query(`CREATE TRIGGER invoice_not_deleted BEFORE DELETE ON invoice FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await queryRunner.query(`CREATE TRIGGER invoice_keeps_what_was_issued BEFORE UPDATE ON invoice FOR EACH ROW EXECUTE FUNCTION invoice_keeps_what_was_issued()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER invoice_keeps_what_was_issued ON invoice`);
    await queryRunner.query(`DROP TRIGGER invoice_not_deleted ON invoice`);
    await queryRunner.query(`DROP TRIGGER invoice_line_immutable ON invoice_line`);
    await queryRunner.query(`DROP TRIGGER document_immutable ON document`);
    await queryRunner.query(`DROP FUNCTION invoice_keeps_what_was_issued()`);
    await queryRunner.query(`DROP FUNCTION refuse_change()`);
  }
}
