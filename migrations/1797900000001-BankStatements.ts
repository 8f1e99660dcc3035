import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imported camt.053 statements and their entries (one per transaction detail), with what each booked.
 * The unique keys make a statement, and a transaction the bank sends again, book once.
 */
export class BankStatements1797900000001 implements MigrationInterface {
  name = 'BankStatements1797900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "bank_statement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account" text NOT NULL, "statement_ref" text NOT NULL, "sequence" text NOT NULL, "camt_version" text NOT NULL, "file_sha256" text NOT NULL, "entry_count" integer NOT NULL, "duplicate_count" integer NOT NULL, "imported_by" uuid, "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_bank_statement_version" CHECK (camt_version IN ('02', '08')), CONSTRAINT "PK_a2f8f739ec54fbcb8600ced0816" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_bank_statement" ON "bank_statement"  ("account", "statement_ref", "sequence") `);
    await queryRunner.query(`CREATE TABLE "bank_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "statement_id" uuid NOT NULL, "position" integer NOT NULL, "account" text NOT NULL, "entry_key" text NOT NULL, "bank_reference" text, "kind" text NOT NULL, "direction" text NOT NULL, "amount_cents" bigint NOT NULL, "currency" text NOT NULL, "booking_date" date NOT NULL, "value_date" date, "transaction_code" text, "end_to_end_id" text, "structured_reference" text, "remittance" text, "counterparty_name" text, "counterparty_iban" text, "return_reason" text, "outcome" text NOT NULL DEFAULT 'unmatched', "refusal" text, "invoice_id" uuid, "tenant_id" uuid, "payment_id" uuid, "returns_entry_id" uuid, "matched_by" uuid, "matched_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_bank_entry_booked" CHECK ((outcome IN ('paid', 'collected', 'returned')) = (invoice_id IS NOT NULL)), CONSTRAINT "ck_bank_entry_amount" CHECK (amount_cents >= 0), CONSTRAINT "ck_bank_entry_direction" CHECK (direction IN ('credit', 'debit')), CONSTRAINT "ck_bank_entry_kind" CHECK (kind IN ('collection', 'return', 'transfer', 'other')), CONSTRAINT "ck_bank_entry_outcome" CHECK (outcome IN ('paid', 'collected', 'returned', 'unmatched', 'ignored')), CONSTRAINT "PK_c6f43ccef4c581ded2a9160bf02" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_bank_entry_tenant_outcome" ON "bank_entry"  ("tenant_id", "outcome") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_bank_entry_returns" ON "bank_entry"  ("returns_entry_id") `);
    await queryRunner.query(`CREATE INDEX "ix_bank_entry_invoice" ON "bank_entry"  ("invoice_id") `);
    await queryRunner.query(`CREATE INDEX "ix_bank_entry_statement" ON "bank_entry"  ("statement_id", "position") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_bank_entry_key" ON "bank_entry"  ("account", "entry_key") `);
    await queryRunner.query(`ALTER TABLE "bank_entry" ADD CONSTRAINT "fk_bank_entry_statement" FOREIGN KEY ("statement_id") REFERENCES "bank_statement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "bank_entry" ADD CONSTRAINT "fk_bank_entry_invoice" FOREIGN KEY ("invoice_id") REFERENCES "invoice"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "bank_entry" ADD CONSTRAINT "fk_bank_entry_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "bank_entry" ADD CONSTRAINT "fk_bank_entry_payment" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "bank_entry" ADD CONSTRAINT "fk_bank_entry_returns" FOREIGN KEY ("returns_entry_id") REFERENCES "bank_entry"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // The default privileges of 1797200000001 cover tables made later by the same role; said outright here
    // in case the migrations run as another one.
    await queryRunner.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'broedplaats_app') THEN
          GRANT SELECT, INSERT, UPDATE ON bank_statement, bank_entry TO broedplaats_app;
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bank_entry" DROP CONSTRAINT "fk_bank_entry_returns"`);
    await queryRunner.query(`ALTER TABLE "bank_entry" DROP CONSTRAINT "fk_bank_entry_payment"`);
    await queryRunner.query(`ALTER TABLE "bank_entry" DROP CONSTRAINT "fk_bank_entry_tenant"`);
    await queryRunner.query(`ALTER TABLE "bank_entry" DROP CONSTRAINT "fk_bank_entry_invoice"`);
    await queryRunner.query(`ALTER TABLE "bank_entry" DROP CONSTRAINT "fk_bank_entry_statement"`);
    await queryRunner.query(`DROP INDEX "public"."uq_bank_entry_key"`);
    await queryRunner.query(`DROP INDEX "public"."ix_bank_entry_statement"`);
    await queryRunner.query(`DROP INDEX "public"."ix_bank_entry_invoice"`);
    await queryRunner.query(`DROP INDEX "public"."uq_bank_entry_returns"`);
    await queryRunner.query(`DROP INDEX "public"."ix_bank_entry_tenant_outcome"`);
    await queryRunner.query(`DROP TABLE "bank_entry"`);
    await queryRunner.query(`DROP INDEX "public"."uq_bank_statement"`);
    await queryRunner.query(`DROP TABLE "bank_statement"`);
  }
}
