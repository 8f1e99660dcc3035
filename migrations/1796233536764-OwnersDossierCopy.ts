import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A second copy of the handover dossier for the owners, without the sub-tenants' names, deposits and
 * arrears. Handovers completed before it have only the umbrella's copy; their owners are told the
 * dossier is not ready rather than shown the personal data.
 */
export class OwnersDossierCopy1796233536764 implements MigrationInterface {
  name = 'OwnersDossierCopy1796233536764';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "handover" ADD "owner_dossier_document_id" uuid`);
    await queryRunner.query(`ALTER TABLE "handover" ADD CONSTRAINT "fk_handover_owner_dossier" FOREIGN KEY ("owner_dossier_document_id") REFERENCES "document"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "handover" DROP CONSTRAINT "fk_handover_owner_dossier"`);
    await queryRunner.query(`ALTER TABLE "handover" DROP COLUMN "owner_dossier_document_id"`);
  }
}
