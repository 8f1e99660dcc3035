import { FixedClock } from '../../src/common/clock/clock.js';
import { describeInBrowser, problemsOnEveryPage, seriousAxeViolations, startWebApp, type WebTestApp } from '../helpers/browser.js';
import { assessBand, createLease, createLettableSpace, createSpace, createTenant, createUser } from '../helpers/factories.js';
import { TEST_ADMIN } from '../helpers/test-app.js';

describeInBrowser('the umbrella signs in and sees its buildings today', () => {
  let t: WebTestApp;
  let buildingName: string;
  let tenantUser: { email: string; password: string };
  let buildingId: string;
  let tenantName: string;

  beforeAll(async () => {
    t = await startWebApp({}, { clock: FixedClock.on('2012-03-15') });
    const { building, floor, space } = await createLettableSpace(t, { space: { areaM2: 40, code: 'A1.01' } });
    await createSpace(t, floor.id, { areaM2: 20, code: 'A1.02' });
    buildingName = building.name as string;
    buildingId = building.id;
    const tenant = await createTenant(t);
    tenantName = tenant.name as string;
    await assessBand(t, tenant.id, building.id, 1_800_000);
    await createLease(t, { tenantId: tenant.id, spaceId: space.id, startDate: '2012-01-01', endDate: '2012-05-31' });
    tenantUser = await createUser(t, { role: 'tenant', tenantId: tenant.id });
  });

  afterAll(() => t?.close());

  it('sends a visitor to sign in, refuses a wrong password in Dutch and opens the dashboard after the right one', async () => {
    const { page } = await t.newPage();
    await page.goto('/dashboard');
    expect(new URL(page.url()).pathname).toBe('/login');
    await expect(page.locator('h1').textContent()).resolves.toBe('Aanmelden');

    await page.locator('#email').fill(TEST_ADMIN.email);
    await page.locator('#password').fill('not-the-password-at-all');
    await page.locator('form[action="/login"] button[type=submit]').click();
    await expect(page.locator('#login-error').textContent()).resolves.toMatch(/wachtwoord/i);

    // What the dashboard sends the browser to run: htmx alone, from the app itself, gzipped to under 17 kB.
    const scripts: { url: string; encoding?: string; bytes: number }[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      const headers = response.headers();
      scripts.push({ url: response.url(), encoding: headers['content-encoding'], bytes: Number(headers['content-length']) });
    });
    await t.signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    const row = page.locator('tr', { has: page.locator(`a:text-is("${buildingName}")`) });
    await expect(row.locator('td').allTextContents()).resolves.toEqual(['66,7%', '20', '€ 0,00', '0', '0', '1']);
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The sign-in page loaded it first; the dashboard has it from the cache.
    expect([...new Set(scripts.map((script) => script.url))]).toEqual([`${t.baseUrl}/assets/htmx.min.js`]);
    expect(scripts[0]).toMatchObject({ encoding: 'gzip', bytes: expect.any(Number) });
    expect(scripts[0]!.bytes).toBeGreaterThan(10_000);
    expect(scripts[0]!.bytes).toBeLessThan(17_000);
  });

  it('switches to English and stays English after signing in again', async () => {
    const { page } = await t.newPage();
    await t.signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.locator('#language-choice').selectOption('en');
    await Promise.all([page.waitForLoadState('load'), page.locator('form[action="/language"] button').click()]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Dashboard');
    await Promise.all([page.waitForURL(/\/login/), page.locator('form[action="/logout"] button').click()]);
    await expect(page.locator('p.notice').textContent()).resolves.toBe('You are signed out.');
    await t.signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await expect(page.locator('h1').textContent()).resolves.toBe('Dashboard');

    // The choice is the user's: another browser (a Dutch one, no cookies) gets English once signed in.
    const { page: elsewhere } = await t.newPage({ locale: 'nl-NL' });
    await elsewhere.goto('/login');
    await expect(elsewhere.locator('h1').textContent()).resolves.toBe('Aanmelden');
    await t.signIn(elsewhere, TEST_ADMIN.email, TEST_ADMIN.password);
    await expect(elsewhere.locator('h1').textContent()).resolves.toBe('Dashboard');
    await elsewhere.locator('#language-choice').selectOption('nl');
    await Promise.all([elsewhere.waitForLoadState('load'), elsewhere.locator('form[action="/language"] button').click()]);
    await expect(elsewhere.locator('h1').textContent()).resolves.toBe('Overzicht');
  });

  it('guesses the language of a first visit from the browser: English for an English browser', async () => {
    const { page } = await t.newPage({ locale: 'en-GB' });
    await page.goto('/login');
    await expect(page.locator('h1').textContent()).resolves.toBe('Sign in');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
  });

  it('shows the building as a floor map whose tiles lead to their leases', async () => {
    const { page } = await t.newPage();
    await t.signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await Promise.all([page.waitForURL(`**/buildings/${buildingId}`), page.locator(`a:text-is("${buildingName}")`).click()]);
    const let_ = page.locator('a[data-space="A1.01"]');
    const vacant = page.locator('a[data-space="A1.02"]');
    await expect(let_.getAttribute('aria-label')).resolves.toMatch(/A1\.01, 40 m², verhuurd, tarief A/);
    await expect(vacant.getAttribute('aria-label')).resolves.toBe('Ruimte A1.02, 20 m², leeg');
    await expect(let_.locator('rect').getAttribute('class')).resolves.toBe('tile band-a');
    const [letWidth, vacantWidth] = await Promise.all([
      let_.locator('rect').getAttribute('width'),
      vacant.locator('rect').getAttribute('width'),
    ]);
    expect(Number(letWidth)).toBeGreaterThan(1.9 * Number(vacantWidth));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await Promise.all([page.waitForURL(/\/leases\//), let_.click()]);
    await expect(page.locator('dl.facts').textContent()).resolves.toContain(tenantName);
    await expect(page.locator('dl.facts').textContent()).resolves.toContain('01-01-2012 – 31-05-2012');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('corrects the building and a space: a bad area is refused beside its field, a good one shows on the map and in the audit log', async () => {
    const { page } = await t.newPage();
    await t.signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.goto(`/buildings/${buildingId}/edit`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator('#f-name').fill(`${buildingName} (gecorrigeerd)`);
    await Promise.all([page.waitForURL(/saved=1/), page.locator('main form button[type=submit]').click()]);
    await expect(page.locator('h1').textContent()).resolves.toBe(`${buildingName} (gecorrigeerd)`);
    buildingName = `${buildingName} (gecorrigeerd)`;

    await page.locator('details summary').first().click();
    await Promise.all([page.waitForURL(/\/spaces\/.*\/edit/), page.locator('a', { hasText: 'Corrigeer ruimte A1.02' }).click()]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator('#f-areaM2').fill('twintig');
    await page.locator('main form button[type=submit]').click();
    await expect(page.locator('#f-areaM2-error').textContent()).resolves.toMatch(/\S/);
    await page.locator('#f-areaM2').fill('22,5');
    await Promise.all([page.waitForURL(/saved=1/), page.locator('main form button[type=submit]').click()]);
    await expect(page.locator('a[data-space="A1.02"]').getAttribute('aria-label')).resolves.toBe('Ruimte A1.02, 22,5 m², leeg');
    await Promise.all([page.waitForURL(/\/floors\/.*\/edit/), page.locator('section.floor h3 a').first().click()]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const spaceId = (await t.http().get(`/api/buildings/${buildingId}/floors`).set(t.admin)).body.items[0].spaces.find(
      (space: { code: string }) => space.code === 'A1.02',
    ).id;
    const audit = await t.http().get(`/api/audit?entity=space&id=${spaceId}`).set(t.admin);
    expect(audit.body.items[0].changes).toContainEqual({ field: 'areaM2', before: 20, after: 22.5 });
  });

  it("gives a tenant's session 403 on every page of the umbrella, and on every form it posts", async () => {
    const { page } = await t.newPage();
    await t.signIn(page, tenantUser.email, tenantUser.password);
    const some = '00000000-0000-4000-8000-000000000000';
    const lease = (await t.http().get(`/api/leases?buildingId=${buildingId}`).set(t.admin)).body.items[0].id as string;
    const pages = [
      '/dashboard',
      `/buildings/${buildingId}`,
      `/buildings/${buildingId}/edit`,
      `/buildings/${buildingId}/rounds`,
      `/buildings/${buildingId}/handovers`,
      `/leases/${lease}`,
      '/leases/new',
      '/tenants',
      '/invoicing',
      '/invoices',
      '/reports',
      `/rounds/${some}`,
      `/applications/${some}`,
      `/invoices/${some}`,
      `/invoicing/runs/${some}`,
      `/handovers/${some}`,
      `/floors/${some}/edit`,
      `/spaces/${some}/edit`,
      `/tenants/${some}`,
      '/mandates',
      `/mandates/${some}`,
      `/tenants/${some}/mandates/new`,
      '/collections',
      `/collections/${some}`,
      `/collections/${some}/file`,
      '/bank-statements',
      `/bank-statements/${some}`,
      '/arrears',
      `/tenants/${some}/arrangements/new`,
      '/messages',
      `/messages/${some}`,
      '/time',
      '/tenders',
      `/tenders/${some}`,
      '/profiles',
    ];
    for (const path of pages) {
      const response = await page.goto(path);
      expect([path, response?.status()]).toEqual([path, 403]);
    }
    await expect(page.locator('[role=alert]').textContent()).resolves.toMatch(/\S/);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Posting a form (with the tenant's own valid CSRF token) is refused the same way, and changes nothing.
    const csrf = (await page.locator('form[action="/logout"] input[name=_csrf]').getAttribute('value'))!;
    const posted = await page.request.post(`/buildings/${buildingId}/edit`, { form: { _csrf: csrf, name: 'Overgenomen' } });
    expect(posted.status()).toBe(403);
    expect((await t.http().get(`/api/buildings/${buildingId}`).set(t.admin)).body.name).not.toBe('Overgenomen');
  });

  it("refuses a signed-in admin's form without its CSRF token, and changes nothing; ids that are none answer as pages, never 500", async () => {
    const { page } = await t.newPage();
    await t.signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    expect((await page.goto('/invoicing?buildingId=not-an-id'))?.status()).toBe(200);
    expect((await page.goto('/invoices?buildingId=not-an-id'))?.status()).toBe(400);
    expect((await page.goto('/buildings/not-an-id'))?.status()).toBe(404);
    expect((await page.goto('/nowhere-at-all'))?.status()).toBe(404);
    const posted = await page.request.post(`/buildings/${buildingId}/edit`, { form: { name: 'Zonder token' } });
    expect(posted.status()).toBe(403);
    expect(await posted.text()).toMatch(/formulier was verlopen/);
    expect((await t.http().get(`/api/buildings/${buildingId}`).set(t.admin)).body.name).not.toBe('Zonder token');
    // A file upload is a form like any other: without its token it is refused before the file is read.
    const upload = await page.request.post('/bank-statements', {
      multipart: { statement: { name: 'camt.xml', mimeType: 'application/xml', buffer: Buffer.from('<Document/>') } },
    });
    expect(upload.status()).toBe(403);
    expect((await page.goto('/mandates/not-an-id'))?.status()).toBe(404);
    expect((await page.goto('/collections?buildingId=not-an-id'))?.status()).toBe(200);
  });

  it('keeps its session in an httpOnly, SameSite=Lax cookie, and keeps to the API’s lockout of an address', async () => {
    const { page, context } = await t.newPage();
    await t.signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    const session = (await context.cookies()).find((cookie) => cookie.name === 'bp_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });

    // Ten wrong passwords through the API lock the address out of the pages too, the right password included.
    const user = await createUser(t, { role: 'tenant' });
    for (let attempt = 0; attempt < 10; attempt++)
      expect((await t.http().post('/api/auth/login').send({ email: user.email, password: 'wrong-password-here' })).status).toBe(401);
    const { page: locked } = await t.newPage();
    await locked.goto('/login');
    await locked.locator('#email').fill(user.email);
    await locked.locator('#password').fill(user.password);
    const [answer] = await Promise.all([
      locked.waitForResponse((response) => response.request().method() === 'POST'),
      locked.locator('form[action="/login"] button[type=submit]').click(),
    ]);
    expect(answer.status()).toBe(429);
    expect(new URL(locked.url()).pathname).toBe('/login');
    await expect(locked.locator('#login-error').textContent()).resolves.toMatch(/^Te veel mislukte inlogpogingen/);
  });

  it('refuses a form posted without its CSRF token, and signs nobody in', async () => {
    const anonymous = await t.http().post('/login').type('form').send({ email: TEST_ADMIN.email, password: TEST_ADMIN.password });
    expect(anonymous.status).toBe(403);
    expect(String(anonymous.headers['set-cookie'] ?? '')).not.toContain('bp_session=');
  });

  it('has the main pages of the workspace axe-clean and in their language, in Dutch and in English', async () => {
    const admin = { email: TEST_ADMIN.email, password: TEST_ADMIN.password };
    const { body } = await t.http().get(`/api/buildings/${buildingId}/floors`).set(t.admin);
    const floor = body.items[0] as { id: string; spaces: { id: string }[] };
    const lease = (await t.http().get(`/api/leases?buildingId=${buildingId}`).set(t.admin)).body.items[0].id as string;
    const pages = [
      '/dashboard',
      `/buildings/${buildingId}`,
      `/buildings/${buildingId}/edit`,
      `/floors/${floor.id}/edit`,
      `/spaces/${floor.spaces[0]!.id}/edit`,
      `/leases/${lease}`,
      '/leases/new',
      '/tenants',
      '/invoicing',
      '/reports',
      '/time',
    ];
    expect(await problemsOnEveryPage(t, admin, pages, { phone: false })).toEqual([]);
  });

  it('works at phone width with no serious accessibility violation on the sign-in page', async () => {
    const { page } = await t.newPage({ width: 375 });
    await page.goto('/login');
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('fits the workspace at phone width: no page of the umbrella scrolls sideways at 375 px', async () => {
    const { page } = await t.newPage({ width: 375 });
    await t.signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    const perBuilding = ['/mandates', '/collections', '/arrears'].map((path) => `${path}?buildingId=${buildingId}`);
    const paths = [
      ...['/dashboard', `/buildings/${buildingId}`, `/buildings/${buildingId}/rounds`, `/buildings/${buildingId}/handovers`],
      ...['/tenants', '/invoicing', '/invoices', '/reports', '/bank-statements', '/messages', '/time', '/tenders', '/profiles'],
      ...perBuilding,
    ];
    const overflowing: { path: string; pixels: number }[] = [];
    for (const path of paths) {
      await page.goto(path);
      const pixels = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      if (pixels > 0) overflowing.push({ path, pixels });
    }
    expect(overflowing).toEqual([]);
  });
});
