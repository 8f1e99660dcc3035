import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Direct-debit publishes which invoices sit in a batch the bank has not answered yet (no statement
 * said collected or returned), so reminders leave them alone: their money is on its way.
 */
export class PendingCollections1798700000001 implements MigrationInterface {
  name = 'PendingCollections1798700000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE VIEW invoice_pending_collection AS SELECT DISTINCT invoice_id FROM collection_item WHERE status = 'pending'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW invoice_pending_collection`);
  }
}
