import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The role the app works as once the migrations ran (see `actAsAppRole` in src/database/data-source.ts):
 * it reads and writes rows, and cannot TRUNCATE, ALTER or DROP tables, nor create any. The migrations keep
 * the login role, which owns the schema.
 *
 * Roles belong to the whole cluster, not to one database: the role may exist already (another database of
 * the cluster, a test template) or be created at this very moment by a migration of another database, so
 * its creation is idempotent and a lost race is no error. The grants belong to this database. A login role
 * that may not create roles gets a warning and no app role; the app then works as the owner, as before.
 */
export class AppRoleWithoutTruncate1797200000001 implements MigrationInterface {
  name = 'AppRoleWithoutTruncate1797200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'broedplaats_app') THEN
          BEGIN
            CREATE ROLE broedplaats_app NOLOGIN;
          EXCEPTION
            WHEN duplicate_object OR unique_violation THEN NULL; -- created meanwhile by another database's migration
            WHEN insufficient_privilege THEN
              RAISE WARNING 'cannot create role broedplaats_app: the app will work as %', current_user;
              RETURN;
          END;
        END IF;
        -- A login role that is no superuser must be a member to SET ROLE to it.
        IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AND NOT pg_has_role(current_user, 'broedplaats_app', 'MEMBER') THEN
          EXECUTE format('GRANT broedplaats_app TO %I', current_user);
        END IF;
        GRANT USAGE ON SCHEMA public TO broedplaats_app;
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO broedplaats_app;
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO broedplaats_app;
        -- Tables and sequences that later migrations create (as this same login role).
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO broedplaats_app;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO broedplaats_app;
        -- The migrations' own bookkeeping is read at boot, by the owner; the app has no business writing it.
        REVOKE INSERT, UPDATE, DELETE ON migrations FROM broedplaats_app;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The role stays: other databases of the cluster may use it. This database's grants go.
    await queryRunner.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'broedplaats_app') THEN RETURN; END IF;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM broedplaats_app;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM broedplaats_app;
        REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM broedplaats_app;
        REVOKE ALL ON ALL TABLES IN SCHEMA public FROM broedplaats_app;
        REVOKE USAGE ON SCHEMA public FROM broedplaats_app;
      END $$`);
  }
}
