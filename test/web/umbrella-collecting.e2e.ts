import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { FixedClock } from '../../src/common/clock/clock.js';
import { describeInBrowser, problemsOnEveryPage, seriousAxeViolations, startWebApp, type WebTestApp } from '../helpers/browser.js';
import { camt053 } from '../helpers/camt.js';
import { eventually } from '../helpers/eventually.js';
import { createBuilding, createIssuer, seedLeases } from '../helpers/factories.js';
import { TEST_ADMIN } from '../helpers/test-app.js';

interface InvoiceBody {
  id: string;
  number: string;
  tenantId: string;
  totalCents: number;
  status: string;
}

/**
 * Collecting a month's rent in the browser, as the umbrella's staff do it: a tenant's mandate (a wrong
 * IBAN refused beside its field, then a new account), the building's direct-debit batch and its
 * pain.008 file, the bank's camt.053 statement uploaded as a file, a credit nobody could place matched by
 * hand, the arrears with a payment arrangement, and the outbox.
 */
describeInBrowser('the umbrella collects rent in the browser', () => {
  const clock = FixedClock.on('2012-03-01');
  let t: WebTestApp;
  let building: { id: string };
  let invoices: InvoiceBody[];
  let tenantNames: Map<string, string>;
  let businessTenantId: string;
  /** The pages the walks below open, for the check of every page in both languages at the end. */
  const visited = new Set<string>();
  /** The maker who signs a mandate in the browser before the month is invoiced, so its invoice announces the debit. */
  let debitedTenantId: string;
  let late: InvoiceBody;

  /** March's invoice run; each invoice announces a debit under the mandates signed by then. */
  async function invoiceMarch() {
    const run = await t.http().post(`/api/buildings/${building.id}/invoice-runs`).set(t.admin).send({ period: '2012-03' });
    await eventually(async () => {
      expect((await t.http().get(`/api/invoice-runs/${run.body.id}`).set(t.admin)).body.status).toBe('completed');
    }, 30_000);
    invoices = ((await t.http().get(`/api/invoices?buildingId=${building.id}`).set(t.admin)).body.items as InvoiceBody[]).sort((a, b) =>
      a.number.localeCompare(b.number),
    );
    expect(invoices).toHaveLength(3);
  }

  beforeAll(async () => {
    t = await startWebApp({}, { clock });
    const issuer = await createIssuer(t);
    expect(
      (await t.http().patch(`/api/organisations/${issuer.id}`).set(t.admin).send({ creditorIdentifier: 'NL05ZZZ342635380000' })).status,
    ).toBe(200);
    building = await createBuilding(t, { umbrellaId: issuer.id, invoicePrefix: 'INC' });
    const leaseIds = await seedLeases(t, building.id, 3);
    // One maker is a registered business with its own address: its invoice gets an e-invoice (UBL).
    const [business] = await t.app
      .get(DataSource)
      .query<{ tenant_id: string }[]>(`SELECT tenant_id FROM lease WHERE id = $1`, [leaseIds[0]]);
    businessTenantId = business!.tenant_id;
    const patched = await t
      .http()
      .patch(`/api/tenants/${businessTenantId}`)
      .set(t.admin)
      .send({ kvkNumber: '64000001', address: 'Linnaeusstraat 2, 1092 AB Amsterdam' });
    expect(patched.status).toBe(200);
    const leased = await t.app
      .get(DataSource)
      .query<{ tenant_id: string }[]>(`SELECT tenant_id FROM lease WHERE id = ANY($1) ORDER BY tenant_id`, [leaseIds]);
    debitedTenantId = leased[0]!.tenant_id;
    const tenants = await Promise.all(leased.map(async (row) => (await t.http().get(`/api/tenants/${row.tenant_id}`).set(t.admin)).body));
    tenantNames = new Map(tenants.map((tenant: { id: string; name: string }) => [tenant.id, tenant.name]));
  });

  afterAll(() => t?.close());

  it('records a mandate, makes a batch, downloads its pain.008, uploads the statement and sees each entry matched', async () => {
    const { page } = await t.newPage();
    await t.signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);

    // A mandate from the tenant's page, before the month is invoiced: a wrong IBAN is refused beside its field.
    await page.goto(`/tenants/${debitedTenantId}`);
    await expect(page.locator('table.tenant-mandates').count()).resolves.toBe(0);
    await Promise.all([page.waitForURL(/\/mandates\/new$/), page.locator('a', { hasText: 'Nieuwe machtiging' }).click()]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator('#f-iban').fill('NL02ABNA0123456788');
    await page.locator('#f-signedPlace').fill('Amsterdam');
    await page.locator('form[action$="/mandates"] button[type=submit]').click();
    await expect(page.locator('#f-iban-error').textContent()).resolves.toMatch(/IBAN/i);
    await expect(page.locator('#f-iban').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator('#f-iban').fill('NL02 ABNA 0123 4567 89');
    await Promise.all([page.waitForURL(/done=created/), page.locator('form[action$="/mandates"] button[type=submit]').click()]);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^Machtiging INC-M-\d{6}$|^Machtiging M-\d{6}$/);
    await expect(page.locator('dd.iban').textContent()).resolves.toBe('NL02ABNA0123456789');
    await expect(page.locator('dd.status').textContent()).resolves.toMatch(/^actief/);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The tenant moves to another bank: the amendment keeps what it was.
    await page.locator('#f-iban').fill('NL91ABNA0417164300');
    await page.locator('#f-reason').fill('Nieuwe bank');
    await Promise.all([page.waitForURL(/done=amended/), page.locator('form[action$="/amend"] button').click()]);
    await expect(page.locator('dd.iban').textContent()).resolves.toBe('NL91ABNA0417164300');
    await expect(page.locator('table.amendments tbody').textContent()).resolves.toContain('NL02ABNA0123456789 → NL91ABNA0417164300');
    const mandatePath = new URL(page.url()).pathname;
    visited.add(mandatePath).add(`/tenants/${debitedTenantId}/mandates/new`);

    // The month is invoiced: the mandate's invoice announces the debit (its pre-notification), the others ask for a transfer.
    await invoiceMarch();
    const debited = invoices.find((invoice) => invoice.tenantId === debitedTenantId)!;
    const [byTransfer, lateOne] = invoices.filter((invoice) => invoice !== debited) as [InvoiceBody, InvoiceBody];
    late = lateOne;

    await page.goto(`/mandates?buildingId=${building.id}`);
    await expect(page.locator('table.mandates tbody tr').count()).resolves.toBe(1);
    await expect(page.locator('table.mandates tbody td').first().textContent()).resolves.toBe(tenantNames.get(debited.tenantId));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto(`/tenants/${debited.tenantId}`);
    await expect(page.locator('table.tenant-mandates tbody a').getAttribute('href')).resolves.toBe(mandatePath);

    // A second maker signs only after the month was invoiced: its invoice asked for a transfer, so the batch leaves it out.
    const signedLate = await t
      .http()
      .post(`/api/tenants/${byTransfer.tenantId}/mandates`)
      .set(t.admin)
      .send({
        creditorId: (await t.http().get(`/api/buildings/${building.id}`).set(t.admin)).body.umbrellaId,
        iban: 'NL02ABNA0123456789',
        accountHolder: 'Maker',
        signedOn: '2012-03-01',
        signedPlace: 'Amsterdam',
        method: 'paper',
      });
    expect(signedLate.status).toBe(201);

    // The batch for 15 March gathers the one invoice that announced the debit.
    await page.goto(`/collections?buildingId=${building.id}`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator('#f-collectionDate').fill('2012-02-20');
    await page.locator('form[method=post][action="/collections"] button').click();
    await expect(page.locator('#f-collectionDate-error').textContent()).resolves.toMatch(/2012-03-01/);
    await page.locator('#f-collectionDate').fill('2012-03-15');
    await Promise.all([
      page.waitForURL(/\/collections\/[0-9a-f-]{36}\?done=created&skipped=1$/),
      page.locator('form[method=post][action="/collections"] button').click(),
    ]);
    await expect(page.locator('dd.count').textContent()).resolves.toBe('1');
    await expect(page.locator('p.skipped').textContent()).resolves.toMatch(/^1 openstaande facturen van huurders met een machtiging/);
    await expect(page.locator('table.debits tbody th').allTextContents()).resolves.toEqual([debited.number]);
    await expect(page.locator('table.debits .debit-status').textContent()).resolves.toBe('wacht op de bank');
    expect(await seriousAxeViolations(page)).toEqual([]);
    const collectionPath = new URL(page.url()).pathname;
    visited.add(collectionPath);

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[download]').click()]);
    expect(download.suggestedFilename()).toBe('INC-incasso-2012-03-15.xml');
    const pain = (await page.request.get(`${collectionPath}/file`)).text();
    await expect(pain).resolves.toContain(`<EndToEndId>${debited.number}</EndToEndId>`);
    await expect(pain).resolves.toContain('urn:iso:std:iso:20022:tech:xsd:pain.008.001.08');

    // The bank's statement: the debit collected, and a transfer that names no invoice.
    clock.setDay('2012-03-20');
    const statementFile = join(tmpdir(), `camt-${Date.now()}.xml`);
    writeFileSync(
      statementFile,
      camt053('08', {
        id: 'WEB-2012-03',
        sequence: 1,
        entries: [
          {
            amountCents: debited.totalCents,
            direction: 'credit',
            bookingDate: '2012-03-15',
            reference: 'WEB-BATCH',
            code: ['PMNT', 'IDDT', 'ESDD'],
            details: [{ amountCents: debited.totalCents, endToEndId: debited.number }],
          },
          {
            amountCents: byTransfer.totalCents,
            direction: 'credit',
            bookingDate: '2012-03-16',
            reference: 'WEB-UNKNOWN',
            code: ['PMNT', 'RCDT', 'ESCT'],
            details: [{ unstructured: ['huur'], counterpartyName: 'Iemand' }],
          },
        ],
      }),
    );
    await page.goto('/bank-statements');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // No file, or not a bank statement: refused beside the file field.
    await page.locator('#f-statement').evaluate((input) => input.removeAttribute('required'));
    await page.locator('form[action="/bank-statements"] button').click();
    await expect(page.locator('#f-statement-error').textContent()).resolves.toMatch(/\S/);
    const notCamt = join(tmpdir(), `not-camt-${Date.now()}.xml`);
    writeFileSync(notCamt, '<?xml version="1.0"?><Document>nee</Document>');
    await page.locator('#f-statement').setInputFiles(notCamt);
    await page.locator('form[action="/bank-statements"] button').click();
    await expect(page.locator('#f-statement-error').textContent()).resolves.toMatch(/camt/i);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.locator('#f-statement').setInputFiles(statementFile);
    await Promise.all([
      page.waitForURL(/\/bank-statements\/[0-9a-f-]{36}\?done=imported$/),
      page.locator('form[action="/bank-statements"] button').click(),
    ]);
    await expect(page.locator('[data-outcome=collected] strong').textContent()).resolves.toBe('1');
    await expect(page.locator('[data-outcome=unmatched] strong').textContent()).resolves.toBe('1');
    await expect(page.locator('table.entries tr[data-outcome=collected] a').textContent()).resolves.toBe(debited.number);
    visited.add(new URL(page.url()).pathname);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The unknown credit is the second tenant's rent: matched by hand.
    const unmatched = page.locator('ul.unmatched > li');
    await expect(unmatched.count()).resolves.toBe(1);
    await unmatched.locator('select').selectOption(byTransfer.id);
    await Promise.all([page.waitForURL(/done=matched/), unmatched.locator('button').click()]);
    await expect(page.locator('p.all-matched').count()).resolves.toBe(1);
    await expect(page.locator('[data-outcome=paid] strong').textContent()).resolves.toBe('1');
    await expect(page.locator('table.entries tr[data-outcome=paid] .outcome').textContent()).resolves.toBe('betaling · met de hand');

    // The same file again books nothing.
    await page.goto('/bank-statements');
    await page.locator('#f-statement').setInputFiles(statementFile);
    await Promise.all([page.waitForURL(/done=again$/), page.locator('form[action="/bank-statements"] button').click()]);
    await expect(page.locator('p.notice').textContent()).resolves.toMatch(/al ingelezen/);

    await page.goto(collectionPath);
    await expect(page.locator('table.debits .debit-status').textContent()).resolves.toMatch(/^geïncasseerd/);
    await page.goto(`/invoices/${byTransfer.id}`);
    await expect(page.locator('dd.status').textContent()).resolves.toBe('betaald');

    // The business's invoice links its e-invoice; a maker without a KvK number is told why there is none.
    const business = invoices.find((invoice) => invoice.tenantId === businessTenantId)!;
    const private_ = invoices.find((invoice) => invoice.tenantId !== businessTenantId)!;
    await page.goto(`/invoices/${business.id}`);
    await eventually(async () => {
      await page.reload();
      expect(await page.locator('a[href$="/ubl"]').count()).toBe(1);
    }, 20_000);
    const ubl = await page.request.get(`/invoices/${business.id}/ubl`);
    expect(ubl.headers()['content-type']).toContain('application/xml');
    await expect(ubl.text()).resolves.toContain(`<cbc:ID>${business.number}</cbc:ID>`);
    await page.goto(`/invoices/${private_.id}`);
    await expect(page.locator('p.no-ubl').textContent()).resolves.toMatch(/KvK/);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('shows the arrears, agrees a payment arrangement and lists the outbox with a failure’s reason', async () => {
    clock.setDay('2012-04-02');
    const { page } = await t.newPage({ width: 390 });
    await t.signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.goto(`/arrears?buildingId=${building.id}`);
    await expect(page.locator('table.arrears tbody th').allTextContents()).resolves.toEqual([tenantNames.get(late.tenantId)]);
    await expect(page.locator('table.arrears tbody td').first().textContent()).resolves.toBe('15-03-2012');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto(`/tenants/${late.tenantId}/arrangements/new`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator(`#inv-${late.id}`).check();
    const half = Math.floor(late.totalCents / 2);
    const euro = (cents: number) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
    await page.locator('#f-dueDate0').fill('2012-04-15');
    await page.locator('#f-amount0').fill(euro(half));
    await page.locator('#f-dueDate1').fill('2012-05-15');
    await page.locator('#f-amount1').fill(euro(half));
    await page.locator('form[action$="/arrangements"] button[type=submit]').click();
    // Unless the total is even, two halves miss a cent: refused, with what is open.
    if (late.totalCents % 2 === 1) {
      await page.locator('.form-errors').waitFor();
      await page.locator('#f-amount1').fill(euro(late.totalCents - half));
      await page.locator('form[action$="/arrangements"] button[type=submit]').click();
    }
    await page.waitForURL(/done=arranged/);
    await expect(page.locator('.arrangement-status').textContent()).resolves.toBe('loopt');
    await expect(page.locator('table.instalments tbody tr').count()).resolves.toBe(2);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto(`/arrears?buildingId=${building.id}`);
    await expect(page.locator('table.arrears tbody').textContent()).resolves.toContain('loopt');
    await page.goto(`/tenants/${late.tenantId}`);
    await Promise.all([page.waitForURL(/done=cancelled/), page.locator('form[action$="/cancel"] button').click()]);
    await expect(page.locator('.arrangement-status').textContent()).resolves.toBe('ingetrokken');
    await expect(page.locator('form[action$="/cancel"]').count()).resolves.toBe(0);

    // The tenant stops paying by direct debit: its mandate is revoked, and its page says so.
    const creditorId = (await t.http().get(`/api/buildings/${building.id}`).set(t.admin)).body.umbrellaId as string;
    const signed = await t.http().post(`/api/tenants/${late.tenantId}/mandates`).set(t.admin).send({
      creditorId,
      iban: 'NL02ABNA0123456789',
      accountHolder: 'Maker',
      signedOn: '2012-04-01',
      signedPlace: 'Amsterdam',
      method: 'online',
    });
    expect(signed.status).toBe(201);
    await page.goto(`/mandates/${signed.body.id}`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Without a reason (the browser's own check skipped) the service's rule answers beside the field.
    await page.locator('#f-revokeReason').evaluate((input) => input.removeAttribute('required'));
    await page.locator('form[action$="/revoke"] button').click();
    await expect(page.locator('#f-revokeReason-error').textContent()).resolves.toMatch(/\S/);
    await page.locator('#f-revokeReason').fill('Betaalt per overboeking');
    await Promise.all([page.waitForURL(/done=revoked/), page.locator('form[action$="/revoke"] button').click()]);
    await expect(page.locator('dd.status').textContent()).resolves.toBe('ingetrokken · 02-04-2012: Betaalt per overboeking');
    await expect(page.locator('form[action$="/amend"]').count()).resolves.toBe(0);

    // The outbox: the invoice mails of the run, and one that failed, with the server's answer.
    await eventually(async () => {
      expect((await t.http().get('/api/messages?template=invoice').set(t.admin)).body.total).toBeGreaterThanOrEqual(3);
    }, 30_000);
    const dataSource = t.app.get(DataSource);
    const [failed] = await dataSource.query<{ id: string }[]>(
      `SELECT id FROM message WHERE template = 'invoice' ORDER BY created_at LIMIT 1`,
    );
    await dataSource.query(`UPDATE message SET status = 'failed', last_error = '550 5.1.1 mailbox unavailable' WHERE id = $1`, [
      failed!.id,
    ]);
    await page.goto('/messages');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator('#f-kind').selectOption('invoice');
    await page.locator('#f-status').selectOption('failed');
    await Promise.all([page.waitForURL(/status=failed/), page.locator('form.filters button').click()]);
    await expect(page.locator('p[role=status]').textContent()).resolves.toBe('1 gevonden');
    await expect(page.locator('table.messages .message-status').textContent()).resolves.toBe('mislukt: 550 5.1.1 mailbox unavailable');
    await Promise.all([page.waitForURL(`**/messages/${failed!.id}`), page.locator('table.messages tbody th a').click()]);
    await expect(page.locator('dd.last-error').textContent()).resolves.toBe('550 5.1.1 mailbox unavailable');
    visited.add(new URL(page.url()).pathname).add(`/tenants/${late.tenantId}/arrangements/new`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto('/messages?kind=nonsense');
    await expect(page.locator('#f-kind-error').count()).resolves.toBe(1);
  });

  it('has every page of collecting axe-clean and in its language, in Dutch and in English', async () => {
    const lists = [
      ...['/mandates', '/collections', '/arrears'].map((path) => `${path}?buildingId=${building.id}`),
      '/bank-statements',
      '/messages',
    ];
    expect(visited.size).toBe(6);
    const admin = { email: TEST_ADMIN.email, password: TEST_ADMIN.password };
    expect(await problemsOnEveryPage(t, admin, [...lists, ...visited], { phone: false })).toEqual([]);
  });
});
