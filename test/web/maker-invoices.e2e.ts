import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { FixedClock } from '../../src/common/clock/clock.js';
import { eventually } from '../helpers/eventually.js';
import { createFloor, createOrganisation } from '../helpers/factories.js';
import { describeInBrowser, seriousAxeViolations, startWebApp, type WebTestApp } from '../helpers/browser.js';
import { invoiceMonth, invoiceOf, invoicingBuilding, makerWithLease } from '../helpers/maker.js';

describeInBrowser('a maker reads its space and its invoices in the browser', () => {
  const clock = FixedClock.on('2012-01-10');
  let t: WebTestApp;
  let maker: Awaited<ReturnType<typeof makerWithLease>>;
  let buildingId: string;
  let january: { id: string; number: string; totalCents: number };
  let february: { id: string; number: string; totalCents: number };

  beforeAll(async () => {
    t = await startWebApp({}, { clock });
    const { building, floor } = await invoicingBuilding(t, 'MKI');
    buildingId = building.id;
    maker = await makerWithLease(t, building.id, floor.id, 25);
    await invoiceMonth(t, clock, building.id, '2012-01', '2012-01-10');
    await invoiceMonth(t, clock, building.id, '2012-02', '2012-02-20');
    january = await invoiceOf(t, maker.tenant.id, '2012-01');
    february = await invoiceOf(t, maker.tenant.id, '2012-02');
    // February paid with € 10 too much: paid, and a credit; January is past its due date by March.
    const paid = await t
      .http()
      .post(`/api/invoices/${february.id}/payments`)
      .set(t.admin)
      .send({ amountCents: february.totalCents + 1000, paidOn: '2012-02-20' });
    expect(paid.status).toBe(201);
    clock.setDay('2012-03-01');
  });

  afterAll(() => t?.close());

  it('shows the lease: space, m², band, rent per month, notice period and end date', async () => {
    const { page } = await t.newPage({ width: 375 });
    await t.signIn(page, maker.user.email, maker.user.password);
    await page.goto('/my/space');
    await expect(page.locator('.lease-area').textContent()).resolves.toBe('25 m²');
    await expect(page.locator('.lease-band').textContent()).resolves.toMatch(/^A · € 60,00 per m² per jaar$/);
    await expect(page.locator('.lease-rent').textContent()).resolves.toBe('€ 125,00');
    await expect(page.locator('.lease-notice-period').textContent()).resolves.toBe('2 maand(en)');
    await expect(page.locator('.lease-end').textContent()).resolves.toBe('31-12-2012');
    await expect(page.locator('h2').first().textContent()).resolves.toContain(String(maker.space.code));
  });

  it('marks the overdue invoice, says how to pay it, shows the credit, downloads a PDF and the year as one ZIP of PDFs', async () => {
    const { page } = await t.newPage();
    await t.signIn(page, maker.user.email, maker.user.password);
    await page.goto('/my');
    await expect(page.locator('.overview .overdue').textContent()).resolves.toMatch(/^1 over de vervaldatum: € 125,00$/);
    await expect(page.locator('.overview .credit').textContent()).resolves.toContain('€ 10,00');

    await page.goto('/my/invoices');
    expect(await seriousAxeViolations(page)).toEqual([]);
    const row = (number: string) => page.locator('table.my-invoices tbody tr', { hasText: number });
    await expect(row(january.number).locator('.invoice-status').textContent()).resolves.toBe('over de vervaldatum');
    await expect(row(january.number).locator('.invoice-status').getAttribute('class')).resolves.toContain('overdue');
    await expect(row(february.number).locator('.invoice-status').textContent()).resolves.toBe('betaald');
    await expect(page.locator('p.credit').textContent()).resolves.toContain('€ 10,00');

    // How to pay the overdue one: the umbrella's IBAN, the invoice's betalingskenmerk, what is left to pay.
    const toPay = page.locator('ul.to-pay > li');
    await expect(toPay.count()).resolves.toBe(1);
    await expect(toPay.locator('.pay-iban').textContent()).resolves.toBe('NL91ABNA0417164300');
    const reference = (await t.http().get(`/api/invoices/${january.id}`).set(t.admin)).body.paymentReference as string;
    await expect(toPay.locator('.pay-reference').textContent()).resolves.toBe(reference);
    await expect(toPay.locator('.pay-amount').textContent()).resolves.toBe('€ 125,00');

    // The PDF, as the maker's own browser session downloads it.
    const pdfHref = (await row(january.number).locator('a[href$="/pdf"]').getAttribute('href'))!;
    const pdf = await page.context().request.get(pdfHref);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    await Promise.all([page.waitForURL(/\/my\/invoices\/[0-9a-f-]{36}$/), row(january.number).locator('th a').click()]);
    await expect(page.locator('h1').textContent()).resolves.toBe(`Factuur ${january.number}`);
    await expect(page.locator('.invoice-status').textContent()).resolves.toBe('over de vervaldatum');
    await expect(page.locator('.pay-reference').textContent()).resolves.toBe(reference);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto('/my/invoices');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('ul.years a', { hasText: '2012' }).click()]);
    expect(download.suggestedFilename()).toBe('facturen-2012.zip');
    const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    expect(Object.keys(files).sort()).toEqual([`${january.number}.pdf`, `${february.number}.pdf`].sort());
    for (const bytes of Object.values(files)) expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    // A year without invoices has nothing to download.
    expect((await page.context().request.get('/my/invoices/archive/2011')).status()).toBe(404);
  });
  it('shows the notice to vacate once the building is sold without the maker’s floor, with its letter as PDF', async () => {
    const retained = await createFloor(t, buildingId, { level: 2 });
    const buyer = await createOrganisation(t, { kind: 'owner' });
    const started = await t
      .http()
      .post(`/api/buildings/${buildingId}/handovers`)
      .set(t.admin)
      .send({ newOwnerId: buyer.id, transferDate: '2012-03-01', retainedFloorIds: [retained.id], newUseEnd: '2013-07-01' });
    expect(started.status).toBe(202);
    await eventually(async () => {
      const handover = (await t.http().get(`/api/handovers/${started.body.id}`).set(t.admin)).body;
      expect(handover).toMatchObject({ status: 'completed', dossierReady: true });
      expect((await t.http().get(`/api/leases/${maker.lease.id}/notice`).set(t.admin)).status).toBe(200);
    }, 30_000);

    const { page } = await t.newPage({ width: 375 });
    await t.signIn(page, maker.user.email, maker.user.password);
    await page.goto('/my/space');
    await expect(page.locator('.notice-letter p').first().textContent()).resolves.toMatch(/^Op 01-03-2012 is de huur opgezegd/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const letter = await page.context().request.get((await page.locator('.notice-letter a').getAttribute('href'))!);
    expect(letter.status()).toBe(200);
    expect((await letter.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
