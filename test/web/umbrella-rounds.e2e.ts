import { FixedClock } from '../../src/common/clock/clock.js';
import { submittedApplication } from '../helpers/applications.js';
import { describeInBrowser, seriousAxeViolations, startWebApp, type WebTestApp } from '../helpers/browser.js';
import { createBuilding, createFloor, createSpace } from '../helpers/factories.js';
import { TEST_ADMIN } from '../helpers/test-app.js';

describeInBrowser('the umbrella runs an application round in the browser', () => {
  let t: WebTestApp;
  let buildingId: string;

  beforeAll(async () => {
    t = await startWebApp({}, { clock: FixedClock.on('2007-03-10') });
    const building = await createBuilding(t, { useStart: '2007-01-01', useEnd: '2013-07-01' });
    buildingId = building.id;
    for (const level of [1, 2]) await createSpace(t, (await createFloor(t, building.id, { level })).id, { areaM2: 500 });
  });

  afterAll(() => t?.close());

  it('opens a round, scores and ranks its groups, allocates a floor, and a taken floor says so', async () => {
    const { page } = await t.newPage();
    await t.signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.goto(`/buildings/${buildingId}/rounds`);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Closing before it opens is refused beside the closing date.
    await page.locator('#f-name').fill('Ronde maart 2007');
    await page.locator('#f-opensOn').fill('2007-03-01');
    await page.locator('#f-closesOn').fill('2007-02-01');
    for (const box of await page.locator('input[name=floorIds]').all()) await box.check();
    await page.locator(`form[action="/buildings/${buildingId}/rounds"] button`).click();
    await expect(page.locator('#f-closesOn-error').textContent()).resolves.toMatch(/\S/);
    await expect(page.locator('#f-name').inputValue()).resolves.toBe('Ronde maart 2007');

    await page.locator('#f-closesOn').fill('2007-04-15');
    await Promise.all([
      page.waitForURL(/\/rounds\/[0-9a-f-]{36}$/),
      page.locator(`form[action="/buildings/${buildingId}/rounds"] button`).click(),
    ]);
    const roundId = page.url().split('/').pop()!;
    await expect(page.locator('h1').textContent()).resolves.toBe('Ronde maart 2007');

    const floorIds = (await t.http().get(`/api/application-rounds/${roundId}`).set(t.admin)).body.floorIds as string[];
    const first = await submittedApplication(t, roundId, floorIds);
    const second = await submittedApplication(t, roundId, floorIds);

    // Score the second group 8 and the first 6: the ranking follows.
    await page.goto(`/applications/${second.id}`);
    await expect(page.locator('.score-summary').textContent()).resolves.toBe('Jouw score: — · gemiddelde tot nu toe: — (0 beoordelingen)');
    await page.locator('#f-score').fill('8');
    await Promise.all([page.waitForURL(/done=scored/), page.locator('form[action$="/review"] button').click()]);
    await expect(page.locator('.score-summary').textContent()).resolves.toBe('Jouw score: 8 · gemiddelde tot nu toe: 8 (1 beoordelingen)');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto(`/applications/${first.id}`);
    await page.locator('#f-score').fill('11');
    await page.locator('form[action$="/review"] button').click();
    await expect(page.locator('#f-score-error').textContent()).resolves.toMatch(/\S/);
    await page.locator('#f-score').fill('6');
    await Promise.all([page.waitForURL(/done=scored/), page.locator('form[action$="/review"] button').click()]);

    await page.goto(`/rounds/${roundId}`);
    const ranked = await page.locator('table.ranking tbody th a').allTextContents();
    const names = await Promise.all(
      [second.id, first.id].map(async (id) => (await t.http().get(`/api/applications/${id}`).set(t.admin)).body.groupName as string),
    );
    expect(ranked).toEqual(names);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Allocate floor 1 to the best group; the other group's form then says floor 1 is taken, and allocating it is refused.
    await page.goto(`/applications/${second.id}`);
    await page.locator('#f-floorId').selectOption(floorIds[0]!);
    await Promise.all([page.waitForURL(/done=allocated/), page.locator('form[action$="/allocate"] button').click()]);
    await expect(page.locator('.application-status').textContent()).resolves.toBe('toegewezen');

    await page.goto(`/applications/${first.id}`);
    await expect(page.locator(`#f-floorId option[value="${floorIds[0]}"]`).textContent()).resolves.toContain(`bezet door ${names[0]}`);
    await page.locator('#f-floorId').selectOption(floorIds[0]!);
    await page.locator('form[action$="/allocate"] button').click();
    await page.locator('.form-errors').waitFor();
    await expect(page.locator('.application-status').textContent()).resolves.toBe('ingediend');

    await Promise.all([page.waitForURL(/done=waitlisted/), page.locator('form[action$="/waitlist"] button').click()]);
    await expect(page.locator('.application-status').textContent()).resolves.toBe('op de wachtlijst');
  });
});
