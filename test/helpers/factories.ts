import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { randomBytes } from 'node:crypto';
import type { TestApp } from './test-app.js';

/** Valid objects through the API, with overrides; each call makes unique names and codes. */
function unique(): string {
  return randomBytes(3).toString('hex').toUpperCase();
}

async function created<T>(response: { status: number; body: unknown }, what: string): Promise<T> {
  if (response.status !== 201) throw new Error(`creating ${what} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as T;
}

export interface Created {
  id: string;
  [field: string]: unknown;
}

export async function createOrganisation(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Created> {
  const body = { name: `Organisation ${unique()}`, kind: 'owner', city: 'Amsterdam', ...overrides };
  return created(await t.http().post('/api/organisations').set(t.admin).send(body), 'organisation');
}

export async function createBuilding(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Created> {
  const ownerId = overrides.ownerId ?? (await createOrganisation(t, { kind: 'owner' })).id;
  const umbrellaId = overrides.umbrellaId ?? (await createOrganisation(t, { kind: 'umbrella' })).id;
  const body = {
    name: `Building ${unique()}`,
    address: 'Wibautstraat 150',
    city: 'Amsterdam',
    kind: 'temporary',
    useStart: '2007-06-01',
    useEnd: '2013-07-01',
    invoicePrefix: `B${unique()}`,
    ...overrides,
    ownerId,
    umbrellaId,
  };
  return created(await t.http().post('/api/buildings').set(t.admin).send(body), 'building');
}

export async function createFloor(t: TestApp, buildingId: string, overrides: Record<string, unknown> = {}): Promise<Created> {
  const body = { level: Math.floor(Math.random() * 200), ...overrides };
  return created(await t.http().post(`/api/buildings/${buildingId}/floors`).set(t.admin).send(body), 'floor');
}

export async function createSpace(t: TestApp, floorId: string, overrides: Record<string, unknown> = {}): Promise<Created> {
  const body = { code: `S${unique()}`, areaM2: 25, use: 'studio', ...overrides };
  return created(await t.http().post(`/api/floors/${floorId}/spaces`).set(t.admin).send(body), 'space');
}

export async function createUser(
  t: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<Created & { password: string; email: string }> {
  const password = 'a-long-enough-password';
  const body = { email: `user-${unique().toLowerCase()}@test.example`, password, name: 'Test User', role: 'tenant', ...overrides };
  const user = await created<Created & { email: string }>(await t.http().post('/api/users').set(t.admin).send(body), 'user');
  return { ...user, password: (body.password as string) ?? password };
}

export async function createTenant(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Created> {
  const body = { name: `Maker ${unique()}`, email: `maker-${unique().toLowerCase()}@test.example`, discipline: 'design', ...overrides };
  return created(await t.http().post('/api/tenants').set(t.admin).send(body), 'tenant');
}

export async function assessBand(
  t: TestApp,
  tenantId: string,
  buildingId: string,
  incomeCents: number,
  basisYear = 2011,
): Promise<Created> {
  const response = await t
    .http()
    .post(`/api/tenants/${tenantId}/band-assessments`)
    .set(t.admin)
    .send({ buildingId, basisYear, incomeCents });
  return created(response, 'band assessment');
}

/** A building with one floor and one space of the given area. */
export async function createLettableSpace(
  t: TestApp,
  overrides: { building?: Record<string, unknown>; space?: Record<string, unknown> } = {},
) {
  const building = await createBuilding(t, overrides.building);
  const floor = await createFloor(t, building.id, { level: 1 });
  const space = await createSpace(t, floor.id, overrides.space);
  return { building, floor, space };
}

export async function createLease(t: TestApp, overrides: Record<string, unknown>): Promise<Created> {
  const body = { startDate: '2012-01-01', endDate: '2012-12-31', ...overrides };
  return created(await t.http().post('/api/leases').set(t.admin).send(body), 'lease');
}

/** An umbrella with everything Dutch law needs on an invoice. */
export async function createIssuer(t: TestApp): Promise<Created> {
  return createOrganisation(t, {
    kind: 'umbrella',
    name: `Stichting Urban Resort ${unique()}`,
    address: 'Wibautstraat 150, 1091 GR Amsterdam',
    kvkNumber: '34263538',
    vatNumber: 'NL123456782B01',
    iban: 'NL91ABNA0417164300',
  });
}

/** A building with an umbrella fit to issue invoices, written directly, for tests without HTTP. */
export async function seedBuilding(t: { app: INestApplicationContext }): Promise<{ id: string; invoicePrefix: string }> {
  const invoicePrefix = `S${unique()}`;
  const [building] = await t.app.get(DataSource).query<{ id: string }[]>(
    `WITH owner AS (INSERT INTO organisation (name, kind) VALUES ('Owner ' || $1, 'owner') RETURNING id),
          umbrella AS (INSERT INTO organisation (name, kind, address, kvk_number, vat_number, iban)
                       VALUES ('Umbrella ' || $1, 'umbrella', 'Wibautstraat 150, 1091 GR Amsterdam', '34263538', 'NL815763436B01',
                               'NL91ABNA0417164300') RETURNING id)
     INSERT INTO building (name, address, city, owner_id, umbrella_id, kind, use_start, use_end, invoice_prefix)
     SELECT 'Building ' || $1, 'Wibautstraat 150', 'Amsterdam', owner.id, umbrella.id, 'temporary', '2007-06-01', '2013-07-01', $1
       FROM owner, umbrella RETURNING id`,
    [invoicePrefix],
  );
  return { id: building!.id, invoicePrefix };
}

/**
 * `count` leases in one building (one floor, a space, a tenant, a band A assessment each), written
 * set-based for tests that need volume. Space i has 20 + (i mod 10) m²; leases run 2012-01-01 to 2013-06-30.
 */
export async function seedLeases(
  t: { app: INestApplicationContext },
  buildingId: string,
  count: number,
  options: { serviceChargeMonthlyCents?: number } = {},
): Promise<string[]> {
  const dataSource = t.app.get(DataSource);
  const [floor] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO floor (building_id, level) VALUES ($1, coalesce((SELECT max(level) + 1 FROM floor WHERE building_id = $1), 0)) RETURNING id`,
    [buildingId],
  );
  const rows = await dataSource.query<{ id: string }[]>(
    `WITH n AS (SELECT i, gen_random_uuid() AS space_id, gen_random_uuid() AS tenant_id FROM generate_series(1, $3::int) i),
          spaces AS (INSERT INTO space (id, floor_id, building_id, code, area_m2, use)
                     SELECT space_id, $2::uuid, $1::uuid, 'S' || substr($2::uuid::text, 1, 8) || '-' || i, 20 + i % 10, 'studio' FROM n),
          tenants AS (INSERT INTO tenant (id, name, email)
                      SELECT tenant_id, 'Maker ' || i, 'seed-' || tenant_id || '@test.example' FROM n),
          assessments AS (INSERT INTO band_assessment (tenant_id, building_id, band_code, rate_per_m2_year_cents, basis_year, valid_until)
                          SELECT tenant_id, $1, 'A', 6000, 2011, '2012-12-31' FROM n),
          leases AS (INSERT INTO lease (tenant_id, space_id, building_id, start_date, end_date, notice_months, band_code,
                                        rate_per_m2_year_cents, area_m2, service_charge_monthly_cents)
                     SELECT tenant_id, space_id, $1, '2012-01-01', '2013-06-30', 1, 'A', 6000, 20 + i % 10, $4 FROM n
                     RETURNING id, start_date)
     INSERT INTO lease_revision (lease_id, effective_date, band_code, rate_per_m2_year_cents, reason)
     SELECT id, start_date, 'A', 6000, 'signing' FROM leases RETURNING lease_id AS id`,
    [buildingId, floor!.id, count, options.serviceChargeMonthlyCents ?? 0],
  );
  return rows.map((row) => row.id);
}
