import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A handover waits, `scheduled`, until its transfer date and can be `cancelled` until then; one
 * handover of a building at a time is scheduled or in progress. Ownership is dated: the buildings
 * module keeps who owned each building when (`building_ownership`, periods that never overlap) and
 * publishes it as `building_owner_period`, backfilled from the buildings and their completed handovers.
 */
export class ScheduledHandoversAndDatedOwnership1796600000001 implements MigrationInterface {
  name = 'ScheduledHandoversAndDatedOwnership1796600000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "handover" DROP CONSTRAINT "ck_handover_status"`);
    await queryRunner.query(
      `ALTER TABLE "handover" ADD CONSTRAINT "ck_handover_status" CHECK (status IN ('scheduled', 'queued', 'running', 'completed', 'failed', 'cancelled'))`,
    );
    await queryRunner.query(`DROP INDEX "public"."uq_handover_in_progress"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_handover_in_progress" ON "handover"  ("building_id") WHERE status IN ('scheduled', 'queued', 'running')`,
    );
    await queryRunner.query(`ALTER TABLE "handover" ADD "cancelled_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "ix_handover_due" ON "handover"  ("transfer_date") WHERE status = 'scheduled'`);

    await queryRunner.query(
      `CREATE TABLE "building_ownership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "building_id" uuid NOT NULL, "owner_id" uuid NOT NULL, "owned_from" date NOT NULL, "owned_to" date, CONSTRAINT "ck_building_ownership_period" CHECK (owned_to IS NULL OR owned_to > owned_from), CONSTRAINT "ex_building_ownership_period" EXCLUDE USING gist ("building_id" WITH =, daterange("owned_from", "owned_to", '[)') WITH &&), CONSTRAINT "PK_d444057828f8412129bf6b794d3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_building_ownership_owner" ON "building_ownership"  ("owner_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_building_ownership_current" ON "building_ownership"  ("building_id") WHERE owned_to IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "building_ownership" ADD CONSTRAINT "fk_building_ownership_building" FOREIGN KEY ("building_id") REFERENCES "building"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "building_ownership" ADD CONSTRAINT "fk_building_ownership_owner" FOREIGN KEY ("owner_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // The past as the completed handovers tell it: the first seller from the start of use, each buyer from its transfer date.
    await queryRunner.query(
      `INSERT INTO building_ownership (building_id, owner_id, owned_from, owned_to)
       SELECT b.id, coalesce(first_sale.from_owner_id, b.owner_id), b.use_start, first_sale.transfer_date
         FROM building b
         LEFT JOIN LATERAL (SELECT h.from_owner_id, h.transfer_date FROM handover h
                             WHERE h.building_id = b.id AND h.status = 'completed' ORDER BY h.transfer_date, h.completed_at LIMIT 1) first_sale ON TRUE
        WHERE first_sale.transfer_date IS NULL OR first_sale.transfer_date > b.use_start`,
    );
    await queryRunner.query(
      `INSERT INTO building_ownership (building_id, owner_id, owned_from, owned_to)
       SELECT building_id, to_owner_id, transfer_date, owned_to
         FROM (SELECT h.building_id, h.to_owner_id, h.transfer_date,
                      lead(h.transfer_date) OVER (PARTITION BY h.building_id ORDER BY h.transfer_date, h.completed_at) AS owned_to
                 FROM handover h WHERE h.status = 'completed') sales
        WHERE owned_to IS NULL OR owned_to > transfer_date`,
    );
    // A new building is owned by its owner from its start of use, whichever way it is inserted.
    await queryRunner.query(
      `CREATE FUNCTION building_ownership_begins() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO building_ownership (building_id, owner_id, owned_from) VALUES (NEW.id, NEW.owner_id, coalesce(NEW.owner_since, NEW.use_start));
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER building_ownership_begins AFTER INSERT ON building FOR EACH ROW EXECUTE FUNCTION building_ownership_begins()`,
    );
    await queryRunner.query(`CREATE VIEW building_owner_period AS SELECT building_id, owner_id, owned_from, owned_to FROM building_ownership`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW building_owner_period`);
    await queryRunner.query(`DROP TRIGGER building_ownership_begins ON building`);
    await queryRunner.query(`DROP FUNCTION building_ownership_begins()`);
    await queryRunner.query(`DROP TABLE "building_ownership"`);
    await queryRunner.query(`DROP INDEX "public"."ix_handover_due"`);
    await queryRunner.query(`ALTER TABLE "handover" DROP COLUMN "cancelled_at"`);
    await queryRunner.query(`UPDATE handover SET status = 'failed', error = 'cancelled' WHERE status = 'cancelled'`);
    await queryRunner.query(`UPDATE handover SET status = 'queued' WHERE status = 'scheduled'`);
    await queryRunner.query(`DROP INDEX "public"."uq_handover_in_progress"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_handover_in_progress" ON "handover"  ("building_id") WHERE status IN ('queued', 'running')`);
    await queryRunner.query(`ALTER TABLE "handover" DROP CONSTRAINT "ck_handover_status"`);
    await queryRunner.query(
      `ALTER TABLE "handover" ADD CONSTRAINT "ck_handover_status" CHECK (status IN ('queued', 'running', 'completed', 'failed'))`,
    );
  }
}
