import { DataSource } from 'typeorm';
import { FixedClock } from '../src/common/clock/clock.js';
import { JobHandlerRegistry } from '../src/jobs/job-handler.registry.js';
import { JobQueue } from '../src/jobs/job-queue.js';
import { DunningDailyScheduler, SendDueRemindersHandler } from '../src/modules/dunning/dunning-daily.handler.js';
import { DunningService } from '../src/modules/dunning/dunning.service.js';
import { euros, groupedReference } from '../src/pdf/dutch-format.js';
import { auditTrail } from './helpers/audit.js';
import { binary } from './helpers/binary.js';
import { eventually } from './helpers/eventually.js';
import {
  assessBand,
  createBuilding,
  createFloor,
  createIssuer,
  createLease,
  createOrganisation,
  createSpace,
  createTenant,
  createUser,
} from './helpers/factories.js';
import { pdfText } from './helpers/pdf-text.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

interface InvoiceBody {
  id: string;
  number: string;
  tenantId: string;
  totalCents: number;
  dueDate: string;
  paymentReference: string;
}

/**
 * Reminders: the daily job sends each overdue invoice its next step (14, 28 and 42 days past due) as a
 * stored letter; a payment or an active payment arrangement stops the steps; a missed instalment
 * breaks the arrangement and the steps resume.
 */
describe('reminders and payment arrangements', () => {
  const clock = FixedClock.on('2012-03-01');
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { clock });
  });
  afterAll(() => t.close());
  afterEach(() => clock.setDay('2012-03-01'));

  /** A building whose March invoices (issued 1 March, due 15 March) go to `names.length` tenants. */
  async function invoicedBuilding(...names: string[]) {
    return invoicedBuildingWith(names, async () => {});
  }

  /** The same, with `beforeRun` (e.g. signing a mandate the invoice then announces) done before the run. */
  async function invoicedBuildingWith(
    names: string[],
    beforeRun: (building: Awaited<ReturnType<typeof createBuilding>>, tenants: Awaited<ReturnType<typeof createTenant>>[]) => Promise<void>,
  ) {
    const building = await createBuilding(t, { umbrellaId: (await createIssuer(t)).id });
    const floor = await createFloor(t, building.id, { level: 1 });
    const tenants = [];
    for (const name of names) {
      const tenant = await createTenant(t, { name });
      await assessBand(t, tenant.id, building.id, 2_000_000);
      const space = await createSpace(t, floor.id, { areaM2: 25 });
      await createLease(t, { tenantId: tenant.id, spaceId: space.id, startDate: '2012-01-01', endDate: '2012-12-31' });
      tenants.push(tenant);
    }
    await beforeRun(building, tenants);
    const run = await t.http().post(`/api/buildings/${building.id}/invoice-runs`).set(t.admin).send({ period: '2012-03' });
    expect([200, 202]).toContain(run.status);
    await eventually(
      async () => expect((await t.http().get(`/api/invoice-runs/${run.body.id}`).set(t.admin)).body.status).toBe('completed'),
      30_000,
    );
    const invoices = (await t.http().get('/api/invoices').query({ buildingId: building.id, limit: 100 }).set(t.admin)).body
      .items as InvoiceBody[];
    const invoiceOf = (tenantId: string) => invoices.find((invoice) => invoice.tenantId === tenantId)!;
    return { building, tenants, invoiceOf };
  }

  const reminders = async (invoiceId: string, headers = t.admin) =>
    (await t.http().get(`/api/invoices/${invoiceId}/reminders`).set(headers)).body as {
      step: number;
      name: string;
      sentOn: string;
      openCents: number;
      pdf: string;
    }[];
  const letter = async (invoiceId: string, step: number, headers = t.admin) => {
    const response = await t.http().get(`/api/invoices/${invoiceId}/reminders/${step}/pdf`).set(headers).buffer(true).parse(binary);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    return pdfText(response.body as Buffer);
  };
  /** The daily run for a day, called as the job handler calls it; the number of letters sent. */
  const runDay = (day: string) => {
    clock.setDay(day);
    return t.app.get(DunningService).sendDue(day);
  };
  const pay = (invoiceId: string, amountCents: number, paidOn: string) =>
    t.http().post(`/api/invoices/${invoiceId}/payments`).set(t.admin).send({ amountCents, paidOn });
  const agree = (tenantId: string, body: Record<string, unknown>, headers = t.admin) =>
    t.http().post(`/api/tenants/${tenantId}/payment-arrangements`).set(headers).send(body);
  const stepsSent = async (invoiceId: string) =>
    Number(
      (
        await t.app
          .get(DataSource)
          .query(`SELECT count(*) AS n FROM domain_event WHERE entity_id = $1 AND type = 'dunning.step_sent'`, [invoiceId])
      )[0].n,
    );

  it('sends the first reminder, the second and the final notice at 14, 28 and 42 days past due, through the daily job', async () => {
    const { tenants, invoiceOf } = await invoicedBuilding('Łucja Ørsted');
    const invoice = invoiceOf(tenants[0]!.id);
    expect(invoice.dueDate).toBe('2012-03-15');
    const scheduler = t.app.get(DunningDailyScheduler);

    // 13 days past due: nothing yet.
    expect(await runDay('2012-03-28')).toBe(0);
    expect(await reminders(invoice.id)).toEqual([]);

    clock.setDay('2012-03-29');
    await scheduler.tick();
    await eventually(async () => expect((await reminders(invoice.id)).map((sent) => sent.step)).toEqual([1]));
    expect((await reminders(invoice.id))[0]).toMatchObject({ name: 'first_reminder', sentOn: '2012-03-29', openCents: invoice.totalCents });
    const first = await letter(invoice.id, 1);
    for (const text of [
      'Betalingsherinnering',
      invoice.number,
      euros(invoice.totalCents),
      '15-03-2012',
      groupedReference(invoice.paymentReference),
      'NL91 ABNA 0417 1643 00',
      'Łucja Ørsted',
    ])
      expect(first).toContain(text);

    // The second reminder waits for day 28, the final notice for day 42.
    expect(await runDay('2012-04-11')).toBe(0);
    clock.setDay('2012-04-12');
    await scheduler.tick();
    await eventually(async () => expect((await reminders(invoice.id)).map((sent) => sent.step)).toEqual([1, 2]));
    expect(await letter(invoice.id, 2)).toContain('Tweede betalingsherinnering');
    expect(await runDay('2012-04-25')).toBe(0);
    clock.setDay('2012-04-26');
    await scheduler.tick();
    await eventually(async () =>
      expect((await reminders(invoice.id)).map((sent) => sent.name)).toEqual(['first_reminder', 'second_reminder', 'final_notice']),
    );
    const final = await letter(invoice.id, 3);
    expect(final).toContain('Aanmaning');
    expect(final).toContain(euros(invoice.totalCents));
    // After the final notice the steps end.
    expect(await runDay('2012-06-01')).toBe(0);
    expect((await t.http().get(`/api/invoices/${invoice.id}/reminders/4/pdf`).set(t.admin)).status).toBe(404);

    const trail = (await auditTrail(t, 'invoice', invoice.id, 4)).filter((entry) => entry.action === 'dunning.step_sent');
    expect(trail.map((entry) => entry.changes)).toEqual(
      [1, 2, 3].map((step) => expect.objectContaining({ step, invoiceNumber: invoice.number, openCents: invoice.totalCents })),
    );
  });

  it('writes one letter per invoice and step however often the day runs (two workers at once, the job again)', async () => {
    const { tenants, invoiceOf } = await invoicedBuilding('Twice');
    const invoice = invoiceOf(tenants[0]!.id);
    clock.setDay('2012-03-30');
    const service = t.app.get(DunningService);
    const sent = await Promise.all([service.sendDue('2012-03-30'), service.sendDue('2012-03-30')]);
    expect(sent.reduce((sum, n) => sum + n, 0)).toBe(1);
    await t.app.get(DunningDailyScheduler).tick();
    await t.app.get(DunningDailyScheduler).tick();
    expect(await service.sendDue('2012-03-30')).toBe(0);
    await eventually(async () => expect(await stepsSent(invoice.id)).toBe(1));
    expect((await reminders(invoice.id)).map((reminder) => reminder.step)).toEqual([1]);
    // Another day's run sends nothing before the next step is due.
    expect(await runDay('2012-04-05')).toBe(0);
    expect(await stepsSent(invoice.id)).toBe(1);
  });

  it('stops the steps once the invoice is paid, through the job driver; a letter shows what is still open after a part payment', async () => {
    expect(t.app.get(JobQueue).driver).toBe(process.env.REDIS_URL ? 'bull' : 'inline');
    const { tenants, invoiceOf } = await invoicedBuilding('Paying', 'Part payer');
    const paid = invoiceOf(tenants[0]!.id);
    const part = invoiceOf(tenants[1]!.id);
    // The real handler, told when each day's job is done: the days here are no other test's, so each is a new job.
    const registry = t.app.get(JobHandlerRegistry);
    const handler = t.app.get(SendDueRemindersHandler);
    const handled: string[] = [];
    registry.register('dunning.send-due', {
      handle: async (payload) => {
        await handler.handle(payload);
        handled.push(payload.day);
      },
    });
    const runDayByJob = async (day: string) => {
      clock.setDay(day);
      await t.app.get(DunningDailyScheduler).tick();
      await eventually(() => expect(handled).toContain(day));
    };
    try {
      clock.setDay('2012-03-20');
      expect((await pay(part.id, 2_500, '2012-03-20')).status).toBe(201);
      await runDayByJob('2012-03-31');
      expect((await reminders(paid.id)).map((sent) => sent.step)).toEqual([1]);
      expect((await reminders(part.id))[0]).toMatchObject({ step: 1, openCents: part.totalCents - 2_500 });
      expect(await letter(part.id, 1)).toContain(euros(part.totalCents - 2_500));

      clock.setDay('2012-04-02');
      expect((await pay(paid.id, paid.totalCents, '2012-04-02')).status).toBe(201);
      await runDayByJob('2012-04-14');
      await runDayByJob('2012-04-28');
      expect((await reminders(paid.id)).map((sent) => sent.step)).toEqual([1]);
      expect((await reminders(part.id)).map((sent) => sent.step)).toEqual([1, 2, 3]);
      expect(await stepsSent(paid.id)).toBe(1);
    } finally {
      registry.register('dunning.send-due', handler);
    }
  });

  it('sends no reminder for an invoice in a direct-debit batch the bank has not answered yet; once returned, the steps go on', async () => {
    // The mandate is signed before the run, so the invoice announces the debit.
    const { building, tenants, invoiceOf } = await invoicedBuildingWith(['By direct debit', 'By transfer'], async (created, [byDebit]) => {
      const umbrellaId = created.umbrellaId as string;
      expect(
        (await t.http().patch(`/api/organisations/${umbrellaId}`).set(t.admin).send({ creditorIdentifier: 'NL05ZZZ342635380000' })).status,
      ).toBe(200);
      const signed = await t.http().post(`/api/tenants/${byDebit!.id}/mandates`).set(t.admin).send({
        creditorId: umbrellaId,
        iban: 'NL02ABNA0123456789',
        accountHolder: 'By direct debit',
        signedOn: '2011-12-15',
        signedPlace: 'Amsterdam',
        method: 'paper',
      });
      expect(signed.status).toBe(201);
    });
    clock.setDay('2012-03-10');
    const batch = await t.http().post(`/api/buildings/${building.id}/collections`).set(t.admin).send({ collectionDate: '2012-03-20' });
    expect(batch.status).toBe(201);
    const debited = invoiceOf(tenants[0]!.id);
    expect(batch.body.items.map((item: { invoiceId: string }) => item.invoiceId)).toEqual([debited.id]);

    // The batch's day passed and no statement came yet: the debited invoice waits for the bank, the other gets its letter.
    expect(await runDay('2012-03-29')).toBe(1);
    expect(await reminders(debited.id)).toEqual([]);
    expect((await reminders(invoiceOf(tenants[1]!.id).id)).map((sent) => sent.step)).toEqual([1]);

    // The bank returns the debit: the invoice is open again and not in a pending batch, so its first reminder follows.
    await t.app
      .get(DataSource)
      .query(`UPDATE collection_item SET status = 'returned', return_reason = 'AM04', settled_on = '2012-03-22' WHERE invoice_id = $1`, [
        debited.id,
      ]);
    expect(await runDay('2012-03-30')).toBe(1);
    expect((await reminders(debited.id)).map((sent) => sent.step)).toEqual([1]);
  });

  it('holds the steps while an arrangement runs; a missed instalment breaks it and the steps resume', async () => {
    const { tenants, invoiceOf } = await invoicedBuilding('Arranged', 'Completes');
    const [arranged, completes] = [tenants[0]!, tenants[1]!];
    const invoice = invoiceOf(arranged.id);
    const other = invoiceOf(completes.id);
    await runDay('2012-03-29');
    expect((await reminders(invoice.id)).map((sent) => sent.step)).toEqual([1]);

    clock.setDay('2012-04-01');
    const half = Math.floor(invoice.totalCents / 2);
    const agreed = await agree(arranged.id, {
      invoiceIds: [invoice.id],
      instalments: [
        { dueDate: '2012-04-15', amountCents: half },
        { dueDate: '2012-05-15', amountCents: invoice.totalCents - half },
      ],
    });
    expect(agreed.status).toBe(201);
    expect(agreed.body).toMatchObject({
      status: 'active',
      agreedOn: '2012-04-01',
      totalCents: invoice.totalCents,
      invoiceIds: [invoice.id],
    });
    const whole = await agree(completes.id, {
      invoiceIds: [other.id],
      instalments: [{ dueDate: '2012-04-30', amountCents: other.totalCents }],
    });
    expect(whole.status).toBe(201);

    // Day 28 passes without a second reminder: the arrangement holds the steps.
    await runDay('2012-04-12');
    expect((await reminders(invoice.id)).map((sent) => sent.step)).toEqual([1]);
    expect((await reminders(other.id)).map((sent) => sent.step)).toEqual([1]);

    clock.setDay('2012-04-14');
    expect((await pay(invoice.id, half, '2012-04-14')).status).toBe(201);
    expect((await pay(other.id, other.totalCents, '2012-04-14')).status).toBe(201);
    await runDay('2012-05-01');
    const kept = (await t.http().get(`/api/payment-arrangements/${agreed.body.id}`).set(t.admin)).body;
    expect(kept).toMatchObject({ status: 'active', paidCents: half });
    expect(kept.instalments).toEqual([
      { position: 1, dueDate: '2012-04-15', amountCents: half, paidCents: half },
      { position: 2, dueDate: '2012-05-15', amountCents: invoice.totalCents - half, paidCents: 0 },
    ]);
    expect((await t.http().get(`/api/payment-arrangements/${whole.body.id}`).set(t.admin)).body).toMatchObject({
      status: 'completed',
      endedOn: '2012-05-01',
    });
    expect((await reminders(invoice.id)).map((sent) => sent.step)).toEqual([1]);

    // The second instalment is still short 14 days after 15 May: broken, and the second reminder goes out that day.
    await runDay('2012-05-29');
    expect((await t.http().get(`/api/payment-arrangements/${agreed.body.id}`).set(t.admin)).body.status).toBe('active');
    await runDay('2012-05-30');
    expect((await t.http().get(`/api/payment-arrangements/${agreed.body.id}`).set(t.admin)).body).toMatchObject({
      status: 'broken',
      endedOn: '2012-05-30',
    });
    expect((await reminders(invoice.id)).slice(1)).toEqual([
      expect.objectContaining({ step: 2, sentOn: '2012-05-30', openCents: invoice.totalCents - half }),
    ]);
    const listed = (await t.http().get(`/api/tenants/${arranged.id}/payment-arrangements`).set(t.admin)).body;
    expect(listed.map((arrangement: { id: string; status: string }) => [arrangement.id, arrangement.status])).toEqual([
      [agreed.body.id, 'broken'],
    ]);
    expect((await auditTrail(t, 'payment_arrangement', agreed.body.id, 2)).map((entry) => entry.action)).toEqual([
      'payment-arrangement.agreed',
      'payment-arrangement.broken',
    ]);
  });

  it('refuses an arrangement whose instalments do not add up, or with an invoice not open or not the tenant’s, and writes nothing', async () => {
    const { tenants, invoiceOf } = await invoicedBuilding('Asks', 'Neighbour');
    const [asks, neighbour] = [tenants[0]!, tenants[1]!];
    const own = invoiceOf(asks.id);
    const foreign = invoiceOf(neighbour.id);
    clock.setDay('2012-04-01');
    const refused = async (body: Record<string, unknown>, status: number, code?: string) => {
      const response = await agree(asks.id, body);
      expect([response.status, response.body.code]).toEqual([status, code ?? response.body.code]);
    };
    await refused(
      { invoiceIds: [own.id], instalments: [{ dueDate: '2012-05-01', amountCents: own.totalCents - 1 }] },
      422,
      'instalments_do_not_add_up',
    );
    await refused(
      { invoiceIds: [foreign.id], instalments: [{ dueDate: '2012-05-01', amountCents: foreign.totalCents }] },
      422,
      'invoice_not_open_of_tenant',
    );
    await refused(
      { invoiceIds: ['00000000-0000-4000-8000-000000000000'], instalments: [{ dueDate: '2012-05-01', amountCents: 100 }] },
      422,
      'invoice_not_open_of_tenant',
    );
    await refused(
      { invoiceIds: [own.id], instalments: [{ dueDate: '2012-03-31', amountCents: own.totalCents }] },
      422,
      'instalments_out_of_order',
    );
    await refused({ invoiceIds: [own.id], instalments: [] }, 400);
    await refused({ invoiceIds: ['not-a-uuid'], instalments: [{ dueDate: '2012-05-01', amountCents: 1 }] }, 400);
    await refused({ invoiceIds: [own.id], instalments: [{ dueDate: '1 May', amountCents: 1.5 }] }, 400);
    await refused({ invoiceIds: [own.id], instalments: ['x'] }, 400);
    const unknownTenant = await agree('00000000-0000-4000-8000-000000000000', {
      invoiceIds: [own.id],
      instalments: [{ dueDate: '2012-05-01', amountCents: own.totalCents }],
    });
    expect([unknownTenant.status, unknownTenant.body.code]).toEqual([404, 'tenant_not_found']);
    expect((await t.http().get(`/api/tenants/${asks.id}/payment-arrangements`).set(t.admin)).body).toEqual([]);

    // One active arrangement per invoice, also when two are agreed at once.
    const body = { invoiceIds: [own.id], instalments: [{ dueDate: '2012-05-01', amountCents: own.totalCents }] };
    const both = await Promise.all([agree(asks.id, body), agree(asks.id, body)]);
    expect(both.map((response) => response.status).sort()).toEqual([201, 409]);
    // A cancelled arrangement frees the invoice: a new one may be agreed, and a cancelled one is not cancelled again.
    const made = both.find((response) => response.status === 201)!.body;
    expect((await t.http().post(`/api/payment-arrangements/${made.id}/cancel`).set(t.admin)).body).toMatchObject({
      status: 'cancelled',
      endedOn: '2012-04-01',
    });
    const again = await t.http().post(`/api/payment-arrangements/${made.id}/cancel`).set(t.admin);
    expect([again.status, again.body.code]).toEqual([409, 'arrangement_not_active']);
    expect((await agree(asks.id, body)).status).toBe(201);
  });

  it('lists a building’s arrears per tenant: since when, how much, the last step and any arrangement', async () => {
    const { building, tenants, invoiceOf } = await invoicedBuilding('Anna Arrears', 'Bram Betaald', 'Cees Regeling');
    const [anna, bram, cees] = [tenants[0]!, tenants[1]!, tenants[2]!];
    await runDay('2012-03-29');
    clock.setDay('2012-04-01');
    await pay(invoiceOf(bram.id).id, invoiceOf(bram.id).totalCents, '2012-04-01');
    const arrangement = (
      await agree(cees.id, {
        invoiceIds: [invoiceOf(cees.id).id],
        instalments: [{ dueDate: '2012-06-01', amountCents: invoiceOf(cees.id).totalCents }],
      })
    ).body;
    await runDay('2012-04-12');

    const arrears = await t.http().get(`/api/buildings/${building.id}/arrears`).set(t.admin);
    expect(arrears.status).toBe(200);
    const annaInvoice = invoiceOf(anna.id);
    const ceesInvoice = invoiceOf(cees.id);
    expect(arrears.body).toEqual({
      asOf: '2012-04-12',
      totalOpenCents: annaInvoice.totalCents + ceesInvoice.totalCents,
      tenants: [
        expect.objectContaining({
          tenantId: anna.id,
          tenantName: 'Anna Arrears',
          overdueSince: '2012-03-15',
          totalOpenCents: annaInvoice.totalCents,
          lastStep: 2,
          lastStepOn: '2012-04-12',
          arrangement: null,
          invoices: [expect.objectContaining({ invoiceId: annaInvoice.id, number: annaInvoice.number, openCents: annaInvoice.totalCents })],
        }),
        expect.objectContaining({
          tenantId: cees.id,
          totalOpenCents: ceesInvoice.totalCents,
          lastStep: 1,
          lastStepOn: '2012-03-29',
          arrangement: { id: arrangement.id, status: 'active' },
        }),
      ],
    });
    expect((await t.http().get('/api/buildings/00000000-0000-4000-8000-000000000000/arrears').set(t.admin)).status).toBe(404);

    // The report of it, in each format.
    const report = async (format: string) => {
      const requested = await t
        .http()
        .post('/api/reports')
        .set(t.admin)
        .send({ kind: 'arrears', buildingId: building.id, period: '2012-04', format });
      expect(requested.status).toBe(202);
      await eventually(
        async () => expect((await t.http().get(`/api/reports/${requested.body.id}`).set(t.admin)).body.status).toBe('completed'),
        30_000,
      );
      const file = await t.http().get(`/api/reports/${requested.body.id}/file`).set(t.admin).buffer(true).parse(binary);
      expect(file.status).toBe(200);
      return file;
    };
    const csv = (await report('csv')).body.toString('utf8');
    expect(csv).toContain('Anna Arrears');
    expect(csv).toContain(`Anna Arrears,2012-03-15,1,${annaInvoice.totalCents},2,`);
    expect(csv).toContain(`Cees Regeling,2012-03-15,1,${ceesInvoice.totalCents},1,active`);
    expect(csv).not.toContain('Bram Betaald');
    const pdf = await pdfText((await report('pdf')).body as Buffer);
    expect(pdf).toContain('Achterstanden');
    expect(pdf).toContain('Anna Arrears');
    expect(pdf).toContain(euros(annaInvoice.totalCents + ceesInvoice.totalCents));
    const xlsx = await report('xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('shows a tenant its own reminders and arrangements only; owners and the city see none of it', async () => {
    const { building, tenants, invoiceOf } = await invoicedBuilding('Own', 'Other');
    const [own, other] = [tenants[0]!, tenants[1]!];
    await runDay('2012-03-29');
    clock.setDay('2012-04-01');
    const arrangement = (
      await agree(other.id, {
        invoiceIds: [invoiceOf(other.id).id],
        instalments: [{ dueDate: '2012-05-01', amountCents: invoiceOf(other.id).totalCents }],
      })
    ).body;
    const tenantUser = await createUser(t, { role: 'tenant', tenantId: own.id });
    const tenantHeaders = await t.login(tenantUser.email, tenantUser.password);
    const owner = await createUser(t, { role: 'owner', organisationId: building.ownerId });
    const ownerHeaders = await t.login(owner.email, owner.password);
    const city = await createUser(t, { role: 'municipality', organisationId: (await createOrganisation(t, { kind: 'municipality' })).id });
    const cityHeaders = await t.login(city.email, city.password);

    expect((await reminders(invoiceOf(own.id).id, tenantHeaders)).map((sent) => sent.step)).toEqual([1]);
    expect(await letter(invoiceOf(own.id).id, 1, tenantHeaders)).toContain('Betalingsherinnering');
    expect(
      (
        await t
          .http()
          .get(`/api/invoices/${invoiceOf(other.id).id}/reminders`)
          .set(tenantHeaders)
      ).status,
    ).toBe(404);
    expect(
      (
        await t
          .http()
          .get(`/api/invoices/${invoiceOf(other.id).id}/reminders/1/pdf`)
          .set(tenantHeaders)
      ).status,
    ).toBe(404);
    expect((await t.http().get(`/api/tenants/${own.id}/payment-arrangements`).set(tenantHeaders)).body).toEqual([]);
    expect((await t.http().get(`/api/tenants/${other.id}/payment-arrangements`).set(tenantHeaders)).status).toBe(404);
    expect((await t.http().get(`/api/payment-arrangements/${arrangement.id}`).set(tenantHeaders)).status).toBe(404);
    expect(
      (await agree(own.id, { invoiceIds: [invoiceOf(own.id).id], instalments: [{ dueDate: '2012-05-01', amountCents: 1 }] }, tenantHeaders))
        .status,
    ).toBe(403);
    expect((await t.http().post(`/api/payment-arrangements/${arrangement.id}/cancel`).set(tenantHeaders)).status).toBe(403);
    expect((await t.http().get(`/api/buildings/${building.id}/arrears`).set(tenantHeaders)).status).toBe(403);

    for (const headers of [ownerHeaders, cityHeaders]) {
      expect(
        (
          await t
            .http()
            .get(`/api/invoices/${invoiceOf(own.id).id}/reminders`)
            .set(headers)
        ).status,
      ).toBe(403);
      expect((await t.http().get(`/api/tenants/${own.id}/payment-arrangements`).set(headers)).status).toBe(403);
      expect((await t.http().get(`/api/payment-arrangements/${arrangement.id}`).set(headers)).status).toBe(403);
      expect((await t.http().get(`/api/buildings/${building.id}/arrears`).set(headers)).status).toBe(403);
      const report = await t
        .http()
        .post('/api/reports')
        .set(headers)
        .send({ kind: 'arrears', buildingId: building.id, period: '2012-04', format: 'csv' });
      expect(report.status).toBe(403);
    }
  });
});
