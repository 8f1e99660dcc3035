import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Published by the handovers module: the day each floor left the broedplaats, i.e. the transfer date
 * of the first completed handover of its building that did not retain it. Rounds and leases read it
 * to refuse floors that are no longer theirs to let.
 */
export class FloorDeparture1796226930000 implements MigrationInterface {
  name = 'FloorDeparture1796226930000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE VIEW floor_departure AS
      SELECT f.floor_id, f.building_id, min(h.transfer_date) AS left_on
        FROM handover h
        JOIN floor_level f ON f.building_id = h.building_id AND NOT (f.floor_id = ANY (h.retained_floor_ids))
       WHERE h.status = 'completed'
       GROUP BY f.floor_id, f.building_id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW floor_departure`);
  }
}
