import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An invoice issued while the installation makes no e-invoices (INVOICE_E_INVOICES=false) keeps that as why it has none. */
export class EInvoicesOff1798600000001 implements MigrationInterface {
  name = 'EInvoicesOff1798600000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE invoice DROP CONSTRAINT ck_invoice_e_invoice`);
    await queryRunner.query(
      `ALTER TABLE invoice ADD CONSTRAINT ck_invoice_e_invoice CHECK (e_invoice_unavailable IN ('customer_without_kvk', 'customer_address_incomplete', 'issuer_address_incomplete', 'issued_before_e_invoices', 'e_invoices_off') AND (ubl_document_id IS NULL OR e_invoice_unavailable IS NULL))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE invoice DROP CONSTRAINT ck_invoice_e_invoice`);
    await queryRunner.query(
      `ALTER TABLE invoice ADD CONSTRAINT ck_invoice_e_invoice CHECK (e_invoice_unavailable IN ('customer_without_kvk', 'customer_address_incomplete', 'issuer_address_incomplete', 'issued_before_e_invoices') AND (ubl_document_id IS NULL OR e_invoice_unavailable IS NULL))`,
    );
  }
}
