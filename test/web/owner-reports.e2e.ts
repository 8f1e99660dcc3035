import type { Page } from 'playwright-core';
import { FixedClock } from '../../src/common/clock/clock.js';
import { describeInBrowser, seriousAxeViolations, startWebApp, type WebTestApp } from '../helpers/browser.js';
import { createBuilding, createOrganisation, createUser, seedLeases } from '../helpers/factories.js';

const TYPES = { pdf: 'application/pdf', csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

describeInBrowser('owners and the city request reports in their portals', () => {
  let t: WebTestApp;
  let building: { id: string; name: string };
  let owner: { email: string; password: string };
  let city: { email: string; password: string };

  beforeAll(async () => {
    t = await startWebApp({}, { clock: FixedClock.on('2012-03-15') });
    const ownerOrganisation = await createOrganisation(t, { kind: 'owner', name: 'Stadgenoot' });
    const created = await createBuilding(t, { ownerId: ownerOrganisation.id });
    building = { id: created.id, name: created.name as string };
    await seedLeases(t, building.id, 6);
    owner = await createUser(t, { role: 'owner', organisationId: ownerOrganisation.id });
    const municipality = await createOrganisation(t, { kind: 'municipality', city: 'Amsterdam', name: 'Bureau Broedplaatsen' });
    city = await createUser(t, { role: 'municipality', organisationId: municipality.id });
  });

  afterAll(() => t?.close());

  /** Requests one report per format on the page at `path`, waits for each to be done and downloads it. */
  async function requestAndDownloadAll(page: Page, path: string, fill: () => Promise<void>): Promise<void> {
    for (const format of Object.keys(TYPES) as (keyof typeof TYPES)[]) {
      await fill();
      await page.locator('#f-period').fill('2012-02');
      await page.locator('#f-format').selectOption(format);
      await Promise.all([
        page.waitForURL((url) => url.pathname === path && url.search === ''),
        page.locator(`form[action="${path}"] button`).click(),
      ]);
    }
    const rows = page.locator('table.reports tr.report');
    await expect(rows.count()).resolves.toBe(3);
    for (const row of await rows.all()) {
      await row.locator('.report-status', { hasText: 'klaar' }).waitFor({ timeout: 30_000 });
      const href = (await row.locator('a[download]').getAttribute('href'))!;
      expect(href.startsWith(`${path}/`)).toBe(true);
      const format = ((await row.locator('td').nth(2).textContent()) ?? '').toLowerCase() as keyof typeof TYPES;
      const file = await page.request.get(href);
      expect(file.status()).toBe(200);
      expect(file.headers()['content-type']).toContain(TYPES[format]);
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
  }

  it('lets an owner request the occupancy report of its building and download it as PDF, CSV and XLSX', async () => {
    const { page } = await t.newPage();
    await t.signIn(page, owner.email, owner.password);
    await page.goto('/owner/reports');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Only the kind an owner may request, and only its own buildings.
    await expect(page.locator('#f-kind option').allTextContents()).resolves.toEqual(['Bezettingsrapport eigenaar', 'Dubbele balans']);
    await expect(page.locator('#f-buildingId option').allTextContents()).resolves.toEqual(['— kies —', building.name]);
    await expect(page.locator('#f-city').count()).resolves.toBe(0);

    await page.locator('#f-period').fill('maart');
    await page.locator('form[action="/owner/reports"] button').click();
    await expect(page.locator('#f-period-error').textContent()).resolves.toMatch(/\S/);

    await requestAndDownloadAll(page, '/owner/reports', () =>
      page
        .locator('#f-buildingId')
        .selectOption(building.id)
        .then(() => undefined),
    );
  });

  it('lets the city request the monitor of its own city and download it; it sees none of the owner’s requests', async () => {
    const { page } = await t.newPage();
    await t.signIn(page, city.email, city.password);
    await page.goto('/city/reports');
    await expect(page.locator('#f-kind option').allTextContents()).resolves.toEqual([
      'Broedplaatsmonitor',
      'Dubbele balans',
      'Leegstandspijplijn',
    ]);
    await expect(page.locator('#f-buildingId').count()).resolves.toBe(0);
    await expect(page.locator('table.reports').count()).resolves.toBe(0);
    await requestAndDownloadAll(page, '/city/reports', async () => undefined);

    // The owner's file is not the city's to download, through its own portal or the owner's.
    const { page: ownerPage } = await t.newPage();
    await t.signIn(ownerPage, owner.email, owner.password);
    await ownerPage.goto('/owner/reports');
    const ownerFile = (await ownerPage.locator('table.reports a[download]').first().getAttribute('href'))!;
    const reportId = ownerFile.split('/')[3]!;
    expect((await page.request.get(`/city/reports/${reportId}/file`)).status()).toBe(404);
    expect((await page.request.get(ownerFile)).status()).toBe(403);
  });
});
