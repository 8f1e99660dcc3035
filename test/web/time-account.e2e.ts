import type { Page } from 'playwright-core';
import { FixedClock } from '../../src/common/clock/clock.js';
import { describeInBrowser, problemsOnEveryPage, seriousAxeViolations, startWebApp, type WebTestApp } from '../helpers/browser.js';
import { createBuilding, createFloor, createOrganisation, createUser } from '../helpers/factories.js';
import { makerWithLease } from '../helpers/maker.js';
import { TEST_ADMIN } from '../helpers/test-app.js';

type Account = { email: string; password: string };

/** Makers record hours, their coordinator approves them; the umbrella, the owner and the city read the double balance. */
describeInBrowser('the time account’s pages', () => {
  let t: WebTestApp;
  let buildingId: string;
  const accounts: Record<'maker' | 'coordinator' | 'owner' | 'city', Account> = {} as never;

  beforeAll(async () => {
    t = await startWebApp({}, { clock: FixedClock.on('2012-06-15') });
    const owner = await createOrganisation(t, { kind: 'owner', name: 'Stadgenoot' });
    const city = await createOrganisation(t, { kind: 'municipality', city: 'Amsterdam', name: 'Bureau Broedplaatsen' });
    const building = await createBuilding(t, { ownerId: owner.id, name: 'Volkskrantgebouw' });
    buildingId = building.id;
    const floor = await createFloor(t, building.id, { level: 1 });
    const coordinator = await makerWithLease(t, building.id, floor.id);
    const maker = await makerWithLease(t, building.id, floor.id);
    const group = await t
      .http()
      .post(`/api/buildings/${building.id}/working-groups`)
      .set(t.admin)
      .send({ name: 'Bouw en onderhoud', coordinatorTenantId: coordinator.tenant.id });
    expect(group.status).toBe(201);
    accounts.maker = maker.user;
    accounts.coordinator = coordinator.user;
    const user = async (overrides: Record<string, unknown>) => {
      const created = await createUser(t, overrides);
      return { email: created.email, password: created.password };
    };
    accounts.owner = await user({ role: 'owner', organisationId: owner.id });
    accounts.city = await user({ role: 'municipality', organisationId: city.id });
  });
  afterAll(() => t?.close());

  async function signedIn(account: Account): Promise<Page> {
    const { page } = await t.newPage();
    await t.signIn(page, account.email, account.password);
    return page;
  }

  const cellsOf = (page: Page, selector: string) =>
    page
      .locator(`${selector} tbody tr`)
      .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent?.trim().replace(/\s+/g, ' '))));

  it('lets a maker record hours, refuses a day in the future, and the coordinator approves them', async () => {
    const maker = await signedIn(accounts.maker);
    await maker.goto('/my/hours');
    await expect(maker.locator('nav a[href="/my/hours"]').getAttribute('aria-current')).resolves.toBe('page');
    expect(await seriousAxeViolations(maker)).toEqual([]);

    await maker.locator('#f-date').fill('2012-06-16');
    await maker.locator('#f-hours').fill('2,75');
    await maker.locator('#f-workingGroupId').selectOption({ label: 'Bouw en onderhoud' });
    await maker.locator('#f-description').fill('Kozijnen geschilderd');
    await maker.locator('form.hours-form button[type=submit]').click();
    await expect(maker.locator('.form-errors, [role=alert]').first().textContent()).resolves.toContain('na vandaag');
    expect(await seriousAxeViolations(maker)).toEqual([]);

    await maker.locator('#f-date').fill('2012-06-14');
    await Promise.all([maker.waitForURL(/done=recorded/), maker.locator('form.hours-form button[type=submit]').click()]);
    await expect(cellsOf(maker, 'table.my-hours')).resolves.toEqual([
      ['14-06-2012', 'Gebouw en onderhoud', 'Bouw en onderhoud', '2,75', 'Kozijnen geschilderd', 'wacht op goedkeuring Trek in'],
    ]);

    const coordinator = await signedIn(accounts.coordinator);
    await coordinator.goto('/my/hours');
    await expect(coordinator.locator('table.to-approve tbody tr').count()).resolves.toBe(1);
    expect(await seriousAxeViolations(coordinator)).toEqual([]);
    await Promise.all([
      coordinator.waitForURL(/done=decided/),
      coordinator.locator('table.to-approve button', { hasText: 'Keur goed' }).click(),
    ]);
    await expect(coordinator.locator('table.to-approve').count()).resolves.toBe(0);

    await maker.goto('/my/hours');
    await expect(maker.locator('table.my-hours tbody tr').getAttribute('data-status')).resolves.toBe('approved');
    await expect(maker.locator('table.my-hours button').count()).resolves.toBe(0);
  });

  it('shows the umbrella the whole balance, the owner and the city totals with <5', async () => {
    const admin = await signedIn({ email: TEST_ADMIN.email, password: TEST_ADMIN.password });
    await admin.goto(`/time?building=${buildingId}&period=2012`);
    await expect(admin.locator('.total-hours strong').first().textContent()).resolves.toBe('2,75');
    await expect(admin.locator('tr[data-kind=building] td').allTextContents()).resolves.toEqual(['2,75', '1', '€ 55,00']);
    expect(await seriousAxeViolations(admin)).toEqual([]);

    const owner = await signedIn(accounts.owner);
    await owner.goto('/owner/double-balance?period=2012');
    await expect(owner.locator('.total-hours strong').allTextContents()).resolves.toEqual(['<5', '<5']);
    await expect(owner.locator('main').textContent()).resolves.not.toContain('2,75');
    expect(await seriousAxeViolations(owner)).toEqual([]);

    const city = await signedIn(accounts.city);
    await city.goto('/city/double-balance?period=2012');
    await expect(city.locator('.total-hours strong').allTextContents()).resolves.toEqual(['<5', '<5']);
    await expect(cellsOf(city, 'table.balance-buildings')).resolves.toEqual([expect.arrayContaining(['Volkskrantgebouw', '<5', '<5'])]);
    expect(await seriousAxeViolations(city)).toEqual([]);
  });

  it('has every page axe-clean and in its language, in Dutch and English, the portals also at phone width', async () => {
    const admin = { email: TEST_ADMIN.email, password: TEST_ADMIN.password };
    expect(await problemsOnEveryPage(t, admin, [`/time?building=${buildingId}&period=2012`], { phone: false })).toEqual([]);
    expect(await problemsOnEveryPage(t, accounts.maker, ['/my/hours'])).toEqual([]);
    expect(await problemsOnEveryPage(t, accounts.coordinator, ['/my/hours'])).toEqual([]);
    expect(await problemsOnEveryPage(t, accounts.owner, ['/owner/double-balance?period=2012'])).toEqual([]);
    expect(await problemsOnEveryPage(t, accounts.city, ['/city/double-balance?period=2012'])).toEqual([]);
  });
});
