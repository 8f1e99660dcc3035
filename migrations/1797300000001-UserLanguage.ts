import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The language a user chose for the pages, remembered across browsers and sign-ins. */
export class UserLanguage1797300000001 implements MigrationInterface {
  name = 'UserLanguage1797300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE app_user ADD COLUMN language text`);
    await queryRunner.query(`ALTER TABLE app_user ADD CONSTRAINT ck_app_user_language CHECK (language IS NULL OR language IN ('nl', 'en'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE app_user DROP CONSTRAINT ck_app_user_language`);
    await queryRunner.query(`ALTER TABLE app_user DROP COLUMN language`);
  }
}
