import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Published by the applications module: the makers of every group allocated a floor (now or
 * before), with the floor's building, so the tenants list can name a building's group members
 * without reading the applications tables.
 */
export class AllocatedTenants1796900000001 implements MigrationInterface {
  name = 'AllocatedTenants1796900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE VIEW allocated_tenant AS
      SELECT t.tenant_id, f.building_id, x.floor_id, x.allocated_on, x.released_on
        FROM allocation_tenant t
        JOIN floor_allocation x ON x.id = t.allocation_id
        JOIN floor_level f ON f.floor_id = x.floor_id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW allocated_tenant`);
  }
}
