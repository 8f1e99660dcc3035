import type { MigrationInterface, QueryRunner } from 'typeorm';

const PUBLISHED_READS = [
  // users: whom a mail goes to and in which language
  `CREATE VIEW user_contact AS SELECT id AS user_id, email, name, language, tenant_id, created_at FROM app_user`,
  // applications: who speaks for a group
  `CREATE VIEW application_group AS SELECT id AS application_id, group_name, contact_user_id FROM application`,
  // reports: who asked for a report
  `CREATE VIEW report_requester AS SELECT id AS report_id, requested_by FROM report`,
];

/**
 * The outbox of mail (one message per source and recipient, ever) and the links that set a password,
 * of which only the token's sha256 is kept.
 */
export class MailOutbox1798000000001 implements MigrationInterface {
  name = 'MailOutbox1798000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source" text NOT NULL, "source_type" text NOT NULL, "event_id" uuid, "recipient_address" text NOT NULL, "recipient_name" text NOT NULL, "recipient_user_id" uuid, "recipient_tenant_id" uuid, "language" text NOT NULL, "template" text NOT NULL, "params" jsonb NOT NULL, "subject" text NOT NULL, "attachment_ids" uuid array NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'queued', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_message_attempts" CHECK (attempts >= 0), CONSTRAINT "ck_message_language" CHECK (language IN ('nl', 'en')), CONSTRAINT "ck_message_status" CHECK (status IN ('queued', 'sent', 'failed')), CONSTRAINT "PK_ba01f0a3e0123651915008bc578" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_message_recipient_tenant" ON "message"  ("recipient_tenant_id") `);
    await queryRunner.query(`CREATE INDEX "ix_message_recipient_user" ON "message"  ("recipient_user_id") `);
    await queryRunner.query(`CREATE INDEX "ix_message_status" ON "message"  ("status", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_message_source_recipient" ON "message"  ("source", "recipient_address") `);
    await queryRunner.query(`CREATE TABLE "password_reset" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" text NOT NULL, "token_hash" text, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_password_reset_purpose" CHECK (purpose IN ('reset', 'welcome')), CONSTRAINT "PK_8515e60a2cc41584fa4784f52ce" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_password_reset_user" ON "password_reset"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_password_reset_token_hash" ON "password_reset"  ("token_hash") `);
    await queryRunner.query(`ALTER TABLE "message" ADD CONSTRAINT "fk_message_recipient_user" FOREIGN KEY ("recipient_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "password_reset" ADD CONSTRAINT "fk_password_reset_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Published by their owners for mail, which reads them inside an event's transaction (one connection when embedded).
    for (const view of PUBLISHED_READS) await queryRunner.query(view);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const view of ['report_requester', 'application_group', 'user_contact']) await queryRunner.query(`DROP VIEW ${view}`);
    await queryRunner.query(`ALTER TABLE "password_reset" DROP CONSTRAINT "fk_password_reset_user"`);
    await queryRunner.query(`ALTER TABLE "message" DROP CONSTRAINT "fk_message_recipient_user"`);
    await queryRunner.query(`DROP INDEX "public"."uq_password_reset_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."ix_password_reset_user"`);
    await queryRunner.query(`DROP TABLE "password_reset"`);
    await queryRunner.query(`DROP INDEX "public"."uq_message_source_recipient"`);
    await queryRunner.query(`DROP INDEX "public"."ix_message_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_message_recipient_user"`);
    await queryRunner.query(`DROP INDEX "public"."ix_message_recipient_tenant"`);
    await queryRunner.query(`DROP TABLE "message"`);
  }
}
