import { randomBytes } from 'node:crypto';
import { FixedClock } from '../src/common/clock/clock.js';
import { JobQueue } from '../src/jobs/job-queue.js';
import { eventually } from './helpers/eventually.js';
import {
  assessBand,
  createBuilding,
  createFloor,
  createIssuer,
  createLease,
  createSpace,
  createTenant,
  type Created,
} from './helpers/factories.js';
import { attachmentNames, headerOf, readableText, TestSmtpServer } from './helpers/smtp.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/** What is mailed while rent is collected: the debit's pre-notification and the reminders of what stays unpaid. */
describe('mail of collecting rent', () => {
  const clock = FixedClock.on('2012-03-01');
  const smtp = new TestSmtpServer();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SMTP_URL: await smtp.start() }, { clock });
  });
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  it('tells a tenant with a mandate what is collected, when and under which mandate; reminds one who did not pay, letter attached', async () => {
    const issuer = await createIssuer(t);
    await t.http().patch(`/api/organisations/${issuer.id}`).set(t.admin).send({ creditorIdentifier: 'NL05ZZZ342635380000' });
    const building = await createBuilding(t, { umbrellaId: issuer.id, invoicePrefix: 'MLC' });
    const floor = await createFloor(t, building.id, { level: 1 });
    const tenants: Created[] = [];
    for (const name of ['Incasso Atelier', 'Late Betaler']) {
      const tenant = await createTenant(t, { name });
      await assessBand(t, tenant.id, building.id, 2_000_000);
      await createLease(t, { tenantId: tenant.id, spaceId: (await createSpace(t, floor.id, { areaM2: 25 })).id });
      tenants.push(tenant);
    }
    const [byDebit, late] = tenants as [Created, Created];
    const signed = await t.http().post(`/api/tenants/${byDebit.id}/mandates`).set(t.admin).send({
      creditorId: issuer.id,
      iban: 'NL02ABNA0123456789',
      accountHolder: 'Incasso Atelier',
      signedOn: '2012-02-15',
      signedPlace: 'Amsterdam',
      method: 'paper',
      reference: 'MLC-M-1',
    });
    expect(signed.status).toBe(201);
    const run = await t.http().post(`/api/buildings/${building.id}/invoice-runs`).set(t.admin).send({ period: '2012-03' });
    await eventually(async () => {
      expect((await t.http().get(`/api/invoice-runs/${run.body.id}`).set(t.admin)).body.status).toBe('completed');
    }, 30_000);
    const invoices = (await t.http().get(`/api/invoices?buildingId=${building.id}`).set(t.admin)).body.items as {
      number: string;
      tenantId: string;
      totalCents: number;
    }[];
    const invoiceOf = (tenant: Created) => invoices.find((invoice) => invoice.tenantId === tenant.id)!;
    const mailsTo = (tenant: Created) => smtp.mailsTo(tenant.email as string);
    await eventually(async () => expect(mailsTo(byDebit)).toHaveLength(1), 20_000);

    expect(
      (await t.http().post(`/api/buildings/${building.id}/collections`).set(t.admin).send({ collectionDate: '2012-03-15' })).status,
    ).toBe(201);
    await eventually(async () => expect(mailsTo(byDebit)).toHaveLength(2), 20_000);
    const notice = mailsTo(byDebit)[1]!;
    expect(headerOf(notice.raw, 'Subject')).toBe(`Aankondiging incasso factuur ${invoiceOf(byDebit).number}`);
    const text = readableText(notice.raw);
    const amount = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(invoiceOf(byDebit).totalCents / 100);
    for (const fact of ['15 maart 2012', amount, 'eindigend op 6789', 'MLC-M-1', 'NL05ZZZ342635380000']) expect(text).toContain(fact);
    // Only debtors are told of a debit.
    expect(mailsTo(late)).toHaveLength(1);

    // A fortnight past due the first reminder goes out with its letter, once, however often the day's job runs.
    clock.setDay('2012-03-29');
    const jobs = t.app.get(JobQueue);
    for (const attempt of ['a', 'b'])
      await jobs.enqueue('dunning.send-due', { day: '2012-03-29' }, { jobId: `dunning-${attempt}-${randomBytes(4).toString('hex')}` });
    await eventually(async () => expect(mailsTo(late).length).toBeGreaterThanOrEqual(2), 20_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailsTo(late)).toHaveLength(2);
    const reminder = mailsTo(late)[1]!;
    expect(headerOf(reminder.raw, 'Subject')).toBe(`Betalingsherinnering: factuur ${invoiceOf(late).number}`);
    expect(attachmentNames(reminder.raw)).toEqual([expect.stringMatching(/\.pdf$/)]);
  });
});
