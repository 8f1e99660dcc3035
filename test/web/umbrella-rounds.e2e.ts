import { FixedClock } from '../../src/common/clock/clock.js';
import { submittedApplication } from '../helpers/applications.js';
import { describeInBrowser, seriousAxeViolations, startWebApp, type WebTestApp } from '../helpers/browser.js';
import { createBuilding, createFloor, createSpace, createUser } from '../helpers/factories.js';
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
    const third = await submittedApplication(t, roundId, floorIds);

    // A colleague scored the second group 7 already; this admin scores it 9 and the first 6: the ranking follows.
    const colleague = await createUser(t, { role: 'admin' });
    const scored = await t
      .http()
      .post(`/api/applications/${second.id}/reviews`)
      .set(await t.login(colleague.email, colleague.password))
      .send({ score: 7 });
    expect(scored.status).toBe(201);
    await page.goto(`/applications/${second.id}`);
    await expect(page.locator('.score-summary').textContent()).resolves.toBe('Jouw score: — · gemiddelde tot nu toe: 7 (1 beoordelingen)');
    await page.locator('#f-score').fill('9');
    await Promise.all([page.waitForURL(/done=scored/), page.locator('form[action$="/review"] button').click()]);
    await expect(page.locator('.score-summary').textContent()).resolves.toBe('Jouw score: 9 · gemiddelde tot nu toe: 8 (2 beoordelingen)');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto(`/applications/${first.id}`);
    await page.locator('#f-score').fill('11');
    await page.locator('form[action$="/review"] button').click();
    await expect(page.locator('#f-score-error').textContent()).resolves.toBe('Hoogstens 10.');
    await page.locator('#f-score').fill('6');
    await Promise.all([page.waitForURL(/done=scored/), page.locator('form[action$="/review"] button').click()]);

    await page.goto(`/rounds/${roundId}`);
    const ranked = await page.locator('table.ranking tbody th a').allTextContents();
    const names = await Promise.all(
      [second.id, first.id, third.id].map(
        async (id) => (await t.http().get(`/api/applications/${id}`).set(t.admin)).body.groupName as string,
      ),
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
    await page.goto(`/applications/${third.id}`);
    await Promise.all([page.waitForURL(/done=rejected/), page.locator('form[action$="/reject"] button').click()]);
    await expect(page.locator('.application-status').textContent()).resolves.toBe('afgewezen');

    // The waitlisted group is offered the free floor: the round lists the offer with its deadline, the dashboard counts it.
    const offered = await t.http().post(`/api/application-rounds/${roundId}/offers`).set(t.admin);
    expect(offered.status).toBe(201);
    const replyBy = (await t.http().get(`/api/offers?floorId=${floorIds[1]}`).set(t.admin)).body.items[0].replyBy as string;
    await page.goto(`/rounds/${roundId}`);
    await expect(
      page.locator('table.offers tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent))),
    ).resolves.toEqual([[names[1], 'Verdieping 2', 'open', replyBy.split('-').reverse().join('-')]]);
    await expect(page.locator('table.applications tbody td').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['toegewezen', 'op de wachtlijst', 'afgewezen']),
    );
    await page.goto('/dashboard');
    await expect(page.locator(`tr[data-building="${buildingId}"] td`).nth(3).textContent()).resolves.toBe('1');

    // The floor map names the group on its floor; with no lease yet both spaces are vacant.
    await page.goto(`/buildings/${buildingId}`);
    await expect(page.locator('section.floor h3 .muted').allTextContents()).resolves.toEqual([
      expect.stringContaining(names[0]!),
      expect.stringContaining('geen groep'),
    ]);
    await expect(
      page.locator('svg.floor-map rect').evaluateAll((rects) => rects.map((rect) => rect.getAttribute('class'))),
    ).resolves.toEqual(['tile vacant', 'tile vacant']);
  });
});
