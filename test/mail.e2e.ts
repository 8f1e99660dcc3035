import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock/clock.js';
import type { DomainEvent } from '../src/events/event-types.js';
import { JobQueue } from '../src/jobs/job-queue.js';
import { MailService } from '../src/modules/mail/mail.service.js';
import { eventually } from './helpers/eventually.js';
import { createBuilding, createIssuer, createUser, seedLeases } from './helpers/factories.js';
import { attachmentNames, headerOf, readableText, TestSmtpServer } from './helpers/smtp.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/** A clock a test moves by the minute, on a day an invoice run of March 2012 may start. */
class MovableClock extends Clock {
  private instant = new Date('2012-03-01T11:00:00Z');

  now(): Date {
    return this.instant;
  }

  advanceMinutes(minutes: number): void {
    this.instant = new Date(this.instant.getTime() + minutes * 60_000);
  }
}

interface MessageBody {
  id: string;
  status: string;
  recipient: { address: string; name: string };
  language: string;
  template: string;
  subject: string;
  attachmentIds: string[];
  attempts: number;
  lastError: string | null;
  eventType: string;
  eventId: string | null;
}

async function runInvoices(t: TestApp, leases: number, prefix: string) {
  const issuer = await createIssuer(t);
  const building = await createBuilding(t, { umbrellaId: issuer.id, invoicePrefix: prefix });
  await seedLeases(t, building.id, leases);
  const started = await t.http().post(`/api/buildings/${building.id}/invoice-runs`).set(t.admin).send({ period: '2012-03' });
  expect(started.status).toBe(202);
  await eventually(async () => {
    const run = (await t.http().get(`/api/invoice-runs/${started.body.id}`).set(t.admin)).body;
    expect(run.status).toBe('completed');
  }, 30_000);
  const dataSource = t.app.get(DataSource);
  return dataSource.query<{ id: string; number: string; email: string; tenant_id: string }[]>(
    `SELECT i.id, i.number, t.email, t.id AS tenant_id FROM invoice i JOIN tenant t ON t.id = i.tenant_id WHERE i.building_id = $1 ORDER BY i.number`,
    [building.id],
  );
}

async function messagesOf(t: TestApp, query: string): Promise<MessageBody[]> {
  const response = await t.http().get(`/api/messages?${query}`).set(t.admin);
  expect(response.status).toBe(200);
  return response.body.items as MessageBody[];
}

describe('mail through SMTP', () => {
  let t: TestApp;
  const smtp = new TestSmtpServer();
  const clock = new MovableClock();

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    t = await startTestApp(
      { SMTP_URL: smtpUrl, MAIL_FROM: 'Urban Resort <post@urban.example>', PUBLIC_URL: 'https://broedplaats.example' },
      { clock },
    );
  });
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  it('mails each tenant of an invoice run once, with its invoice PDF, in Dutch when its user chose no language', async () => {
    const invoices = await runInvoices(t, 3, 'MAIL');
    const first = invoices[0]!;
    await eventually(async () => {
      for (const invoice of invoices) expect(smtp.mailsTo(invoice.email)).toHaveLength(1);
    }, 20_000);
    for (const invoice of invoices) {
      const [mail] = smtp.mailsTo(invoice.email);
      expect(attachmentNames(mail!.raw)).toEqual([`${invoice.number}.pdf`]);
      expect(headerOf(mail!.raw, 'Subject')).toBe(`Factuur ${invoice.number}`);
      expect(readableText(mail!.raw)).toContain('afmelden hiervoor is niet mogelijk');
    }
    const listed = await messagesOf(t, `eventType=invoice.documents_stored&recipient=${encodeURIComponent(first.email)}`);
    expect(listed).toEqual([
      expect.objectContaining({ status: 'sent', template: 'invoice', language: 'nl', subject: `Factuur ${first.number}`, attempts: 1 }),
    ]);
    expect(listed[0]!.attachmentIds).toHaveLength(1);
    // The kind of mail filters too; an unknown kind is a bad request, not an empty page.
    const byKind = await messagesOf(t, `template=invoice&recipient=${encodeURIComponent(first.email)}`);
    expect(byKind.map((message) => message.template)).toEqual(['invoice']);
    expect(await messagesOf(t, `template=credit-note&recipient=${encodeURIComponent(first.email)}`)).toEqual([]);
    expect((await t.http().get('/api/messages?template=nonsense').set(t.admin)).status).toBe(400);
  });

  it('never writes a second message or sends twice when the event and the job are delivered again', async () => {
    const [invoice] = await runInvoices(t, 1, 'AGAIN');
    await eventually(async () => expect(smtp.mailsTo(invoice!.email)).toHaveLength(1), 20_000);
    const [message] = await messagesOf(t, `recipient=${encodeURIComponent(invoice!.email)}`);
    const [event] = await t.app
      .get(DataSource)
      .query<DomainEvent[]>(
        `SELECT id, type, entity, entity_id AS "entityId", payload, actor_user_id AS "actorUserId", occurred_at AS "occurredAt" FROM domain_event WHERE id = $1`,
        [message!.eventId],
      );
    const mail = t.app.get(MailService);
    // The consumer again (as a redelivered event whose consumption record was lost), then the job again, twice over.
    await t.app.get(DataSource).transaction((manager) => mail.writeMessages(event!, manager));
    await mail.send(message!.id);
    await t.app.get(JobQueue).enqueue('mail.send', { messageId: message!.id }, { jobId: `${message!.id}-again` });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await messagesOf(t, `recipient=${encodeURIComponent(invoice!.email)}`)).toHaveLength(1);
    expect(smtp.mailsTo(invoice!.email)).toHaveLength(1);
  });

  it('mails in English to a tenant whose user speaks English, and escapes its name in the HTML', async () => {
    const [invoice] = await runInvoices(t, 1, 'LANG');
    await eventually(async () => expect(smtp.mailsTo(invoice!.email)).toHaveLength(1), 20_000);
    const dataSource = t.app.get(DataSource);
    await dataSource.query(`UPDATE tenant SET name = '<b>Bold</b> & Co' WHERE id = $1`, [invoice!.tenant_id]);
    await dataSource.query(
      `INSERT INTO app_user (email, password_hash, name, role, tenant_id, language) VALUES ($1, 'none', 'Maker', 'tenant', $2, 'en')`,
      [`en-${invoice!.email}`, invoice!.tenant_id],
    );
    const credited = await t.http().post(`/api/invoices/${invoice!.id}/credit-notes`).set(t.admin).send({ reason: 'Wrong area' });
    expect(credited.status).toBe(201);
    await eventually(async () => expect(smtp.mailsTo(invoice!.email)).toHaveLength(2), 20_000);
    const mail = smtp.mailsTo(invoice!.email)[1]!;
    expect(headerOf(mail.raw, 'Subject')).toMatch(/^Credit note /);
    const text = readableText(mail.raw);
    expect(text).toContain('you cannot unsubscribe from it');
    expect(text).toContain('Dear <b>Bold</b> & Co,');
    expect(text).toContain('<p>Dear &lt;b&gt;Bold&lt;/b&gt; &amp; Co,</p>');
    expect(attachmentNames(mail.raw)).toHaveLength(1);
  });

  it('retries a temporary refusal (451) and stops a permanent one (550) as failed with the reason', async () => {
    const later = await createUser(t);
    smtp.refuseNext.push(451);
    expect((await t.http().post('/api/password-reset').send({ email: later.email })).status).toBe(202);
    await eventually(async () => expect(smtp.mailsTo(later.email)).toHaveLength(1), 20_000);
    await eventually(async () => {
      expect(await messagesOf(t, `recipient=${encodeURIComponent(later.email)}`)).toEqual([
        expect.objectContaining({ status: 'sent', attempts: 2 }),
      ]);
    });

    const refused = await createUser(t);
    smtp.refuseNext.push(550);
    expect((await t.http().post('/api/password-reset').send({ email: refused.email })).status).toBe(202);
    await eventually(async () => {
      const failed = await messagesOf(t, 'status=failed');
      expect(failed).toEqual([expect.objectContaining({ recipient: expect.objectContaining({ address: refused.email }), attempts: 1 })]);
      expect(failed[0]!.lastError).toMatch(/550/);
    });
    expect(smtp.mailsTo(refused.email)).toHaveLength(0);
  });

  it('mails a reset link that works once and not after an hour; an unknown address gets 202 too', async () => {
    const user = await createUser(t);
    const linkOf = async (nth: number) => {
      await eventually(async () => expect(smtp.mailsTo(user.email)).toHaveLength(nth), 20_000);
      const text = readableText(smtp.mailsTo(user.email)[nth - 1]!.raw);
      return /https:\/\/broedplaats\.example\/password-reset\/confirm\?token=([A-Za-z0-9_-]+)/.exec(text)![1]!;
    };

    expect((await t.http().post('/api/password-reset').send({ email: user.email.toUpperCase() })).status).toBe(202);
    const token = await linkOf(1);
    const newPassword = 'a-brand-new-password-9';
    expect((await t.http().post('/api/password-reset/confirm').send({ token, password: newPassword })).status).toBe(204);
    await expect(t.login(user.email, newPassword)).resolves.toBeDefined();
    expect((await t.http().post('/api/auth/login').send({ email: user.email, password: user.password })).status).toBe(401);
    const again = await t.http().post('/api/password-reset/confirm').send({ token, password: 'yet-another-password-7' });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('password_reset_link_invalid');

    expect((await t.http().post('/api/password-reset').send({ email: user.email })).status).toBe(202);
    const late = await linkOf(2);
    clock.advanceMinutes(61);
    expect((await t.http().post('/api/password-reset/confirm').send({ token: late, password: 'yet-another-password-7' })).status).toBe(422);

    const before = (await messagesOf(t, 'eventType=password.reset')).length;
    expect((await t.http().post('/api/password-reset').send({ email: 'nobody-here@test.example' })).status).toBe(202);
    expect(await messagesOf(t, 'eventType=password.reset')).toHaveLength(before);
  });

  it('shows a user only the mail addressed to it; another’s message is 404', async () => {
    const mine = await createUser(t);
    const theirs = await createUser(t);
    for (const user of [mine, theirs]) expect((await t.http().post('/api/password-reset').send({ email: user.email })).status).toBe(202);
    await eventually(async () => expect(await messagesOf(t, 'eventType=password.reset&status=sent')).not.toHaveLength(0));
    const [their] = await messagesOf(t, `recipient=${encodeURIComponent(theirs.email)}`);
    const me = await t.login(mine.email, mine.password);
    const listed = await t.http().get('/api/messages').set(me);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((message: MessageBody) => message.recipient.address)).toEqual([mine.email]);
    expect((await t.http().get(`/api/messages/${their!.id}`).set(me)).status).toBe(404);
    expect((await t.http().get(`/api/messages/${listed.body.items[0].id}`).set(me)).status).toBe(200);
  });
});

describe('mail in the embedded default (no SMTP_URL)', () => {
  let t: TestApp;
  const dataDir = mkdtempSync(join(tmpdir(), 'bp-mail-'));

  beforeAll(async () => {
    t = await startTestApp({ DATA_DIR: dataDir }, { clock: new MovableClock() });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes each message as an .eml file under DATA_DIR/mail with its subject, recipient and attachment, and counts it as sent', async () => {
    const [invoice] = await runInvoices(t, 1, 'EML');
    const mailDir = t.config.mail.dropDirectory;
    await eventually(async () => {
      const [message] = await messagesOf(t, `recipient=${encodeURIComponent(invoice!.email)}`);
      expect(message).toMatchObject({ status: 'sent' });
    }, 20_000);
    const [message] = await messagesOf(t, `recipient=${encodeURIComponent(invoice!.email)}`);
    const raw = readFileSync(join(mailDir, `${message!.id}.eml`), 'utf8');
    expect(readdirSync(mailDir)).toContain(`${message!.id}.eml`);
    expect(headerOf(raw, 'Subject')).toBe(`Factuur ${invoice!.number}`);
    expect(headerOf(raw, 'To')).toContain(invoice!.email);
    expect(attachmentNames(raw)).toEqual([`${invoice!.number}.pdf`]);
    expect(raw).toContain('Content-Type: application/pdf');
  });
});
