import type { MigrationInterface, QueryRunner } from 'typeorm';

const KEEPS_WHAT_WAS_ISSUED = (extra: string) => `
  CREATE OR REPLACE FUNCTION invoice_keeps_what_was_issued() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF (NEW.kind, NEW.number, NEW.credits_invoice_id, NEW.building_id, NEW.lease_id, NEW.tenant_id, NEW.run_id,
        NEW.period, NEW.issue_date, NEW.due_date, NEW.issuer, NEW.customer, NEW.total_ex_vat_cents, NEW.vat_cents,
        NEW.total_cents, NEW.payment_reference, NEW.credit_reason, NEW.created_at)
       IS DISTINCT FROM
       (OLD.kind, OLD.number, OLD.credits_invoice_id, OLD.building_id, OLD.lease_id, OLD.tenant_id, OLD.run_id,
        OLD.period, OLD.issue_date, OLD.due_date, OLD.issuer, OLD.customer, OLD.total_ex_vat_cents, OLD.vat_cents,
        OLD.total_cents, OLD.payment_reference, OLD.credit_reason, OLD.created_at)
       OR (OLD.document_id IS NOT NULL AND NEW.document_id IS DISTINCT FROM OLD.document_id)
       OR (OLD.ubl_document_id IS NOT NULL AND NEW.ubl_document_id IS DISTINCT FROM OLD.ubl_document_id)
       OR (OLD.e_invoice_unavailable IS NOT NULL AND NEW.e_invoice_unavailable IS DISTINCT FROM OLD.e_invoice_unavailable)${extra} THEN
      RAISE EXCEPTION 'an issued invoice cannot change; issue a credit note' USING ERRCODE = 'restrict_violation';
    END IF;
    IF OLD.status = 'credited' AND NEW.status <> 'credited' THEN
      RAISE EXCEPTION 'a credited invoice stays credited' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
  END $$`;

const INVOICE_BALANCE = (extra: string) => `CREATE OR REPLACE VIEW invoice_balance AS
     SELECT i.id AS invoice_id, i.number, i.building_id, i.lease_id, i.tenant_id, i.status, i.issue_date, i.due_date,
            i.total_cents, i.paid_cents, greatest(i.total_cents - i.paid_cents, 0)::bigint AS open_cents, i.payment_reference,
            i.issuer ->> 'name' AS issuer_name, i.issuer ->> 'address' AS issuer_address, i.issuer ->> 'iban' AS issuer_iban,
            i.customer ->> 'name' AS customer_name, i.customer ->> 'address' AS customer_address${extra}
       FROM invoice i WHERE i.kind = 'invoice'`;

/**
 * An invoice keeps which mandate its stored PDF pre-notified the debit under (none: it asks for a
 * transfer), set with the PDF and fixed with it. A batch collects only pre-notified invoices.
 * Invoices stored before this get the mandate that was active for them when their PDF was stored
 * (the PDF chose it the same way); the rest stay payable by transfer.
 */
export class PreNotifiedMandate1798830000011 implements MigrationInterface {
  name = 'PreNotifiedMandate1798830000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE invoice ADD COLUMN pre_notified_mandate_id uuid`);
    await queryRunner.query(`
      UPDATE invoice i SET pre_notified_mandate_id = (
        SELECT m.id FROM mandate m JOIN document d ON d.id = i.document_id JOIN building b ON b.id = i.building_id
         WHERE m.tenant_id = i.tenant_id AND m.creditor_id = b.umbrella_id AND (m.lease_id = i.lease_id OR m.lease_id IS NULL)
           AND m.created_at <= d.created_at AND (m.revoked_on IS NULL OR m.revoked_on > d.created_at::date)
         ORDER BY m.lease_id NULLS LAST, m.created_at DESC LIMIT 1)
       WHERE i.document_id IS NOT NULL AND i.kind = 'invoice'`);
    await queryRunner.query(KEEPS_WHAT_WAS_ISSUED(`
       OR (OLD.document_id IS NOT NULL AND NEW.pre_notified_mandate_id IS DISTINCT FROM OLD.pre_notified_mandate_id)`));
    await queryRunner.query(INVOICE_BALANCE(', i.pre_notified_mandate_id'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW invoice_balance`);
    await queryRunner.query(INVOICE_BALANCE(''));
    await queryRunner.query(KEEPS_WHAT_WAS_ISSUED(''));
    await queryRunner.query(`ALTER TABLE invoice DROP COLUMN pre_notified_mandate_id`);
  }
}
