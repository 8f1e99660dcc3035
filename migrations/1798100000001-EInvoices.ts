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
       OR (OLD.document_id IS NOT NULL AND NEW.document_id IS DISTINCT FROM OLD.document_id)${extra} THEN
      RAISE EXCEPTION 'an issued invoice cannot change; issue a credit note' USING ERRCODE = 'restrict_violation';
    END IF;
    IF OLD.status = 'credited' AND NEW.status <> 'credited' THEN
      RAISE EXCEPTION 'a credited invoice stays credited' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
  END $$`;

/**
 * E-invoices: each invoice stored with its PDF gets its UBL document beside it, or the reason it has none
 * (invoices stored before this have none). Once stored, neither changes. A tenant may name its Peppol id,
 * published on the party an invoice copies.
 */
export class EInvoices1798100000001 implements MigrationInterface {
  name = 'EInvoices1798100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE tenant ADD COLUMN peppol_id text`);
    await queryRunner.query(`ALTER TABLE tenant ADD CONSTRAINT ck_tenant_peppol_id CHECK (peppol_id ~ '^[0-9]{4}:[A-Za-z0-9._-]{1,100}$')`);
    await queryRunner.query(
      `CREATE OR REPLACE VIEW tenant_party AS SELECT id AS tenant_id, name, address, email, kvk_number, vat_number, peppol_id FROM tenant`,
    );
    await queryRunner.query(`ALTER TABLE invoice ADD COLUMN ubl_document_id uuid, ADD COLUMN e_invoice_unavailable text`);
    await queryRunner.query(
      `ALTER TABLE invoice ADD CONSTRAINT fk_invoice_ubl_document FOREIGN KEY (ubl_document_id) REFERENCES document(id) ON DELETE RESTRICT`,
    );
    await queryRunner.query(`UPDATE invoice SET e_invoice_unavailable = 'issued_before_e_invoices' WHERE document_id IS NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE invoice ADD CONSTRAINT ck_invoice_e_invoice CHECK (e_invoice_unavailable IN ('customer_without_kvk', 'customer_address_incomplete', 'issuer_address_incomplete', 'issued_before_e_invoices') AND (ubl_document_id IS NULL OR e_invoice_unavailable IS NULL))`,
    );
    await queryRunner.query(
      KEEPS_WHAT_WAS_ISSUED(`
       OR (OLD.ubl_document_id IS NOT NULL AND NEW.ubl_document_id IS DISTINCT FROM OLD.ubl_document_id)
       OR (OLD.e_invoice_unavailable IS NOT NULL AND NEW.e_invoice_unavailable IS DISTINCT FROM OLD.e_invoice_unavailable)`),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(KEEPS_WHAT_WAS_ISSUED(''));
    await queryRunner.query(`ALTER TABLE invoice DROP CONSTRAINT ck_invoice_e_invoice`);
    await queryRunner.query(`ALTER TABLE invoice DROP CONSTRAINT fk_invoice_ubl_document`);
    await queryRunner.query(`ALTER TABLE invoice DROP COLUMN e_invoice_unavailable, DROP COLUMN ubl_document_id`);
    await queryRunner.query(`DROP VIEW tenant_party`);
    await queryRunner.query(`CREATE VIEW tenant_party AS SELECT id AS tenant_id, name, address, email, kvk_number, vat_number FROM tenant`);
    await queryRunner.query(`ALTER TABLE tenant DROP CONSTRAINT ck_tenant_peppol_id`);
    await queryRunner.query(`ALTER TABLE tenant DROP COLUMN peppol_id`);
  }
}
