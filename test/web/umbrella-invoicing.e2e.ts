import { FixedClock } from '../../src/common/clock/clock.js';
import { describeInBrowser, seriousAxeViolations, startWebApp, type WebTestApp } from '../helpers/browser.js';
import { createBuilding, createIssuer, seedLeases } from '../helpers/factories.js';
import { TEST_ADMIN } from '../helpers/test-app.js';
import { formatCents } from '../../src/web/format.js';

describeInBrowser('the umbrella invoices a month in the browser', () => {
  let t: WebTestApp;
  let building: { id: string; name: string };
  const clock = FixedClock.on('2012-03-15');

  beforeAll(async () => {
    t = await startWebApp({ INVOICE_CHUNK_SIZE: '5' }, { clock });
    const issuer = await createIssuer(t);
    const created = await createBuilding(t, { umbrellaId: issuer.id, invoicePrefix: 'WEB' });
    building = { id: created.id, name: created.name as string };
    await seedLeases(t, building.id, 12);
  });

  afterAll(() => t?.close());

  it('starts a run whose progress bar reaches 100%, pays part of an invoice (a bad amount refused beside its field), reverses the payment and credits the invoice', async () => {
    const { page } = await t.newPage();
    await t.signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.goto(`/invoicing?buildingId=${building.id}`);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A month after the building's use is refused next to the form, in Dutch.
    await page.locator('#f-buildingId').selectOption(building.id);
    await page.locator('#f-period').fill('2014-01');
    await page.locator('form[action="/invoicing/runs"] button').click();
    await expect(page.locator('.form-errors').textContent()).resolves.toMatch(/2014-01/);

    await page.locator('#f-period').fill('2012-03');
    await Promise.all([page.waitForURL(/\/invoicing\/runs\//), page.locator('form[action="/invoicing/runs"] button').click()]);
    await page.locator('#run-progress .percent', { hasText: '100%' }).waitFor({ timeout: 30_000 });
    await expect(page.locator('#run-bar').getAttribute('value')).resolves.toBe('100');
    await expect(page.locator('#run-progress .run-status').textContent()).resolves.toBe('klaar');
    await expect(page.locator('#run-progress').textContent()).resolves.toMatch(/12 facturen/);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await Promise.all([page.waitForURL(/\/invoices\?/), page.locator('a', { hasText: 'De facturen van deze run' }).click()]);
    await expect(page.locator('p[role=status]').textContent()).resolves.toBe('12 gevonden');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // One tenant's invoices.
    const someTenant = (await page.locator('tbody tr').first().locator('td').first().textContent())!;
    await page.locator('#f-tenantId').selectOption({ label: someTenant });
    await Promise.all([page.waitForURL(/tenantId=/), page.locator('form.filters button').click()]);
    await expect(page.locator('p[role=status]').textContent()).resolves.toBe('1 gevonden');
    await page.locator('#f-tenantId').selectOption('');
    await Promise.all([page.waitForURL((url) => /tenantId=(&|$)/.test(url.search)), page.locator('form.filters button').click()]);
    await expect(page.locator('p[role=status]').textContent()).resolves.toBe('12 gevonden');
    const first = page.locator('tbody tr').first().locator('th a');
    const number = await first.textContent();
    expect(number).toMatch(/^WEB-2012-\d+$/);
    await Promise.all([page.waitForURL(/\/invoices\/[0-9a-f-]+$/), first.click()]);
    await expect(page.locator('h1').textContent()).resolves.toBe(`Factuur ${number}`);

    await page.locator('#f-amount').fill('tien euro');
    await page.locator('form[action$="/payments"] button').click();
    await expect(page.locator('#f-amount-error').textContent()).resolves.toMatch(/\S/);
    await expect(page.locator('#f-amount').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Switching language on the refused form comes back to the invoice's page, not to the form's POST address.
    const invoicePath = new URL(page.url()).pathname.replace(/\/payments$/, '');
    await page.locator('#language-choice').selectOption('en');
    await Promise.all([page.waitForURL((url) => url.pathname === invoicePath), page.locator('form[action="/language"] button').click()]);
    await expect(page.locator('h1').textContent()).resolves.toBe(`Invoice ${number}`);
    await page.locator('#language-choice').selectOption('nl');
    await Promise.all([page.waitForURL((url) => url.pathname === invoicePath), page.locator('form[action="/language"] button').click()]);
    await page.locator('#f-amount').fill('tien euro');
    await page.locator('form[action$="/payments"] button').click();
    await expect(page.locator('#f-amount-error').textContent()).resolves.toMatch(/\S/);

    await page.locator('#f-amount').fill('10,00');
    await page.locator('#f-reference').fill('bankafschrift 12');
    await Promise.all([page.waitForURL(/done=paid/), page.locator('form[action$="/payments"] button').click()]);
    await expect(page.locator('dd.paid').textContent()).resolves.toBe('€ 10,00');
    await expect(page.locator('table.payments tbody').textContent()).resolves.toContain('bankafschrift 12');

    // The payment was a mistake: reversing it without a reason is refused beside the field, with one it books a reversal.
    const payment = page.locator('table.payments tbody tr').first();
    await payment.locator('form[action$="/reverse"] button').click();
    await page.locator('.form-errors').waitFor();
    await page.locator('table.payments tbody tr').first().locator('input[name=reason]').fill('Verkeerde factuur');
    await Promise.all([
      page.waitForURL(/done=reversed/),
      page.locator('table.payments tbody tr').first().locator('form[action$="/reverse"] button').click(),
    ]);
    await expect(page.locator('dd.paid').textContent()).resolves.toBe('€ 0,00');
    await expect(page.locator('table.payments tbody').textContent()).resolves.toMatch(
      /terugboeking.*-?€ -10,00.*Verkeerde factuur|teruggeboekt/s,
    );
    await expect(page.locator('table.payments tbody tr').count()).resolves.toBe(2);
    expect(await seriousAxeViolations(page)).toEqual([]);

    const pdf = await page.request.get(page.url().replace(/\?.*$/, '') + '/pdf');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');

    await page.locator('#f-reason').fill('Dubbel gefactureerd');
    await Promise.all([page.waitForURL(/done=credited/), page.locator('form[action$="/credit"] button').click()]);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^Creditnota WEB-2012-\d+$/);
  });

  it('filters the invoices by period and status, marks them overdue once due, and the dashboard adds up the arrears', async () => {
    const { page } = await t.newPage();
    await t.signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    const found = async (query: string) => {
      await page.goto(`/invoices?buildingId=${building.id}&${query}`);
      return page.locator('p[role=status]').textContent();
    };
    // The month's twelve invoices and the credit note of the walk above, which is settled from the start.
    await expect(found('period=2012-03')).resolves.toBe('13 gevonden');
    await expect(found('period=2012-04')).resolves.toBe('0 gevonden');
    await expect(found('status=credited')).resolves.toBe('1 gevonden');
    await expect(found('status=paid')).resolves.toBe('1 gevonden');
    await expect(found('status=open')).resolves.toBe('11 gevonden');
    await expect(found('status=overdue')).resolves.toBe('0 gevonden');

    clock.setDay('2012-05-01');
    await expect(found('status=overdue')).resolves.toBe('11 gevonden');
    const overdue = (await t.http().get(`/api/invoices?buildingId=${building.id}&status=overdue&limit=100`).set(t.admin)).body.items as {
      totalCents: number;
      paidCents: number;
    }[];
    const arrears = overdue.reduce((sum, invoice) => sum + invoice.totalCents - invoice.paidCents, 0);
    expect(arrears).toBeGreaterThan(0);
    await page.goto('/dashboard');
    await expect(page.locator(`tr[data-building="${building.id}"] td`).nth(2).textContent()).resolves.toBe(formatCents(arrears));
    clock.setDay('2012-03-15');
  });
});
