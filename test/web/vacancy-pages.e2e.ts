import type { Page } from 'playwright-core';
import { FixedClock } from '../../src/common/clock/clock.js';
import { VacancyFilesService } from '../../src/modules/properties/vacancy-files.service.js';
import { describeInBrowser, problemsOnEveryPage, seriousAxeViolations, startWebApp, type WebTestApp } from '../helpers/browser.js';
import { createOrganisation, createUser } from '../helpers/factories.js';

type Account = { email: string; password: string };

/**
 * The vacancy pages: an owner registers an empty office near the Volkskrantgebouw and, once the
 * report falls due, files it; the city follows the clock, records a consultation and decides.
 */
describeInBrowser('the vacancy pages', () => {
  const clock = FixedClock.on('2026-03-02');
  let t: WebTestApp;
  let owner: Account;
  let city: Account;

  beforeAll(async () => {
    t = await startWebApp({}, { clock });
    const organisation = await createOrganisation(t, { kind: 'owner', name: 'Wibaut Vastgoed' });
    const municipality = await createOrganisation(t, { kind: 'municipality', city: 'Amsterdam', name: 'Bureau Broedplaatsen' });
    owner = await createUser(t, { role: 'owner', organisationId: organisation.id });
    city = await createUser(t, { role: 'municipality', organisationId: municipality.id });
  });
  afterAll(() => t.close());

  async function signedIn(account: Account): Promise<Page> {
    const { page } = await t.newPage();
    await t.signIn(page, account.email, account.password);
    return page;
  }

  it('runs from registering to a decision, every page axe-clean', async () => {
    const ownerPage = await signedIn(owner);
    await ownerPage.goto('/owner/properties');
    expect(await seriousAxeViolations(ownerPage)).toEqual([]);
    await ownerPage.locator('#f-address').fill('Wibautstraat 131');
    await ownerPage.locator('#f-district').fill('Oost');
    await ownerPage.locator('#f-totalM2').fill('800');
    await ownerPage.locator('#f-vacantM2').fill('900');
    await ownerPage.locator('#f-vacantSince').fill('2026-01-15');
    await ownerPage.locator('form.register-form button[type=submit]').click();
    await expect(ownerPage.locator('.field-error, .form-errors').first().textContent()).resolves.toMatch(/m²/);
    await ownerPage.locator('#f-vacantM2').fill('600');
    await Promise.all([ownerPage.waitForURL('**/owner/properties'), ownerPage.locator('form.register-form button[type=submit]').click()]);
    await expect(ownerPage.locator('table.owner-properties tbody tr').first().textContent()).resolves.toContain('Wibautstraat 131');
    await expect(ownerPage.locator('table.owner-properties tbody tr td').nth(3).textContent()).resolves.toContain('15-07-2026');

    clock.setDay('2026-07-20');
    await t.app.get(VacancyFilesService).markDue('2026-07-20');
    await ownerPage.goto('/owner/properties');
    await expect(ownerPage.locator('table.owner-properties tbody').textContent()).resolves.toContain('Melding verplicht');
    expect(await seriousAxeViolations(ownerPage)).toEqual([]);
    await ownerPage.locator('form.report-form textarea').fill('Verhuur gezocht; tijdelijk gebruik welkom tot de herontwikkeling');
    await Promise.all([ownerPage.waitForURL('**/owner/properties'), ownerPage.locator('form.report-form button[type=submit]').click()]);
    await expect(ownerPage.locator('table.owner-properties tbody').textContent()).resolves.toContain('Gemeld');
    await expect(ownerPage.locator('form.report-form').count()).resolves.toBe(0);

    clock.setDay('2026-08-03');
    const cityPage = await signedIn(city);
    await cityPage.goto('/city/vacancies');
    expect(await seriousAxeViolations(cityPage)).toEqual([]);
    await expect(cityPage.locator('table.city-vacancies tbody').textContent()).resolves.toContain('20-09-2026');
    await expect(cityPage.locator('table.pipeline tbody').textContent()).resolves.toContain('Oost');
    await Promise.all([cityPage.waitForURL('**/city/vacancies/*'), cityPage.locator('table.city-vacancies a').first().click()]);
    expect(await seriousAxeViolations(cityPage)).toEqual([]);
    await cityPage.locator('#f-parties').fill('Wibaut Vastgoed, Bureau Broedplaatsen');
    await cityPage.locator('#f-outcome').fill('Begane grond beschikbaar voor een broedplaats');
    await cityPage.locator('#f-nextStep').fill('Uitvraag onder koepels');
    await cityPage.locator('form.consultation-form button[type=submit]').click();
    await cityPage.waitForSelector('form.decision-form');
    await cityPage.locator('#f-motivation').fill('Tijdelijk gebruik voor vijf jaar');
    await cityPage.locator('#f-kind').selectOption('interim-use-agreed');
    await cityPage.locator('form.decision-form button[type=submit]').click();
    await expect(cityPage.locator('main').textContent()).resolves.toContain('Tijdelijk gebruik afgesproken');
    expect(await seriousAxeViolations(cityPage)).toEqual([]);

    // Every page of the file, at desktop and phone width, in Dutch and in English.
    const file = new URL(cityPage.url()).pathname;
    expect(await problemsOnEveryPage(t, owner, ['/owner/properties'])).toEqual([]);
    expect(await problemsOnEveryPage(t, city, ['/city/vacancies', file])).toEqual([]);
    // Another city's bureau does not see the file at all.
    const haarlem = await createOrganisation(t, { kind: 'municipality', city: 'Haarlem', name: 'Gemeente Haarlem' });
    const otherCity = await signedIn(await createUser(t, { role: 'municipality', organisationId: haarlem.id }));
    expect((await otherCity.goto(file))?.status()).toBe(404);
    await expect(otherCity.locator('main').textContent()).resolves.not.toContain('Wibautstraat 131');
  });
});
