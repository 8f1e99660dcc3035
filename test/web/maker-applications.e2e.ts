import { FixedClock } from '../../src/common/clock/clock.js';
import { createRound } from '../helpers/applications.js';
import { describeInBrowser, seriousAxeViolations, startWebApp, type WebTestApp } from '../helpers/browser.js';
import { createUser } from '../helpers/factories.js';

describeInBrowser('a maker applies with a group and answers offers in the browser', () => {
  let t: WebTestApp;
  let round: { roundId: string; floorIds: string[] };

  beforeAll(async () => {
    t = await startWebApp({}, { clock: FixedClock.on('2007-03-10') });
    round = await createRound(t, 2);
  });

  afterAll(() => t?.close());

  it('drafts an application, comes back to edit it (a member added and removed without script), submits it, then declines one offer and accepts another', async () => {
    const maker = await createUser(t, { role: 'tenant', name: 'Anneke de Vries' });
    const { page } = await t.newPage({ width: 375 });
    await page.route('**/assets/htmx.min.js', (route) => route.abort());
    await t.signIn(page, maker.email, maker.password);
    expect(new URL(page.url()).pathname).toBe('/my');

    await page.goto('/my/applications');
    await expect(page.locator('.open-rounds h3').textContent()).resolves.toBe('Ronde 2007');
    await Promise.all([page.waitForURL(/\/my\/applications\/new\?roundId=/), page.locator('.open-rounds a.button').click()]);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.locator('#f-groupName').fill('Oostblok');
    await page.locator('#f-plan').fill('Open ateliers voor de buurt');
    await page.locator(`input[name=preferredFloorIds][value="${round.floorIds[0]}"]`).check();
    await page.locator('#m-0-name').fill('Anneke de Vries');
    await page.locator('#m-0-email').fill('anneke@test.example');
    await page.locator('#m-0-discipline').fill('beeldende kunst');
    await page.locator('#m-0-area').fill('40');
    // Adding a member posts the form back with one more row, keeping what was typed; nothing is saved yet.
    await page.locator('button.add-member').click();
    await page.locator('#m-1-name').waitFor();
    await expect(page.locator('#m-0-name').inputValue()).resolves.toBe('Anneke de Vries');
    expect(
      (
        await t
          .http()
          .get('/api/applications?mine=true')
          .set(await t.login(maker.email, maker.password))
      ).body.total,
    ).toBe(0);
    await page.locator('#m-1-name').fill('Bram Bos');
    await page.locator('#m-1-email').fill('bram@test.example');
    await page.locator('#m-1-discipline').fill('muziek');
    await page.locator('#m-1-area').fill('veel');
    // An area that is no number is refused beside its field, the rest kept.
    await page.locator('button.save-draft').click();
    await expect(page.locator('#m-1-area-error').textContent()).resolves.toBe('Vul een getal in met hoogstens 2 cijfers achter de komma.');
    await expect(page.locator('#m-1-email').inputValue()).resolves.toBe('bram@test.example');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator('#m-1-area').fill('25,5');
    await Promise.all([page.waitForURL(/\/my\/applications\/[0-9a-f-]{36}\?done=saved$/), page.locator('button.save-draft').click()]);
    const applicationId = new URL(page.url()).pathname.split('/').pop()!;
    await expect(page.locator('p[role=status]').textContent()).resolves.toMatch(/Concept opgeslagen/);
    await expect(page.locator('.application-status').textContent()).resolves.toBe('concept');

    const headers = await t.login(maker.email, maker.password);
    let stored = (await t.http().get(`/api/applications/${applicationId}`).set(headers)).body;
    expect(stored).toMatchObject({ status: 'draft', groupName: 'Oostblok', preferredFloorIds: [round.floorIds[0]], requestedAreaM2: 65.5 });
    expect(stored.members.map((member: { email: string }) => member.email)).toEqual(['anneke@test.example', 'bram@test.example']);

    // Coming back later: the draft opens as its form, filled in; remove Bram, want both floors, and save.
    await page.goto('/my/applications');
    await expect(page.locator('table.my-applications .application-status').textContent()).resolves.toBe('concept');
    await Promise.all([page.waitForURL(/\/my\/applications\/[0-9a-f-]{36}$/), page.locator('table.my-applications th a').click()]);
    await expect(page.locator('#m-1-email').inputValue()).resolves.toBe('bram@test.example');
    await page.locator('button.remove-member[value="1"]').click();
    await page.locator('#m-1-name').waitFor({ state: 'detached' });
    await page.locator(`input[name=preferredFloorIds][value="${round.floorIds[1]}"]`).check();
    await page.locator('#f-plan').fill('Open ateliers en een werkplaats voor de buurt');
    await Promise.all([page.waitForURL(/done=saved/), page.locator('button.save-draft').click()]);
    stored = (await t.http().get(`/api/applications/${applicationId}`).set(headers)).body;
    expect(stored).toMatchObject({ status: 'draft', plan: 'Open ateliers en een werkplaats voor de buurt', requestedAreaM2: 40 });
    expect(stored.members).toHaveLength(1);
    expect([...stored.preferredFloorIds].sort()).toEqual([...round.floorIds].sort());

    await Promise.all([page.waitForURL(/done=submitted/), page.locator('button.submit-application').click()]);
    await expect(page.locator('.application-status').textContent()).resolves.toBe('ingediend');
    await expect(page.locator('#f-groupName').count()).resolves.toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The umbrella waitlists the group and offers it a free floor: the maker sees it with its area and deadline.
    expect((await t.http().post(`/api/applications/${applicationId}/waitlist`).set(t.admin)).status).toBe(200);
    expect((await t.http().post(`/api/application-rounds/${round.roundId}/offers`).set(t.admin)).status).toBe(201);
    await page.goto('/my');
    await expect(page.locator('li.offer').count()).resolves.toBe(1);
    await expect(page.locator('li.offer .offer-area').textContent()).resolves.toBe('500 m²');
    await expect(page.locator('li.offer .offer-reply-by').textContent()).resolves.toMatch(/^\d{2}-\d{2}-2007$/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const offerIdOf = async () => (await page.locator('li.offer form[action$="/accept"]').getAttribute('action'))!.split('/')[3]!;
    const declinedId = await offerIdOf();

    await Promise.all([page.waitForURL(/done=declined/), page.locator('li.offer button', { hasText: 'Afslaan' }).click()]);
    await expect(page.locator('p[role=status]').textContent()).resolves.toBe('Je hebt het aanbod afgeslagen.');
    await expect(page.locator('li.offer').count()).resolves.toBe(0);
    await expect(page.locator('table.my-applications .application-status').textContent()).resolves.toBe('op de wachtlijst');

    // The other floor is offered next; accepting it in one click allocates it to the group.
    expect((await t.http().post(`/api/application-rounds/${round.roundId}/offers`).set(t.admin)).status).toBe(201);
    await page.goto('/my/applications');
    const acceptedId = await offerIdOf();
    expect(acceptedId).not.toBe(declinedId);
    await Promise.all([page.waitForURL(/done=accepted/), page.locator('li.offer button', { hasText: 'Aannemen' }).click()]);
    await expect(page.locator('p[role=status]').textContent()).resolves.toMatch(/toegewezen/);
    await expect(page.locator('li.offer').count()).resolves.toBe(0);
    await expect(page.locator('table.my-applications .application-status').textContent()).resolves.toBe('toegewezen');

    const offers = (await t.http().get('/api/offers?mine=true').set(headers)).body.items as { id: string; status: string }[];
    expect(offers.find((offer) => offer.id === declinedId)?.status).toBe('declined');
    expect(offers.find((offer) => offer.id === acceptedId)?.status).toBe('accepted');
  });
});
