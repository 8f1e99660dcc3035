import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DomainEventsAndAudit1796226939148 implements MigrationInterface {
  name = 'DomainEventsAndAudit1796226939148';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "domain_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" text NOT NULL, "entity" text NOT NULL, "entity_id" uuid NOT NULL, "payload" jsonb NOT NULL, "actor_user_id" uuid, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dispatched_at" TIMESTAMP WITH TIME ZONE, "dispatch_failed_at" TIMESTAMP WITH TIME ZONE, "dispatch_error" text, CONSTRAINT "PK_f901502d0301da69fb8cebbb8f2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_domain_event_undispatched" ON "domain_event"  ("occurred_at") WHERE dispatched_at IS NULL AND dispatch_failed_at IS NULL`);
    await queryRunner.query(`CREATE TABLE "event_consumption" ("event_id" uuid NOT NULL, "consumer" text NOT NULL, "consumed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_967897cc62a66818b36ef7a9ca8" PRIMARY KEY ("event_id", "consumer"))`);
    await queryRunner.query(`CREATE TABLE "audit_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "user_id" uuid, "action" text NOT NULL, "entity" text NOT NULL, "entity_id" uuid NOT NULL, "changes" jsonb NOT NULL, CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_audit_entry_event" ON "audit_entry"  ("event_id") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_entry_record" ON "audit_entry"  ("entity", "entity_id", "at") `);
    await queryRunner.query(`ALTER TABLE "event_consumption" ADD CONSTRAINT "fk_event_consumption_event" FOREIGN KEY ("event_id") REFERENCES "domain_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "event_consumption" DROP CONSTRAINT "fk_event_consumption_event"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_entry_record"`);
    await queryRunner.query(`DROP INDEX "public"."uq_audit_entry_event"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
    await queryRunner.query(`DROP TABLE "event_consumption"`);
    await queryRunner.query(`DROP INDEX "public"."ix_domain_event_undispatched"`);
    await queryRunner.query(`DROP TABLE "domain_event"`);
  }
}
