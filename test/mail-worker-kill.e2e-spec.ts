import { DataSource } from 'typeorm';
import { FixedClock } from '../src/common/clock/clock.js';
import { eventually } from './helpers/eventually.js';
import { createBuilding, createIssuer, seedLeases } from './helpers/factories.js';
import { attachmentNames, TestSmtpServer } from './helpers/smtp.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { buildWorker, startWorker, stopWorker } from './helpers/worker-process.js';

const redisUrl = process.env.REDIS_URL;
const databaseUrl = process.env.DATABASE_URL;

(redisUrl && databaseUrl ? describe : describe.skip)('a worker killed while it sends an invoice mail (bull on Redis)', () => {
  let t: TestApp;
  let smtpUrl: string;
  const smtp = new TestSmtpServer();
  let buildDir: string;

  beforeAll(async () => {
    buildDir = await buildWorker();
    smtpUrl = await smtp.start();
    // The API takes no jobs itself: only the worker processes do.
    t = await startTestApp({ RUN_WORKERS: 'false', SMTP_URL: smtpUrl }, { clock: FixedClock.on('2012-03-01') });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  it('mails each tenant once: the job taken again after the kill sends the mail the killed worker never finished', async () => {
    const issuer = await createIssuer(t);
    const building = await createBuilding(t, { umbrellaId: issuer.id, invoicePrefix: 'MKILL' });
    await seedLeases(t, building.id, 3);
    smtp.holdNext = true;
    expect((await t.http().post(`/api/buildings/${building.id}/invoice-runs`).set(t.admin).send({ period: '2012-03' })).status).toBe(202);

    const doomed = startWorker(t, buildDir, { SMTP_URL: smtpUrl });
    // The worker has handed the server its first mail and waits for the answer: killed now, it never marks it sent.
    await eventually(() => expect(smtp.held).not.toBeNull(), 60_000);
    await stopWorker(doomed, 'SIGKILL');
    // The server notices the dropped connection on its own time; answering before that would accept the mail.
    await eventually(() => expect(smtp.held!.clientGone()).toBe(true), 10_000);
    smtp.held!.release();

    const survivor = startWorker(t, buildDir, { SMTP_URL: smtpUrl });
    const dataSource = t.app.get(DataSource);
    const tenants = await dataSource.query<{ email: string; number: string }[]>(
      `SELECT t.email, i.number FROM invoice i JOIN tenant t ON t.id = i.tenant_id WHERE i.building_id = $1`,
      [building.id],
    );
    try {
      await eventually(async () => {
        const [{ sent }] = await dataSource.query<{ sent: number }[]>(
          `SELECT count(*)::int AS sent FROM message m JOIN tenant t ON t.email = m.recipient_address
             JOIN invoice i ON i.tenant_id = t.id WHERE i.building_id = $1 AND m.status = 'sent'`,
          [building.id],
        );
        expect(sent).toBe(3);
      }, 60_000);
    } finally {
      await stopWorker(survivor, 'SIGTERM');
    }
    // The mail whose answer the killed worker never got was sent again, by the job taken again.
    const attempts = await dataSource.query<{ attempts: number }[]>(
      `SELECT m.attempts FROM message m JOIN tenant t ON t.email = m.recipient_address JOIN invoice i ON i.tenant_id = t.id
        WHERE i.building_id = $1 ORDER BY m.attempts`,
      [building.id],
    );
    expect(attempts.map((row) => row.attempts)).toEqual([1, 1, 2]);
    expect(tenants).toHaveLength(3);
    for (const { email, number } of tenants) {
      expect(smtp.mailsTo(email)).toHaveLength(1);
      expect(attachmentNames(smtp.mailsTo(email)[0]!.raw)).toEqual([`${number}.pdf`]);
    }
  });
});
