import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Published by the handovers module: the day each floor left the broedplaats, i.e. the transfer date
 * of the first completed handover of its building that did not retain it. Rounds and leases read it
 * to refuse floors that are no longer theirs to let.
 */
export class FloorDeparture1795922100000 implements MigrationInterface {
  name = 'FloorDeparture1795922100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE VIEW floor_departure AS
      SELECT f.id AS floor_id, f.building_id, min(h.transfer_date) AS left_on
        FROM handover h
        JOIN floor f ON f.building_id = h.building_id AND NOT (f.id = ANY (h.retained_floor_ids))
       WHERE h.status = 'completed'
       GROUP BY f.id, f.building_id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW floor_departure`);
  }
}
