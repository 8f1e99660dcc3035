import { FixedClock } from '../../src/common/clock/clock.js';
import { describeInBrowser, seriousAxeViolations, startWebApp, type WebTestApp } from '../helpers/browser.js';
import { createLettableSpace, createTenant } from '../helpers/factories.js';
import { TEST_ADMIN } from '../helpers/test-app.js';

describeInBrowser('the umbrella finds a tenant and makes a lease in one form', () => {
  let t: WebTestApp;
  let tenant: { id: string; name: string };
  let spaceCode: string;

  beforeAll(async () => {
    t = await startWebApp({}, { clock: FixedClock.on('2012-03-15') });
    const { space } = await createLettableSpace(t, { space: { areaM2: 30 } });
    spaceCode = space.code as string;
    const created = await createTenant(t, { name: 'Ülkü Şahin-Łódź', email: 'ulku.sahin@example.org' });
    tenant = { id: created.id, name: created.name as string };
    await createTenant(t, { name: 'Someone Else' });
  });

  afterAll(() => t?.close());

  it('finds the tenant by part of its e-mail, and makes a lease whose income is used for the band and never shown again', async () => {
    const { page } = await t.newPage();
    await t.signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.goto('/tenants');
    await page.locator('#f-q').fill('ULKU.SAH');
    await Promise.all([page.waitForURL(/q=/), page.locator('form[role=search] button').click()]);
    await expect(page.locator('tbody th a').allTextContents()).resolves.toEqual([tenant.name]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    // And by part of its name, whatever the case.
    await page.locator('#f-q').fill('şahin-ł');
    await Promise.all([page.waitForURL(/q=%C5%9F/), page.locator('form[role=search] button').click()]);
    await expect(page.locator('tbody th a').allTextContents()).resolves.toEqual([tenant.name]);

    await Promise.all([page.waitForURL(`**/tenants/${tenant.id}`), page.locator('tbody th a').click()]);
    await expect(page.locator('h1').textContent()).resolves.toBe(tenant.name);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await Promise.all([page.waitForURL(/\/leases\/new\?tenantId=/), page.locator('a', { hasText: 'Nieuw huurcontract' }).click()]);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // An end before the start is refused beside the end date; the income typed is gone from the page.
    const spaceOption = page.locator('#f-spaceId option', { hasText: spaceCode });
    await page.locator('#f-spaceId').selectOption((await spaceOption.getAttribute('value'))!);
    await page.locator('#f-income').fill('18.765,43');
    await page.locator('#f-startDate').fill('2012-04-01');
    await page.locator('#f-endDate').fill('2012-03-01');
    await page.locator('form[action="/leases/new"] button[type=submit]').click();
    await page.locator('.form-errors').waitFor();
    const refused = await page.content();
    expect(refused).not.toMatch(/18[.,]?765/);
    await expect(page.locator('#f-income').inputValue()).resolves.toBe('');
    await expect(page.locator('#f-tenantId').inputValue()).resolves.toBe(tenant.id);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A missing income is refused beside the income field.
    await page.locator('#f-endDate').fill('2013-03-31');
    await page.locator('form[action="/leases/new"] button[type=submit]').click();
    await expect(page.locator('#f-income-error').textContent()).resolves.toMatch(/\S/);

    await page.locator('#f-income').fill('18.765,43');
    await Promise.all([
      page.waitForURL(/\/leases\/[0-9a-f-]{36}$/),
      page.locator('form[action="/leases/new"] button[type=submit]').click(),
    ]);
    await expect(page.locator('dl.facts').textContent()).resolves.toContain('01-04-2012 – 31-03-2013');
    expect(await page.content()).not.toMatch(/18[.,]?765/);

    await page.goto(`/tenants/${tenant.id}`);
    // The refused first try had already assessed the band: an assessment is a record of its own, kept.
    await expect(page.locator('table.assessments tbody tr').count()).resolves.toBe(2);
    await expect(page.locator('table.leases tbody td').first().textContent()).resolves.toBe('A');
    await expect(page.locator('table.leases tbody tr').count()).resolves.toBe(1);
    expect(await page.content()).not.toMatch(/18[.,]?765/);
  });
});
