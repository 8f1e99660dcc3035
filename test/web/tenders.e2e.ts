import type { Page } from 'playwright-core';
import { FixedClock } from '../../src/common/clock/clock.js';
import { describeInBrowser, problemsOnEveryPage, seriousAxeViolations, startWebApp, type WebTestApp } from '../helpers/browser.js';
import { createOrganisation, createUser } from '../helpers/factories.js';

type Account = { email: string; password: string };

describeInBrowser('tender pages', () => {
  const clock = FixedClock.on('2026-03-02');
  let t: WebTestApp;
  let tenderId: string;
  const accounts = {} as Record<'umbrella' | 'city' | 'reviewer', Account>;

  beforeAll(async () => {
    t = await startWebApp({}, { clock });
    const owner = await createOrganisation(t, { kind: 'owner', name: 'Stadgenoot' });
    const city = await createOrganisation(t, { kind: 'municipality', city: 'Amsterdam', name: 'Gemeente Amsterdam' });
    const umbrella = await createOrganisation(t, { kind: 'umbrella', name: 'Urban Resort' });
    const user = async (overrides: Record<string, unknown>) => {
      const created = await createUser(t, overrides);
      return { id: created.id, email: created.email, password: created.password };
    };
    accounts.umbrella = await user({ role: 'admin', organisationId: umbrella.id });
    accounts.city = await user({ role: 'municipality', organisationId: city.id });
    const reviewer = await user({ role: 'municipality', organisationId: city.id });
    accounts.reviewer = reviewer;
    const property = await t
      .http()
      .post('/api/properties')
      .set(t.admin)
      .send({
        name: 'Wibautstraat 150',
        address: 'Wibautstraat 150',
        city: 'Amsterdam',
        district: 'Oost',
        useCategory: 'office',
        ownerId: owner.id,
        floors: [{ level: 0, totalM2: 2000, vacantM2: 2000 }],
      });
    expect(property.status).toBe(201);
    // Published for matching: the umbrella sees it on its profiles page once a profile of its own fits.
    const offered = await t
      .http()
      .post('/api/properties')
      .set(t.admin)
      .send({
        name: 'Mauritskade 60',
        address: 'Mauritskade 60',
        city: 'Amsterdam',
        district: 'Oost',
        useCategory: 'office',
        ownerId: owner.id,
        publication: 'matching',
        floors: [{ level: 0, totalM2: 3000, vacantM2: 3000 }],
      });
    expect(offered.status).toBe(201);
    const vacancy = await t.http().post(`/api/properties/${offered.body.id}/vacancies`).set(t.admin).send({
      vacantSince: '2025-06-01',
      reason: 'redevelopment',
      availableFrom: '2026-06-01',
      availableUntil: '2034-01-01',
    });
    expect(vacancy.status).toBe(201);
    const cityHeaders = await t.login(accounts.city.email, accounts.city.password);
    const tender = await t
      .http()
      .post('/api/tenders')
      .set(cityHeaders)
      .send({
        propertyId: property.body.id,
        title: 'Uitvraag Wibautstraat',
        closesOn: '2026-04-30',
        criteria: [
          { name: 'Visie', weight: 60 },
          { name: 'Buurt', weight: 40 },
        ],
        reviewerIds: [reviewer.id],
      });
    expect(tender.status).toBe(201);
    tenderId = tender.body.id;
  });

  afterAll(() => t?.close());

  async function signedIn(account: Account): Promise<Page> {
    const { page } = await t.newPage();
    await t.signIn(page, account.email, account.password);
    return page;
  }

  it('lets an umbrella submit its proposal, sealed, and keep a search profile; the pages are axe-clean', async () => {
    const page = await signedIn(accounts.umbrella);
    await page.goto('/tenders');
    await expect(page.locator('table.tenders tbody tr').count()).resolves.toBe(1);
    await page.goto(`/tenders/${tenderId}`);
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    await page.fill('#f-vision', 'Een broedplaats voor Oost');
    await page.fill('#f-rentToOwner', '45.000');
    await page.fill('#f-makerRents', '60 80 110');
    await page.fill('#f-termYears', '7');
    await page.fill('#f-programme', 'Open ateliers');
    await Promise.all([page.waitForURL(`**/tenders/${tenderId}?done=submitted`), page.click('form[action$="/proposals"] button')]);
    await expect(page.locator('section.proposal').count()).resolves.toBe(1);
    await expect(page.locator('form[action$="/proposals"]').count()).resolves.toBe(0);

    await page.goto('/profiles');
    await expect(page.locator('table.candidates').count()).resolves.toBe(0);
    await page.fill('#f-name', 'Kantoren in Oost');
    await page.fill('#f-minimumYears', '5');
    await page.fill('#f-minM2', '1000');
    await page.fill('#f-maxM2', '5000');
    await page.check('input[name="buildingTypes"][value="office"]');
    await Promise.all([page.waitForURL('**/profiles'), page.click('form[action="/profiles"] button')]);
    await expect(page.locator('table.profiles tbody tr').count()).resolves.toBe(1);
    await expect(page.locator('table.candidates tbody th').allTextContents()).resolves.toEqual(['Mauritskade 60']);
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
  });

  it('keeps proposals from the city until closing, then lets the reviewer score and the city award', async () => {
    const city = await signedIn(accounts.city);
    await city.goto(`/tenders/${tenderId}`);
    await expect(city.locator('section.proposal').count()).resolves.toBe(0);

    clock.setDay('2026-05-01');
    const reviewer = await signedIn(accounts.reviewer);
    await reviewer.goto(`/tenders/${tenderId}`);
    await reviewer.locator('section.proposal input[name="score_1"]').fill('8');
    await reviewer.locator('section.proposal input[name="score_2"]').fill('7');
    await Promise.all([reviewer.waitForURL(`**/tenders/${tenderId}?done=reviewed`), reviewer.click('section.proposal form button')]);
    await expect(seriousAxeViolations(reviewer)).resolves.toEqual([]);

    await city.goto(`/tenders/${tenderId}`);
    await expect(city.locator('table.result tbody td').nth(1).textContent()).resolves.toBe('7,6');
    await city.fill('#f-invoicePrefix', 'WBS');
    await city.fill('#f-useStart', '2026-09-01');
    await Promise.all([city.waitForURL(`**/tenders/${tenderId}?done=awarded`), city.click('form[action$="/award"] button')]);
    await expect(city.locator('dd.state').textContent()).resolves.toBe('Gegund');
    await expect(seriousAxeViolations(city)).resolves.toEqual([]);

    // Every tender page, in Dutch and in English; the city's also at phone width.
    expect(await problemsOnEveryPage(t, accounts.umbrella, ['/tenders', `/tenders/${tenderId}`, '/profiles'], { phone: false })).toEqual(
      [],
    );
    expect(await problemsOnEveryPage(t, accounts.city, ['/tenders', `/tenders/${tenderId}`])).toEqual([]);
  });
});
