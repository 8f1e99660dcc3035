import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An offer is withdrawn when its floor is allocated or released; an application whose floor is released is `released`. */
export class OffersOnTakenFloors1796430000000 implements MigrationInterface {
  name = 'OffersOnTakenFloors1796430000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "application" DROP CONSTRAINT "ck_application_status"`);
    await queryRunner.query(
      `ALTER TABLE "application" ADD CONSTRAINT "ck_application_status" CHECK (status IN ('draft', 'submitted', 'allocated', 'waitlisted', 'rejected', 'withdrawn', 'released'))`,
    );
    await queryRunner.query(`ALTER TABLE "floor_offer" DROP CONSTRAINT "ck_floor_offer_status"`);
    await queryRunner.query(
      `ALTER TABLE "floor_offer" ADD CONSTRAINT "ck_floor_offer_status" CHECK (status IN ('open', 'accepted', 'declined', 'expired', 'withdrawn'))`,
    );
    // Open offers left on floors that are allocated now (before this fix) no longer stand.
    await queryRunner.query(
      `UPDATE floor_offer o SET status = 'withdrawn', answered_at = now()
        WHERE o.status = 'open' AND EXISTS (SELECT 1 FROM floor_allocation x WHERE x.floor_id = o.floor_id AND x.released_on IS NULL)`,
    );
    // Groups whose every allocation was released.
    await queryRunner.query(
      `UPDATE application a SET status = 'released'
        WHERE a.status = 'allocated' AND EXISTS (SELECT 1 FROM floor_allocation x WHERE x.application_id = a.id)
          AND NOT EXISTS (SELECT 1 FROM floor_allocation x WHERE x.application_id = a.id AND x.released_on IS NULL)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE floor_offer SET status = 'expired' WHERE status = 'withdrawn'`);
    await queryRunner.query(`UPDATE application SET status = 'allocated' WHERE status = 'released'`);
    await queryRunner.query(`ALTER TABLE "floor_offer" DROP CONSTRAINT "ck_floor_offer_status"`);
    await queryRunner.query(
      `ALTER TABLE "floor_offer" ADD CONSTRAINT "ck_floor_offer_status" CHECK (status IN ('open', 'accepted', 'declined', 'expired'))`,
    );
    await queryRunner.query(`ALTER TABLE "application" DROP CONSTRAINT "ck_application_status"`);
    await queryRunner.query(
      `ALTER TABLE "application" ADD CONSTRAINT "ck_application_status" CHECK (status IN ('draft', 'submitted', 'allocated', 'waitlisted', 'rejected', 'withdrawn'))`,
    );
  }
}
