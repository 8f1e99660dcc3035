import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A bank statement remembers the umbrella whose staff imported it (null: the installation's admins), so
 * an umbrella's staff reach only their own statements. Those imported before were the installation's.
 */
export class BankStatementUmbrella1798840000003 implements MigrationInterface {
  name = 'BankStatementUmbrella1798840000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bank_statement" ADD "umbrella_id" uuid`);
    await queryRunner.query(`CREATE INDEX "ix_bank_statement_umbrella" ON "bank_statement"  ("umbrella_id") `);
    await queryRunner.query(
      `ALTER TABLE "bank_statement" ADD CONSTRAINT "fk_bank_statement_umbrella" FOREIGN KEY ("umbrella_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bank_statement" DROP CONSTRAINT "fk_bank_statement_umbrella"`);
    await queryRunner.query(`DROP INDEX "public"."ix_bank_statement_umbrella"`);
    await queryRunner.query(`ALTER TABLE "bank_statement" DROP COLUMN "umbrella_id"`);
  }
}
