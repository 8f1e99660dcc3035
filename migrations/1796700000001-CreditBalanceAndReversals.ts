import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Money that can be corrected. A payment row is now a `payment` (money received), a `credit` (the
 * tenant's credit balance used on the invoice) or a `reversal` (the negated amount of one earlier
 * row of the same invoice, once, with its reason and who made it); rows still never change. Paying
 * beyond an invoice's total goes to the tenant's credit balance (`tenant_credit`, never below 0) through
 * an immutable ledger (`credit_entry`), kept apart from credit notes.
 */
export class CreditBalanceAndReversals1796700000001 implements MigrationInterface {
  name = 'CreditBalanceAndReversals1796700000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "payment" DROP CONSTRAINT "ck_payment_amount_positive"`);
    await queryRunner.query(`CREATE TABLE "tenant_credit" ("tenant_id" uuid NOT NULL, "balance_cents" bigint NOT NULL DEFAULT '0', CONSTRAINT "ck_tenant_credit_not_negative" CHECK (balance_cents >= 0), CONSTRAINT "PK_a2e7e6c92e316b52f28ce05559f" PRIMARY KEY ("tenant_id"))`);
    await queryRunner.query(`CREATE TABLE "credit_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "kind" text NOT NULL, "amount_cents" bigint NOT NULL, "balance_after_cents" bigint NOT NULL, "payment_id" uuid, "invoice_id" uuid, "occurred_on" date NOT NULL, "reference" text, "recorded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_credit_entry_amount" CHECK (CASE kind WHEN 'overpayment' THEN amount_cents > 0 WHEN 'reversal' THEN amount_cents <> 0 ELSE amount_cents < 0 END AND balance_after_cents >= 0), CONSTRAINT "ck_credit_entry_kind" CHECK (kind IN ('overpayment', 'applied', 'refund', 'reversal') AND (kind = 'refund') = (payment_id IS NULL)), CONSTRAINT "PK_05b1d62338497046115e3893f9f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_credit_entry_tenant" ON "credit_entry"  ("tenant_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "payment" ADD "kind" text NOT NULL DEFAULT 'payment'`);
    await queryRunner.query(`ALTER TABLE "payment" ADD "reverses_payment_id" uuid`);
    await queryRunner.query(`ALTER TABLE "payment" ADD "reason" text`);
    await queryRunner.query(`ALTER TABLE "payment" ADD "recorded_by" uuid`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_payment_reverses" ON "payment"  ("reverses_payment_id") `);
    await queryRunner.query(`ALTER TABLE "payment" ADD CONSTRAINT "ck_payment_kind" CHECK (kind IN ('payment', 'credit', 'reversal') AND (kind = 'reversal') = (reverses_payment_id IS NOT NULL) AND (kind = 'reversal') = (reason IS NOT NULL))`);
    await queryRunner.query(`ALTER TABLE "payment" ADD CONSTRAINT "ck_payment_amount_sign" CHECK (CASE WHEN kind = 'reversal' THEN amount_cents < 0 ELSE amount_cents > 0 END)`);
    await queryRunner.query(`ALTER TABLE "payment" ADD CONSTRAINT "fk_payment_reverses" FOREIGN KEY ("reverses_payment_id") REFERENCES "payment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tenant_credit" ADD CONSTRAINT "fk_tenant_credit_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "credit_entry" ADD CONSTRAINT "fk_credit_entry_tenant_credit" FOREIGN KEY ("tenant_id") REFERENCES "tenant_credit"("tenant_id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "credit_entry" ADD CONSTRAINT "fk_credit_entry_payment" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "credit_entry" ADD CONSTRAINT "fk_credit_entry_invoice" FOREIGN KEY ("invoice_id") REFERENCES "invoice"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // What was paid beyond an invoice's total before now becomes credit, booked on the invoice's last payment.
    await queryRunner.query(`
      INSERT INTO tenant_credit (tenant_id, balance_cents)
      SELECT tenant_id, sum(paid_cents - total_cents) FROM invoice
       WHERE kind = 'invoice' AND paid_cents > total_cents GROUP BY tenant_id`);
    await queryRunner.query(`
      INSERT INTO credit_entry (tenant_id, kind, amount_cents, balance_after_cents, payment_id, invoice_id, occurred_on, reference)
      SELECT i.tenant_id, 'overpayment', i.paid_cents - i.total_cents,
             sum(i.paid_cents - i.total_cents) OVER (PARTITION BY i.tenant_id ORDER BY i.number),
             last.id, i.id, last.paid_on, 'paid beyond the total before credit balances were kept'
        FROM invoice i
        CROSS JOIN LATERAL (SELECT p.id, p.paid_on FROM payment p WHERE p.invoice_id = i.id ORDER BY p.created_at DESC, p.id DESC LIMIT 1) last
       WHERE i.kind = 'invoice' AND i.paid_cents > i.total_cents`);
    // A reversal undoes exactly one earlier booking of its own invoice, and a reversal is not itself reversed.
    await queryRunner.query(`
      CREATE FUNCTION payment_reversal_matches() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.kind = 'reversal' AND NOT EXISTS (
             SELECT 1 FROM payment p
              WHERE p.id = NEW.reverses_payment_id AND p.invoice_id = NEW.invoice_id
                AND p.kind <> 'reversal' AND p.amount_cents = -NEW.amount_cents) THEN
          RAISE EXCEPTION 'a reversal negates one booking of its own invoice' USING ERRCODE = 'check_violation',
            CONSTRAINT = 'ck_payment_reversal_matches';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER payment_reversal_matches BEFORE INSERT ON payment FOR EACH ROW EXECUTE FUNCTION payment_reversal_matches()`,
    );
    await queryRunner.query(`CREATE TRIGGER credit_entry_immutable BEFORE UPDATE OR DELETE ON credit_entry FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    for (const table of ['credit_entry', 'tenant_credit']) {
      await queryRunner.query(`CREATE TRIGGER ${table}_not_truncated BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['credit_entry', 'tenant_credit']) await queryRunner.query(`DROP TRIGGER ${table}_not_truncated ON ${table}`);
    await queryRunner.query(`DROP TRIGGER credit_entry_immutable ON credit_entry`);
    await queryRunner.query(`DROP TRIGGER payment_reversal_matches ON payment`);
    await queryRunner.query(`DROP FUNCTION payment_reversal_matches()`);
    await queryRunner.query(`ALTER TABLE "credit_entry" DROP CONSTRAINT "fk_credit_entry_invoice"`);
    await queryRunner.query(`ALTER TABLE "credit_entry" DROP CONSTRAINT "fk_credit_entry_payment"`);
    await queryRunner.query(`ALTER TABLE "credit_entry" DROP CONSTRAINT "fk_credit_entry_tenant_credit"`);
    await queryRunner.query(`ALTER TABLE "tenant_credit" DROP CONSTRAINT "fk_tenant_credit_tenant"`);
    await queryRunner.query(`ALTER TABLE "payment" DROP CONSTRAINT "fk_payment_reverses"`);
    await queryRunner.query(`ALTER TABLE "payment" DROP CONSTRAINT "ck_payment_amount_sign"`);
    await queryRunner.query(`ALTER TABLE "payment" DROP CONSTRAINT "ck_payment_kind"`);
    await queryRunner.query(`DROP INDEX "public"."uq_payment_reverses"`);
    await queryRunner.query(`ALTER TABLE "payment" DROP COLUMN "recorded_by"`);
    await queryRunner.query(`ALTER TABLE "payment" DROP COLUMN "reason"`);
    await queryRunner.query(`ALTER TABLE "payment" DROP COLUMN "reverses_payment_id"`);
    await queryRunner.query(`ALTER TABLE "payment" DROP COLUMN "kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_credit_entry_tenant"`);
    await queryRunner.query(`DROP TABLE "credit_entry"`);
    await queryRunner.query(`DROP TABLE "tenant_credit"`);
    await queryRunner.query(`ALTER TABLE "payment" ADD CONSTRAINT "ck_payment_amount_positive" CHECK ((amount_cents > 0))`);
  }
}
