// One umbrella's building with `count` tenants, each with a lease and one open March 2012 invoice of
// 10,500 cents, written set-based; with `mandates`, each tenant also signed a direct-debit mandate before
// the invoice was issued, which the invoice pre-notifies (as a collection batch requires).
import { paymentReferenceOf } from '../dist/modules/invoices/payment-reference.js';

export async function seedOpenInvoices(dataSource, { count, prefix, mandates = false }) {
  const [umbrella] = await dataSource.query(
    `INSERT INTO organisation (name, kind, address, kvk_number, vat_number, iban, bic, creditor_identifier)
     VALUES ('Stichting Urban Resort', 'umbrella', 'Wibautstraat 150, 1091 GR Amsterdam', '34263538', 'NL815763436B01',
             'NL91ABNA0417164300', 'ABNANL2A', 'NL05ZZZ342635380000')
     RETURNING id`,
  );
  const [owner] = await dataSource.query(`INSERT INTO organisation (name, kind) VALUES ('Stadgenoot', 'owner') RETURNING id`);
  const [building] = await dataSource.query(
    `INSERT INTO building (name, address, city, owner_id, umbrella_id, kind, use_start, use_end, invoice_prefix)
     VALUES ('Pand', 'Straat 1', 'Amsterdam', $1, $2, 'temporary', '2007-01-01', '2014-01-01', $3) RETURNING id`,
    [owner.id, umbrella.id, prefix],
  );
  const [floor] = await dataSource.query(`INSERT INTO floor (building_id, level) VALUES ($1, 1) RETURNING id`, [building.id]);
  const numbers = Array.from({ length: count }, (_, index) => `${prefix}-2012-${String(index + 1).padStart(6, '0')}`);
  const references = numbers.map((_, index) => paymentReferenceOf(1, 2012, index + 1));
  await dataSource.query(
    `WITH n AS (SELECT i, gen_random_uuid() AS space_id, gen_random_uuid() AS tenant_id, gen_random_uuid() AS lease_id FROM generate_series(1, $3::int) i),
          s AS (INSERT INTO space (id, floor_id, building_id, code, area_m2, use) SELECT space_id, $2::uuid, $1::uuid, 'S' || i, 21, 'studio' FROM n),
          t AS (INSERT INTO tenant (id, name, email) SELECT tenant_id, 'Maker ' || i || ' Łódź', 'm' || tenant_id || '@x.nl' FROM n),
          l AS (INSERT INTO lease (id, tenant_id, space_id, building_id, start_date, end_date, notice_months, band_code, rate_per_m2_year_cents, area_m2, service_charge_monthly_cents)
                SELECT lease_id, tenant_id, space_id, $1::uuid, '2012-01-01', '2013-06-30', 1, 'A', 6000, 21, 0 FROM n),
          m AS (INSERT INTO mandate (tenant_id, creditor_id, reference, iban, account_holder, signed_on, signed_place, method)
                SELECT tenant_id, $6::uuid, 'M-' || lpad(i::text, 6, '0'), 'NL02ABNA0123456789', 'Maker ' || i, '2011-12-15', 'Amsterdam', 'paper'
                  FROM n WHERE $7::boolean RETURNING id, tenant_id)
     INSERT INTO invoice (kind, number, building_id, lease_id, tenant_id, period, issue_date, due_date, issuer, customer,
                          total_ex_vat_cents, vat_cents, total_cents, status, payment_reference, pre_notified_mandate_id)
     SELECT 'invoice', ($4::text[])[i], $1::uuid, lease_id, n.tenant_id, '2012-03', '2012-03-01', '2012-03-15', '{}'::jsonb, '{}'::jsonb,
            10500, 0, 10500, 'open', ($5::text[])[i], m.id
       FROM n LEFT JOIN m ON m.tenant_id = n.tenant_id`,
    [building.id, floor.id, count, numbers, references, umbrella.id, mandates],
  );
  return { buildingId: building.id, numbers, references };
}
