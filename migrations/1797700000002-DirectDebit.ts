import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Direct debit: mandates (with their amendments and a counter per creditor for generated references)
 * and collections, the pain.008 batches, with their items. An invoice is in at most one batch that
 * did not come back (a partial unique key). A batch gathers open invoices from what the invoices
 * module publishes (`invoice_balance`, created with the dunning tables); this module publishes each
 * tenant's active mandates (`active_mandate_of_tenant`), which the invoice reads for its pre-notification.
 */
export class DirectDebit1797700000002 implements MigrationInterface {
  name = 'DirectDebit1797700000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "mandate" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "lease_id" uuid, "creditor_id" uuid NOT NULL, "reference" text NOT NULL, "iban" text NOT NULL, "bic" text, "account_holder" text NOT NULL, "signed_on" date NOT NULL, "signed_place" text NOT NULL, "method" text NOT NULL, "scheme" text NOT NULL DEFAULT 'CORE', "status" text NOT NULL DEFAULT 'active', "revoked_on" date, "revoked_reason" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_mandate_status" CHECK (status IN ('active', 'revoked') AND (status = 'revoked') = (revoked_on IS NOT NULL)), CONSTRAINT "ck_mandate_scheme" CHECK (scheme = 'CORE'), CONSTRAINT "ck_mandate_method" CHECK (method IN ('paper', 'online')), CONSTRAINT "ck_mandate_reference" CHECK (reference ~ '^[A-Za-z0-9/?:().,''+-]{1,35}$' AND reference NOT LIKE '/%' AND reference NOT LIKE '%/' AND reference NOT LIKE '%//%'), CONSTRAINT "PK_f11237628fce1a841910382b6de" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_mandate_active_of_tenant" ON "mandate"  ("tenant_id", "creditor_id") WHERE status = 'active' AND lease_id IS NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_mandate_active_of_lease" ON "mandate"  ("tenant_id", "creditor_id", "lease_id") WHERE status = 'active' AND lease_id IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_mandate_creditor_reference" ON "mandate"  ("creditor_id", "reference") `);
    await queryRunner.query(`CREATE TABLE "mandate_amendment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mandate_id" uuid NOT NULL, "amended_on" date NOT NULL, "reason" text NOT NULL, "iban_before" text NOT NULL, "iban_after" text, "creditor_id_before" uuid NOT NULL, "creditor_identifier_before" text, "creditor_id_after" uuid, "reference_before" text NOT NULL, "reference_after" text, "reported_in_collection_id" uuid, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_mandate_amendment_changes" CHECK (iban_after IS NOT NULL OR creditor_id_after IS NOT NULL OR reference_after IS NOT NULL), CONSTRAINT "PK_2f51e8dfa9df256e82582bad306" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_mandate_amendment_mandate" ON "mandate_amendment"  ("mandate_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "mandate_counter" ("creditor_id" uuid NOT NULL, "last_number" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_0e33fc7712af305729466c8bc35" PRIMARY KEY ("creditor_id"))`);
    await queryRunner.query(`CREATE TABLE "collection" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "building_id" uuid NOT NULL, "creditor_id" uuid NOT NULL, "collection_date" date NOT NULL, "message_id" text NOT NULL, "pain_version" text NOT NULL, "item_count" integer NOT NULL, "total_cents" bigint NOT NULL, "document_id" uuid NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_collection_totals" CHECK (item_count > 0 AND total_cents > 0), CONSTRAINT "ck_collection_pain_version" CHECK (pain_version IN ('08', '02')), CONSTRAINT "PK_ad3f485bbc99d875491f44d7c85" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_collection_message_id" ON "collection"  ("message_id") `);
    await queryRunner.query(`CREATE INDEX "ix_collection_building" ON "collection"  ("building_id", "collection_date") `);
    await queryRunner.query(`CREATE TABLE "collection_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "collection_id" uuid NOT NULL, "invoice_id" uuid NOT NULL, "mandate_id" uuid NOT NULL, "end_to_end_id" text NOT NULL, "amount_cents" bigint NOT NULL, "sequence_type" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "return_reason" text, "settled_on" date, CONSTRAINT "ck_collection_item_status" CHECK (status IN ('pending', 'collected', 'returned') AND (status = 'returned') = (return_reason IS NOT NULL) AND (status = 'pending') = (settled_on IS NULL)), CONSTRAINT "ck_collection_item_sequence" CHECK (sequence_type IN ('FRST', 'RCUR')), CONSTRAINT "ck_collection_item_amount" CHECK (amount_cents > 0), CONSTRAINT "PK_5dd39c099cfd4b7756343bbb4a2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_collection_item_mandate" ON "collection_item"  ("mandate_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_collection_item_invoice" ON "collection_item"  ("invoice_id") WHERE status <> 'returned'`);
    await queryRunner.query(`CREATE INDEX "ix_collection_item_collection" ON "collection_item"  ("collection_id") `);
    await queryRunner.query(`ALTER TABLE "mandate" ADD CONSTRAINT "fk_mandate_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mandate" ADD CONSTRAINT "fk_mandate_lease" FOREIGN KEY ("lease_id") REFERENCES "lease"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mandate" ADD CONSTRAINT "fk_mandate_creditor" FOREIGN KEY ("creditor_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mandate_amendment" ADD CONSTRAINT "fk_mandate_amendment_mandate" FOREIGN KEY ("mandate_id") REFERENCES "mandate"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mandate_amendment" ADD CONSTRAINT "fk_mandate_amendment_creditor" FOREIGN KEY ("creditor_id_after") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mandate_counter" ADD CONSTRAINT "fk_mandate_counter_creditor" FOREIGN KEY ("creditor_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "collection" ADD CONSTRAINT "fk_collection_building" FOREIGN KEY ("building_id") REFERENCES "building"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "collection" ADD CONSTRAINT "fk_collection_creditor" FOREIGN KEY ("creditor_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "collection" ADD CONSTRAINT "fk_collection_document" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "collection_item" ADD CONSTRAINT "fk_collection_item_collection" FOREIGN KEY ("collection_id") REFERENCES "collection"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "collection_item" ADD CONSTRAINT "fk_collection_item_invoice" FOREIGN KEY ("invoice_id") REFERENCES "invoice"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "collection_item" ADD CONSTRAINT "fk_collection_item_mandate" FOREIGN KEY ("mandate_id") REFERENCES "mandate"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // direct-debit: the mandates that may be collected on, with the creditor identifier they are under
    await queryRunner.query(`
      CREATE VIEW active_mandate_of_tenant AS
        SELECT m.id AS mandate_id, m.tenant_id, m.lease_id, m.creditor_id, m.reference, m.iban, m.signed_on, o.creditor_identifier
          FROM mandate m JOIN organisation_party o ON o.organisation_id = m.creditor_id
         WHERE m.status = 'active'`);
    for (const table of ['mandate', 'mandate_amendment', 'mandate_counter', 'collection', 'collection_item']) {
      await queryRunner.query(`CREATE TRIGGER ${table}_not_truncated BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
    }
    await queryRunner.query(`CREATE TRIGGER mandate_amendment_immutable BEFORE DELETE ON mandate_amendment FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await queryRunner.query(`CREATE TRIGGER collection_immutable BEFORE UPDATE OR DELETE ON collection FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW active_mandate_of_tenant`);
    await queryRunner.query(`ALTER TABLE "collection_item" DROP CONSTRAINT "fk_collection_item_mandate"`);
    await queryRunner.query(`ALTER TABLE "collection_item" DROP CONSTRAINT "fk_collection_item_invoice"`);
    await queryRunner.query(`ALTER TABLE "collection_item" DROP CONSTRAINT "fk_collection_item_collection"`);
    await queryRunner.query(`ALTER TABLE "collection" DROP CONSTRAINT "fk_collection_document"`);
    await queryRunner.query(`ALTER TABLE "collection" DROP CONSTRAINT "fk_collection_creditor"`);
    await queryRunner.query(`ALTER TABLE "collection" DROP CONSTRAINT "fk_collection_building"`);
    await queryRunner.query(`ALTER TABLE "mandate_counter" DROP CONSTRAINT "fk_mandate_counter_creditor"`);
    await queryRunner.query(`ALTER TABLE "mandate_amendment" DROP CONSTRAINT "fk_mandate_amendment_creditor"`);
    await queryRunner.query(`ALTER TABLE "mandate_amendment" DROP CONSTRAINT "fk_mandate_amendment_mandate"`);
    await queryRunner.query(`ALTER TABLE "mandate" DROP CONSTRAINT "fk_mandate_creditor"`);
    await queryRunner.query(`ALTER TABLE "mandate" DROP CONSTRAINT "fk_mandate_lease"`);
    await queryRunner.query(`ALTER TABLE "mandate" DROP CONSTRAINT "fk_mandate_tenant"`);
    await queryRunner.query(`DROP INDEX "public"."ix_collection_item_collection"`);
    await queryRunner.query(`DROP INDEX "public"."uq_collection_item_invoice"`);
    await queryRunner.query(`DROP INDEX "public"."ix_collection_item_mandate"`);
    await queryRunner.query(`DROP TABLE "collection_item"`);
    await queryRunner.query(`DROP INDEX "public"."ix_collection_building"`);
    await queryRunner.query(`DROP INDEX "public"."uq_collection_message_id"`);
    await queryRunner.query(`DROP TABLE "collection"`);
    await queryRunner.query(`DROP TABLE "mandate_counter"`);
    await queryRunner.query(`DROP INDEX "public"."ix_mandate_amendment_mandate"`);
    await queryRunner.query(`DROP TABLE "mandate_amendment"`);
    await queryRunner.query(`DROP INDEX "public"."uq_mandate_creditor_reference"`);
    await queryRunner.query(`DROP INDEX "public"."uq_mandate_active_of_lease"`);
    await queryRunner.query(`DROP INDEX "public"."uq_mandate_active_of_tenant"`);
    await queryRunner.query(`DROP TABLE "mandate"`);
  }
}
