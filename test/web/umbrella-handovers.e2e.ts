import { FixedClock } from '../../src/common/clock/clock.js';
import { describeInBrowser, seriousAxeViolations, startWebApp, type WebTestApp } from '../helpers/browser.js';
import { eventually } from '../helpers/eventually.js';
import { createBuilding, createOrganisation, createSpace, seedLeases } from '../helpers/factories.js';
import { TEST_ADMIN } from '../helpers/test-app.js';

describeInBrowser('the umbrella prepares a sale in the browser', () => {
  let t: WebTestApp;
  let buildingId: string;
  let buyer: { id: string; name: string };

  beforeAll(async () => {
    t = await startWebApp({}, { clock: FixedClock.on('2012-03-15') });
    const building = await createBuilding(t);
    buildingId = building.id;
    const created = await createOrganisation(t, { kind: 'owner', name: 'Magnificent 8' });
    buyer = { id: created.id, name: created.name as string };
    await seedLeases(t, building.id, 3); // floor 0
    await seedLeases(t, building.id, 2); // floor 1
    // A vacant studio on floor 1 of about the size of floor 0's: the relocation offer of those who must leave.
    const floors = (await t.http().get(`/api/buildings/${building.id}/floors`).set(t.admin)).body.items as { id: string; level: number }[];
    await createSpace(t, floors.find((floor) => floor.level === 1)!.id, { areaM2: 22, code: 'R1.01' });
  });

  afterAll(() => t?.close());

  it('previews who stays and who gets a notice, schedules the sale for a later date and cancels it', async () => {
    const { page } = await t.newPage();
    await t.signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.goto(`/buildings/${buildingId}/handovers`);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.locator('#f-newOwnerId').selectOption(buyer.id);
    await page.locator('#f-transferDate').fill('2012-06-01');
    await page.locator('#f-newUseEnd').fill('2013-01-01');
    await page.locator('label.check', { hasText: 'Verdieping 1' }).locator('input').check();
    await page.locator('button[value=preview]').click();
    await page.locator('section.preview').waitFor();
    await expect(page.locator('table.staying tbody tr').count()).resolves.toBe(2);
    await expect(page.locator('table.ending tbody tr').count()).resolves.toBe(3);
    await expect(page.locator('table.ending tbody tr').first().textContent()).resolves.toContain('01-06-2012');
    // One who leaves is offered the vacant studio; those who stay run past the new end of use, and say so.
    await expect(page.locator('table.ending tbody').textContent()).resolves.toContain('R1.01 (22 m²)');
    await expect(page.locator('table.staying tbody tr').first().textContent()).resolves.toContain('loopt na het einde van het gebruik');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Nothing changed by the preview.
    expect((await t.http().get(`/api/buildings/${buildingId}/handovers`).set(t.admin)).body.total).toBe(0);

    await Promise.all([page.waitForURL(/\/handovers\/[0-9a-f-]{36}$/), page.locator('button[value=schedule]').click()]);
    await expect(page.locator('.handover-status').textContent()).resolves.toBe('ingepland');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await Promise.all([page.waitForLoadState('load'), page.locator('form[action$="/cancel"] button').click()]);
    await expect(page.locator('.handover-status').textContent()).resolves.toBe('geannuleerd');
    await expect(page.locator('form[action$="/cancel"]').count()).resolves.toBe(0);

    // Dated today it is carried out at once: the floor that leaves shows so on the floor map, the dossier follows.
    await page.goto(`/buildings/${buildingId}/handovers`);
    await page.locator('#f-newOwnerId').selectOption(buyer.id);
    await page.locator('#f-transferDate').fill('2012-03-15');
    await page.locator('label.check', { hasText: 'Verdieping 1' }).locator('input').check();
    await Promise.all([page.waitForURL(/\/handovers\/[0-9a-f-]{36}$/), page.locator('button[value=schedule]').click()]);
    const handoverUrl = page.url();
    await eventually(async () => {
      await page.goto(handoverUrl);
      await expect(page.locator('.handover-status').textContent()).resolves.toBe('uitgevoerd');
      await expect(page.locator('a', { hasText: 'Download het dossier' }).count()).resolves.toBe(1);
    }, 30_000);
    await page.goto(`/buildings/${buildingId}`);
    await expect(page.locator('.left-note').allTextContents()).resolves.toEqual(['geen broedplaats vanaf 15-03-2012']);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
