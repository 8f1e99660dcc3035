import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each module publishes for the others to read (src/database/table-ownership.ts names the
 * owner of each). A published view or function reads only its owner's tables and what others
 * publish, so a module's SQL never names another module's table. The functions are plain
 * `LANGUAGE sql STABLE` selects: the planner inlines them, and set-based reports keep their plans.
 */
const PUBLISHED = [
  // organisations
  `CREATE VIEW organisation_party AS
     SELECT id AS organisation_id, kind, name, address, city, kvk_number, vat_number, iban FROM organisation`,
  // users: who signs in with which e-mail, nothing else
  `CREATE VIEW user_email AS SELECT id AS user_id, email FROM app_user`,
  // buildings: the register as the public knows it (addresses, head lease, owner, umbrella)
  `CREATE VIEW building_register AS
     SELECT id AS building_id, name, address, city, kind, use_start, use_end, owner_id, owner_since, umbrella_id, invoice_prefix
       FROM building`,
  // floors
  `CREATE VIEW floor_level AS SELECT id AS floor_id, building_id, level FROM floor`,
  // spaces
  `CREATE VIEW space_placement AS
     SELECT id AS space_id, building_id, floor_id, code, area_m2, use, public_counter FROM space`,
  // tenants: the party on an invoice or a letter; the monitor's profile carries no name
  `CREATE VIEW tenant_party AS SELECT id AS tenant_id, name, address, email, kvk_number, vat_number FROM tenant`,
  `CREATE VIEW tenant_profile AS SELECT id AS tenant_id, discipline, postcode FROM tenant`,
  // rent-bands: which tenant was assessed for which building (never the income)
  `CREATE VIEW assessed_tenant AS SELECT DISTINCT tenant_id, building_id FROM band_assessment`,
  // leases: the terms, and the one definition of a lease running within days [from_day, to_day]
  `CREATE VIEW lease_terms AS
     SELECT id AS lease_id, tenant_id, space_id, building_id, start_date, end_date, notice_months, area_m2,
            deposit_cents, service_charge_monthly_cents, vat_regime
       FROM lease`,
  `CREATE FUNCTION lease_running_within(from_day date, to_day date) RETURNS SETOF lease_terms
     LANGUAGE sql STABLE AS $$
       SELECT * FROM lease_terms WHERE start_date <= to_day AND (end_date IS NULL OR end_date >= from_day)
     $$`,
  `CREATE FUNCTION lease_running_on(day date) RETURNS SETOF lease_terms
     LANGUAGE sql STABLE AS $$ SELECT * FROM lease_running_within(day, day) $$`,
  `CREATE VIEW lease_rate_revision AS SELECT lease_id, effective_date, band_code, rate_per_m2_year_cents FROM lease_revision`,
  `CREATE FUNCTION lease_rate_on(day date) RETURNS TABLE (lease_id uuid, band_code text, rate_per_m2_year_cents integer)
     LANGUAGE sql STABLE AS $$
       SELECT DISTINCT ON (r.lease_id) r.lease_id, r.band_code, r.rate_per_m2_year_cents
         FROM lease_rate_revision r WHERE r.effective_date <= day
        ORDER BY r.lease_id, r.effective_date DESC
     $$`,
  // leases: occupancy, once. A space is let on a day when a lease of it runs then. The lease side
  // is one hashed set whatever the number of spaces (a probe per space would cost the city monitor
  // a gist lookup for each of its 100,000 spaces); the building in the join conditions lets one
  // building's figures read only its own spaces.
  `CREATE FUNCTION floor_occupancy_on(day date)
     RETURNS TABLE (floor_id uuid, building_id uuid, level integer, lettable_area_m2 numeric, let_area_m2 numeric,
                    spaces integer, spaces_let integer)
     LANGUAGE sql STABLE AS $$
       SELECT f.floor_id, f.building_id, f.level, coalesce(sum(s.area_m2), 0), coalesce(sum(s.area_m2) FILTER (WHERE s.let), 0),
              count(s.space_id)::int, (count(*) FILTER (WHERE s.let))::int
         FROM floor_level f
         LEFT JOIN (SELECT p.space_id, p.building_id, p.floor_id, p.area_m2,
                           p.space_id IN (SELECT r.space_id FROM lease_running_on(day) r) AS let
                      FROM space_placement p) s ON s.floor_id = f.floor_id AND s.building_id = f.building_id
        GROUP BY f.floor_id, f.building_id, f.level
     $$`,
  // applications: the group a floor is allocated to, now and on a day; the waiting list per building
  `CREATE VIEW floor_current_group AS
     SELECT x.floor_id, x.application_id, a.group_name
       FROM floor_allocation x JOIN application a ON a.id = x.application_id
      WHERE x.released_on IS NULL`,
  `CREATE FUNCTION floor_group_on(day date) RETURNS TABLE (floor_id uuid, application_id uuid, group_name text)
     LANGUAGE sql STABLE AS $$
       SELECT DISTINCT ON (x.floor_id) x.floor_id, x.application_id, a.group_name
         FROM floor_allocation x JOIN application a ON a.id = x.application_id
        WHERE x.allocated_on <= day AND (x.released_on IS NULL OR x.released_on > day)
        ORDER BY x.floor_id, x.allocated_on DESC
     $$`,
  `CREATE VIEW waiting_list AS
     SELECT r.building_id, count(*)::int AS members
       FROM application a JOIN application_round r ON r.id = a.round_id JOIN application_member m ON m.application_id = a.id
      WHERE a.status = 'waitlisted'
      GROUP BY r.building_id`,
  // owner-finance
  `CREATE VIEW head_lease_finance AS
     SELECT building_id, head_lease_rent_year_cents, loan_principal_cents, interest_rate_bps FROM building_finance`,
  `CREATE VIEW investment_ledger AS SELECT building_id, party_id, description, amount_cents, date FROM investment`,
  // invoices: what a lease owes on a day from invoices due before it
  `CREATE FUNCTION lease_arrears_on(day date) RETURNS TABLE (lease_id uuid, arrears_cents bigint)
     LANGUAGE sql STABLE AS $$
       SELECT i.lease_id, sum(greatest(i.total_cents - i.paid_cents, 0))::bigint
         FROM invoice i WHERE i.kind = 'invoice' AND i.status = 'open' AND i.due_date < day
        GROUP BY i.lease_id
     $$`,
];

const DROPPED = [
  'FUNCTION lease_arrears_on(date)',
  'VIEW investment_ledger',
  'VIEW head_lease_finance',
  'VIEW waiting_list',
  'FUNCTION floor_group_on(date)',
  'VIEW floor_current_group',
  'FUNCTION floor_occupancy_on(date)',
  'FUNCTION lease_rate_on(date)',
  'VIEW lease_rate_revision',
  'FUNCTION lease_running_on(date)',
  'FUNCTION lease_running_within(date, date)',
  'VIEW lease_terms',
  'VIEW assessed_tenant',
  'VIEW tenant_profile',
  'VIEW tenant_party',
  'VIEW space_placement',
  'VIEW floor_level',
  'VIEW building_register',
  'VIEW user_email',
  'VIEW organisation_party',
];

export class PublishedReads1796226928402 implements MigrationInterface {
  name = 'PublishedReads1796226928402';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of PUBLISHED) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const object of DROPPED) await queryRunner.query(`DROP ${object}`);
  }
}
