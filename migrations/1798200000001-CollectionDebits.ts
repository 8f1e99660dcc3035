import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What mail reads for collecting rent and for handovers. Direct-debit publishes each debit of a batch as
 * its debtor is told of it (the pre-notification): whose invoice, how much, on which day, under which
 * mandate and creditor identifier. Users publish whose organisation (and role) each user is, so a
 * handover's dossier reaches the users of the seller and of the buyer.
 */
export class CollectionDebits1798200000001 implements MigrationInterface {
  name = 'CollectionDebits1798200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE VIEW collection_debit AS
        SELECT i.collection_id, c.collection_date, m.tenant_id, i.invoice_id, i.end_to_end_id AS invoice_number, i.amount_cents,
               m.reference AS mandate_reference, m.iban, o.name AS creditor_name, o.creditor_identifier
          FROM collection_item i
          JOIN collection c ON c.id = i.collection_id
          JOIN mandate m ON m.id = i.mandate_id
          JOIN organisation_party o ON o.organisation_id = c.creditor_id`);
    await queryRunner.query(
      `CREATE OR REPLACE VIEW user_contact AS SELECT id AS user_id, email, name, language, tenant_id, created_at, organisation_id, role FROM app_user`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW user_contact`);
    await queryRunner.query(`CREATE VIEW user_contact AS SELECT id AS user_id, email, name, language, tenant_id, created_at FROM app_user`);
    await queryRunner.query(`DROP VIEW collection_debit`);
  }
}
