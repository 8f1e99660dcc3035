import { FixedClock } from '../../src/common/clock/clock.js';
import { describeInBrowser, seriousAxeViolations, startWebApp, type WebTestApp } from '../helpers/browser.js';
import { createBuilding, seedLeases } from '../helpers/factories.js';
import { TEST_ADMIN } from '../helpers/test-app.js';

describeInBrowser('the umbrella requests reports in the browser', () => {
  let t: WebTestApp;
  let building: { id: string; name: string };

  beforeAll(async () => {
    t = await startWebApp({}, { clock: FixedClock.on('2012-03-15') });
    const created = await createBuilding(t);
    building = { id: created.id, name: created.name as string };
    await seedLeases(t, building.id, 6);
  });

  afterAll(() => t?.close());

  it('requests the owner’s report as PDF, CSV and XLSX, watches each reach "klaar" and downloads it; a bad period is refused beside its field', async () => {
    const { page } = await t.newPage();
    await t.signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.goto('/reports');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.locator('#f-buildingId').selectOption(building.id);
    await page.locator('#f-period').fill('maart');
    await page.locator('form[action="/reports"] button').click();
    await expect(page.locator('#f-period-error').textContent()).resolves.toMatch(/\S/);

    const types = { pdf: 'application/pdf', csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    for (const format of Object.keys(types) as (keyof typeof types)[]) {
      await page.locator('#f-kind').selectOption('owner-occupancy');
      await page.locator('#f-buildingId').selectOption(building.id);
      await page.locator('#f-period').fill('2012-02');
      await page.locator('#f-format').selectOption(format);
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/reports' && url.search === ''),
        page.locator('form[action="/reports"] button').click(),
      ]);
    }
    const rows = page.locator('table.reports tr.report');
    await expect(rows.count()).resolves.toBe(3);
    for (const row of await rows.all()) {
      await row.locator('.report-status', { hasText: 'klaar' }).waitFor({ timeout: 30_000 });
      const link = row.locator('a[download]');
      const format = ((await row.locator('td').nth(2).textContent()) ?? '').toLowerCase() as keyof typeof types;
      const file = await page.request.get((await link.getAttribute('href'))!);
      expect(file.status()).toBe(200);
      expect(file.headers()['content-type']).toContain(types[format]);
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
