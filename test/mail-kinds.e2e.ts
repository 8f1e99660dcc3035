import { randomBytes } from 'node:crypto';
import { FixedClock } from '../src/common/clock/clock.js';
import { JobQueue } from '../src/jobs/job-queue.js';
import { createRound, submittedApplication } from './helpers/applications.js';
import { eventually } from './helpers/eventually.js';
import { headerOf, readableText, TestSmtpServer } from './helpers/smtp.js';
import { startTestApp, TEST_ADMIN, type TestApp } from './helpers/test-app.js';

describe('what is mailed for allocations, offers and reports', () => {
  let t: TestApp;
  const smtp = new TestSmtpServer();

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    t = await startTestApp({ SMTP_URL: smtpUrl, PUBLIC_URL: 'https://broedplaats.example' }, { clock: FixedClock.on('2007-03-15') });
  });
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  it('makes each member that becomes a tenant at allocation a user, and mails it a link to set its password', async () => {
    const { floorIds, roundId } = await createRound(t, 1);
    const application = await submittedApplication(t, roundId, floorIds);
    const member = (await t.http().get(`/api/applications/${application.id}`).set(t.admin)).body.members[0] as { email: string };
    expect((await t.http().post(`/api/applications/${application.id}/allocate`).set(t.admin).send({ floorId: floorIds[0] })).status).toBe(
      201,
    );

    await eventually(async () => expect(smtp.mailsTo(member.email)).toHaveLength(1), 20_000);
    const mail = smtp.mailsTo(member.email)[0]!;
    expect(headerOf(mail.raw, 'Subject')).toMatch(/^Welkom in /);
    const token = /https:\/\/broedplaats\.example\/password-reset\/confirm\?token=([A-Za-z0-9_-]+)/.exec(readableText(mail.raw))![1]!;
    // Until the link is used the account has no password anyone could sign in with.
    expect((await t.http().post('/api/auth/login').send({ email: member.email, password: 'none' })).status).toBe(401);
    const password = `welcome-${randomBytes(6).toString('hex')}`;
    expect((await t.http().post('/api/password-reset/confirm').send({ token, password })).status).toBe(204);
    const me = await t
      .http()
      .get('/api/me')
      .set(await t.login(member.email, password));
    expect(me.body).toMatchObject({ role: 'tenant', tenantId: expect.any(String) });
    // The member sees its own welcome mail.
    const own = await t
      .http()
      .get('/api/messages')
      .set(await t.login(member.email, password));
    expect(own.body.items).toEqual([expect.objectContaining({ template: 'welcome', eventType: 'application.allocated', status: 'sent' })]);
  });

  it('mails an offer to the group’s contact with floor, area and reply date, and one reminder three days before it expires', async () => {
    const { floorIds, roundId } = await createRound(t, 1);
    const holder = await submittedApplication(t, roundId, floorIds);
    await t.http().post(`/api/applications/${holder.id}/allocate`).set(t.admin).send({ floorId: floorIds[0] });
    const waiting = await submittedApplication(t, roundId, floorIds);
    expect((await t.http().post(`/api/applications/${waiting.id}/waitlist`).set(t.admin)).status).toBe(200);
    const contact = (await t.http().get('/api/me').set(waiting.headers)).body.email as string;

    const released = await t.http().post(`/api/floors/${floorIds[0]}/release`).set(t.admin);
    expect(released.body.offer).toMatchObject({ applicationId: waiting.id, replyBy: '2007-03-29' });
    await eventually(async () => expect(smtp.mailsTo(contact)).toHaveLength(1), 20_000);
    const offer = readableText(smtp.mailsTo(contact)[0]!.raw);
    expect(headerOf(smtp.mailsTo(contact)[0]!.raw, 'Subject')).toMatch(/^Aanbod: verdieping 1 in /);
    expect(offer).toContain('500 m²');
    expect(offer).toContain('29 maart 2007');

    const jobs = t.app.get(JobQueue);
    await jobs.enqueue('mail.offer-reminders', { day: '2007-03-25' }, { jobId: `reminders-early-${randomBytes(4).toString('hex')}` });
    await jobs.enqueue('mail.offer-reminders', { day: '2007-03-26' }, { jobId: `reminders-${randomBytes(4).toString('hex')}` });
    await eventually(async () => expect(smtp.mailsTo(contact)).toHaveLength(2), 20_000);
    expect(headerOf(smtp.mailsTo(contact)[1]!.raw, 'Subject')).toMatch(
      /^Herinnering: het aanbod van verdieping 1 vervalt op 29 maart 2007/,
    );
    await jobs.enqueue('mail.offer-reminders', { day: '2007-03-26' }, { jobId: `reminders-again-${randomBytes(4).toString('hex')}` });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.mailsTo(contact)).toHaveLength(2);
  });

  it('tells whoever asked for a report that it is ready', async () => {
    const { building } = await createRound(t, 1);
    const requested = await t
      .http()
      .post('/api/reports')
      .set(t.admin)
      .send({ kind: 'owner-occupancy', buildingId: building.id, period: '2007', format: 'json' });
    expect(requested.status).toBe(202);
    await eventually(async () => {
      const ready = smtp.mailsTo(TEST_ADMIN.email).filter((mail) => headerOf(mail.raw, 'Subject') === 'Uw rapport is klaar (2007)');
      expect(ready).toHaveLength(1);
    }, 20_000);
  });
});
