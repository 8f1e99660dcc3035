import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an umbrella needs to collect rent by SEPA direct debit: its creditor identifier (incassant-ID),
 * the BIC of its account, and its bank's wishes (pain.008 version, FRST on a first collection or RCUR
 * throughout). The published party view gains the BIC and the creditor identifier, for the invoice's
 * QR code and pre-notification.
 */
export class SepaCreditor1797700000001 implements MigrationInterface {
  name = 'SepaCreditor1797700000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisation" ADD "bic" text`);
    await queryRunner.query(`ALTER TABLE "organisation" ADD "creditor_identifier" text`);
    await queryRunner.query(`ALTER TABLE "organisation" ADD "sepa_pain_version" text NOT NULL DEFAULT '08'`);
    await queryRunner.query(`ALTER TABLE "organisation" ADD "sepa_sequence" text NOT NULL DEFAULT 'rcur-only'`);
    await queryRunner.query(`ALTER TABLE "organisation" ADD CONSTRAINT "ck_organisation_sepa_sequence" CHECK (sepa_sequence IN ('rcur-only', 'frst-then-rcur'))`);
    await queryRunner.query(`ALTER TABLE "organisation" ADD CONSTRAINT "ck_organisation_sepa_pain_version" CHECK (sepa_pain_version IN ('08', '02'))`);
    await queryRunner.query(`ALTER TABLE "organisation" ADD CONSTRAINT "ck_organisation_bic" CHECK (bic ~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$')`);
    await queryRunner.query(`ALTER TABLE "organisation" ADD CONSTRAINT "ck_organisation_creditor_identifier" CHECK (creditor_identifier ~ '^NL[0-9]{2}[A-Z0-9]{3}[0-9]{12}$')`);
    await queryRunner.query(`
      CREATE OR REPLACE VIEW organisation_party AS
        SELECT id AS organisation_id, kind, name, address, city, kvk_number, vat_number, iban, bic, creditor_identifier FROM organisation`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW organisation_party`);
    await queryRunner.query(`CREATE VIEW organisation_party AS SELECT id AS organisation_id, kind, name, address, city, kvk_number, vat_number, iban FROM organisation`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP CONSTRAINT "ck_organisation_creditor_identifier"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP CONSTRAINT "ck_organisation_bic"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP CONSTRAINT "ck_organisation_sepa_pain_version"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP CONSTRAINT "ck_organisation_sepa_sequence"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "sepa_sequence"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "sepa_pain_version"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "creditor_identifier"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "bic"`);
  }
}
