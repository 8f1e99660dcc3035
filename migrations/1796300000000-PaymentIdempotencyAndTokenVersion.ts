import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A payment remembers the Idempotency-Key it was booked under and a hash of its request, so a retried
 * request finds the first booking and one key books at most once (a unique key settles parallel retries).
 * A user carries a token version that its access tokens name; raising it, or disabling the user, ends
 * every token issued before.
 */
export class PaymentIdempotencyAndTokenVersion1796300000000 implements MigrationInterface {
  name = 'PaymentIdempotencyAndTokenVersion1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "payment" ADD "idempotency_key" text`);
    await queryRunner.query(`ALTER TABLE "payment" ADD "request_hash" text`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_payment_idempotency_key" ON "payment" ("idempotency_key") `);
    await queryRunner.query(
      `ALTER TABLE "payment" ADD CONSTRAINT "ck_payment_idempotency_hash" CHECK ((idempotency_key IS NULL) = (request_hash IS NULL))`,
    );
    await queryRunner.query(`ALTER TABLE "app_user" ADD "token_version" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "disabled_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "disabled_at"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "token_version"`);
    await queryRunner.query(`ALTER TABLE "payment" DROP CONSTRAINT "ck_payment_idempotency_hash"`);
    await queryRunner.query(`DROP INDEX "uq_payment_idempotency_key"`);
    await queryRunner.query(`ALTER TABLE "payment" DROP COLUMN "request_hash"`);
    await queryRunner.query(`ALTER TABLE "payment" DROP COLUMN "idempotency_key"`);
  }
}
