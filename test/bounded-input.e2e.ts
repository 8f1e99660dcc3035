import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ConflictError, RuleError } from '../src/common/errors/domain-error.js';
import { ExecuteHandoverService } from '../src/modules/handovers/execute-handover.service.js';
import { HANDOVERS_ERRORS } from '../src/modules/handovers/handovers.errors.js';
import { InvoiceRunsService } from '../src/modules/invoices/invoice-runs.service.js';
import { INVOICES_ERRORS } from '../src/modules/invoices/invoices.errors.js';
import { ReportsRepository } from '../src/modules/reports/reports.repository.js';
import { ReportsService } from '../src/modules/reports/reports.service.js';
import { REPORTS_ERRORS } from '../src/modules/reports/reports.errors.js';
import { createBuilding, createOrganisation, type Created, seedLeases } from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/** Numbers and dates the database would refuse, or would act on for centuries, are refused at the edge. */
describe('bounded input', () => {
  let t: TestApp;
  let building: Created;

  beforeAll(async () => {
    t = await startTestApp();
    building = await createBuilding(t);
  });
  afterAll(() => t.close());

  const fieldsOf = (body: { details?: { field?: string }[] }) => (body.details ?? []).map((detail) => detail.field);

  it('answers an offset beyond any list with 400 on the offset, not 500', async () => {
    for (const offset of ['1e20', '9007199254740993', '1000000001']) {
      const response = await t.http().get(`/api/buildings?offset=${offset}`).set(t.admin);
      expect([response.status, fieldsOf(response.body)]).toEqual([400, ['offset']]);
    }
    expect((await t.http().get('/api/buildings?offset=1000000000').set(t.admin)).status).toBe(200);
  });

  it('answers a date outside 1900–2199 with 400 on the date', async () => {
    for (const date of ['0000-01-01', '1899-12-31', '2200-01-01', '9999-12-31']) {
      const response = await t.http().get(`/api/buildings/${building.id}/rent-bands?date=${date}`).set(t.admin);
      expect([response.status, fieldsOf(response.body)]).toEqual([400, ['date']]);
    }
    const payment = await t
      .http()
      .post(`/api/invoices/${randomUUID()}/payments`)
      .set(t.admin)
      .send({ amountCents: 100, paidOn: '9999-12-31' });
    expect([payment.status, fieldsOf(payment.body)]).toEqual([400, ['paidOn']]);
  });

  it('answers a period outside 1900–2199 with 400 on the period: no run bills centuries ahead', async () => {
    const run = await t.http().post(`/api/buildings/${building.id}/invoice-runs`).set(t.admin).send({ period: '9999-12' });
    expect([run.status, fieldsOf(run.body)]).toEqual([400, ['period']]);
    const list = await t.http().get('/api/invoices?period=0000-01').set(t.admin);
    expect([list.status, fieldsOf(list.body)]).toEqual([400, ['period']]);
    for (const period of ['9999', '0000-12']) {
      const report = await t
        .http()
        .post('/api/reports')
        .set(t.admin)
        .send({ kind: 'owner-occupancy', buildingId: building.id, period, format: 'json' });
      expect([report.status, fieldsOf(report.body)]).toEqual([400, ['period']]);
    }
  });

  it('shows a failed report with a message of ours, never the database’s text', async () => {
    const queued = () =>
      t.app
        .get(ReportsRepository)
        .insert({ kind: 'owner-occupancy', buildingId: building.id, city: null, period: '2012', format: 'json', requestedBy: null });
    const crashed = await queued();
    await t.app.get(ReportsService).markFailed(crashed.id, new Error('date/time field value out of range: "0000-12-31"'));
    const shown = (await t.http().get(`/api/reports/${crashed.id}`).set(t.admin)).body;
    expect(shown).toMatchObject({ status: 'failed', error: new RuleError(REPORTS_ERRORS.report_failed).message });
    expect(shown.error).not.toContain('out of range');

    const refused = await queued();
    await t.app.get(ReportsService).markFailed(refused.id, new ConflictError(REPORTS_ERRORS.report_not_ready, { status: 'queued' }));
    expect((await t.http().get(`/api/reports/${refused.id}`).set(t.admin)).body.error).toBe('The report is queued');
  });

  it('shows a failed invoice run or handover with a message of ours too, never the database’s text', async () => {
    const db = t.app.get(DataSource);
    const databaseText = new Error('duplicate key value violates unique constraint "uq_invoice_number"');
    const [leaseId] = await seedLeases(t, building.id, 1);
    const [run] = await db.query(`INSERT INTO invoice_run (building_id, period) VALUES ($1, '2012-03') RETURNING id`, [building.id]);
    await db.query(`INSERT INTO invoice_run_item (run_id, lease_id, chunk) VALUES ($1, $2, 0)`, [run.id, leaseId]);
    await t.app.get(InvoiceRunsService).markFailed(run.id, databaseText);
    const shownRun = (await t.http().get(`/api/invoice-runs/${run.id}`).set(t.admin)).body;
    expect(shownRun).toMatchObject({ status: 'failed', error: new RuleError(INVOICES_ERRORS.invoice_run_failed).message });

    const buyer = await createOrganisation(t, { kind: 'owner' });
    const [handover] = await db.query(
      `INSERT INTO handover (building_id, from_owner_id, to_owner_id, transfer_date, retained_floor_ids, plan)
       VALUES ($1, $2, $3, '2012-03-01', '{}', '{"leasesTransferred":[],"leasesEnded":[]}') RETURNING id`,
      [building.id, building.ownerId, buyer.id],
    );
    await t.app.get(ExecuteHandoverService).markFailed(handover.id, databaseText);
    const shownHandover = (await t.http().get(`/api/handovers/${handover.id}`).set(t.admin)).body;
    expect(shownHandover).toMatchObject({ status: 'failed', error: new RuleError(HANDOVERS_ERRORS.handover_failed).message });
    expect(JSON.stringify([shownRun, shownHandover])).not.toContain('unique constraint');
  });
});
