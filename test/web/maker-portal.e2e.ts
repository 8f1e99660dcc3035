import { randomBytes } from 'node:crypto';
import { FixedClock } from '../../src/common/clock/clock.js';
import { describeInBrowser, seriousAxeViolations, startWebApp, type WebTestApp } from '../helpers/browser.js';
import { eventually } from '../helpers/eventually.js';
import { createFloor, createOrganisation, createSpace, createUser } from '../helpers/factories.js';
import { invoiceMonth, invoiceOf, invoicingBuilding, makerWithLease } from '../helpers/maker.js';
import { TEST_ADMIN } from '../helpers/test-app.js';

describeInBrowser('the maker’s portal: its own details, its own records only, and accessible everywhere', () => {
  const clock = FixedClock.on('2012-03-10');
  let t: WebTestApp;
  let building: { id: string; ownerId: string };
  let roundId: string;
  let makerA: Awaited<ReturnType<typeof makerWithLease>>;
  let makerB: Awaited<ReturnType<typeof makerWithLease>>;
  const ids = { draft: '', submitted: '', theirs: '', invoice: '', theirInvoice: '' };

  async function apply(headers: Record<string, string>, floorId: string, submit: boolean): Promise<string> {
    const created = await t
      .http()
      .post(`/api/application-rounds/${roundId}/applications`)
      .set(headers)
      .send({
        groupName: `Groep ${randomBytes(3).toString('hex')}`,
        plan: 'Open ateliers voor de buurt',
        preferredFloorIds: [floorId],
        members: [{ name: 'Maker', email: `m-${randomBytes(4).toString('hex')}@test.example`, discipline: 'design', requestedAreaM2: 40 }],
      });
    expect(created.status).toBe(201);
    if (submit) expect((await t.http().post(`/api/applications/${created.body.id}/submit`).set(headers)).status).toBe(200);
    return created.body.id as string;
  }

  beforeAll(async () => {
    t = await startWebApp({}, { clock });
    const made = await invoicingBuilding(t, 'MKP');
    building = { id: made.building.id, ownerId: made.building.ownerId as string };
    makerA = await makerWithLease(t, building.id, made.floor.id);
    makerB = await makerWithLease(t, building.id, made.floor.id);
    await invoiceMonth(t, clock, building.id, '2012-03', '2012-03-10');
    ids.invoice = (await invoiceOf(t, makerA.tenant.id, '2012-03')).id;
    ids.theirInvoice = (await invoiceOf(t, makerB.tenant.id, '2012-03')).id;

    const floor = await createFloor(t, building.id, { level: 2 });
    await createSpace(t, floor.id, { areaM2: 300 });
    const round = await t
      .http()
      .post(`/api/buildings/${building.id}/application-rounds`)
      .set(t.admin)
      .send({ name: 'Ronde voorjaar 2012', opensOn: '2012-03-01', closesOn: '2012-04-15', floorIds: [floor.id] });
    expect(round.status).toBe(201);
    roundId = round.body.id;
    const headersA = await t.login(makerA.user.email, makerA.user.password);
    ids.draft = await apply(headersA, floor.id, false);
    ids.submitted = await apply(headersA, floor.id, true);
    ids.theirs = await apply(await t.login(makerB.user.email, makerB.user.password), floor.id, true);
    // Maker A's submitted group is waitlisted and offered the floor, so every page has something to show.
    expect((await t.http().post(`/api/applications/${ids.submitted}/waitlist`).set(t.admin)).status).toBe(200);
    expect((await t.http().post(`/api/application-rounds/${roundId}/offers`).set(t.admin)).status).toBe(201);
  });

  afterAll(() => t?.close());

  it('has no serious axe violations on any page, at desktop and at phone width, in Dutch and in English, and fits a phone', async () => {
    const pages = [
      '/my',
      '/my/applications',
      `/my/applications/new?roundId=${roundId}`,
      `/my/applications/${ids.draft}`,
      `/my/applications/${ids.submitted}`,
      '/my/space',
      `/my/space/${makerA.lease.id}`,
      '/my/invoices',
      `/my/invoices/${ids.invoice}`,
      '/my/details',
      '/my/hours',
    ];
    for (const [locale, home] of [
      ['nl-NL', 'Mijn overzicht'],
      ['en-GB', 'My overview'],
    ] as const) {
      for (const width of [1280, 375]) {
        const { page } = await t.newPage({ locale, width });
        await t.signIn(page, makerA.user.email, makerA.user.password);
        await expect(page.locator('h1').textContent()).resolves.toBe(home);
        for (const path of pages) {
          const response = await page.goto(path);
          expect([path, response?.status()]).toEqual([path, 200]);
          expect([path, locale, width, await seriousAxeViolations(page)]).toEqual([path, locale, width, []]);
          if (width === 375) {
            const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
            expect([path, overflow]).toEqual([path, 0]);
          }
        }
      }
    }
  });

  it('shows a maker only its own records: another tenant’s invoice, PDF, lease, notice and application answer 404', async () => {
    const { page } = await t.newPage();
    await t.signIn(page, makerA.user.email, makerA.user.password);
    for (const path of [
      `/my/invoices/${ids.theirInvoice}`,
      `/my/invoices/${ids.theirInvoice}/pdf`,
      `/my/space/${makerB.lease.id}`,
      `/my/space/${makerB.lease.id}/notice`,
      `/my/applications/${ids.theirs}`,
    ]) {
      expect([path, (await page.goto(path))?.status()]).toEqual([path, 404]);
    }
    await expect(page.locator('h1').textContent()).resolves.toMatch(/\(404\)/);
    // Their offers cannot be answered either, and their invoices are not in the year's ZIP.
    expect((await page.goto(`/my/invoices/${ids.invoice}`))?.status()).toBe(200);
    const zip = await page.context().request.get('/my/invoices/archive/2012');
    expect(zip.status()).toBe(200);
    expect(
      (
        await t
          .http()
          .get(`/api/invoices/archive?tenantId=${makerB.tenant.id}&year=2012`)
          .set(await t.login(makerA.user.email, makerA.user.password))
      ).status,
    ).toBe(404);

    for (const path of ['/dashboard', '/tenants', '/invoicing', `/invoices/${ids.invoice}`, '/time', '/tenders', '/profiles']) {
      expect([path, (await page.goto(path))?.status()]).toEqual([path, 403]);
    }
  });

  it('keeps the portal to makers: an admin, an owner and the city get 403 on every /my page', async () => {
    const municipality = await createOrganisation(t, { kind: 'municipality', city: 'Amsterdam' });
    const owner = await createUser(t, { role: 'owner', organisationId: building.ownerId });
    const city = await createUser(t, { role: 'municipality', organisationId: municipality.id });
    for (const [email, password] of [
      [TEST_ADMIN.email, TEST_ADMIN.password],
      [owner.email, owner.password],
      [city.email, city.password],
    ]) {
      const { page } = await t.newPage();
      await t.signIn(page, email, password);
      for (const path of [
        '/my',
        '/my/applications',
        '/my/space',
        '/my/invoices',
        '/my/details',
        `/my/invoices/${ids.invoice}`,
        '/my/hours',
      ]) {
        expect([email, path, (await page.goto(path))?.status()]).toEqual([email, path, 403]);
      }
    }
  });

  it('lets a maker change its address, contact e-mail and language (audited), and its password', async () => {
    const { page } = await t.newPage({ width: 375 });
    await t.signIn(page, makerB.user.email, makerB.user.password);
    await page.goto('/my/details');
    await expect(page.locator('#f-address').inputValue()).resolves.toBe('Wibautstraat 150-3.14, 1091 GR Amsterdam');
    // A postcode that is none is refused beside its field, and nothing changes.
    await page.locator('#f-postcode').fill('12345');
    await page.locator('form.contact-form button').click();
    await expect(page.locator('#f-postcode-error').textContent()).resolves.toMatch(/\S/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator('#f-address').fill('Ceintuurbaan 12-2, 1072 GA Amsterdam');
    await page.locator('#f-postcode').fill('1072ga');
    await page.locator('#f-email').fill('post@oostblok.test');
    await Promise.all([page.waitForURL(/done=contact/), page.locator('form.contact-form button').click()]);
    await expect(page.locator('p[role=status]').textContent()).resolves.toBe('Je contactgegevens zijn opgeslagen.');
    const tenant = (await t.http().get(`/api/tenants/${makerB.tenant.id}`).set(t.admin)).body;
    expect(tenant).toMatchObject({ address: 'Ceintuurbaan 12-2, 1072 GA Amsterdam', postcode: '1072 GA', email: 'post@oostblok.test' });
    await eventually(async () => {
      const audit = (await t.http().get('/api/audit').query({ entity: 'tenant', id: makerB.tenant.id }).set(t.admin)).body;
      const updates = audit.items.filter((entry: { action: string }) => entry.action === 'tenant.updated');
      expect(updates).toHaveLength(1);
      expect(updates[0].userId).toBe(makerB.user.id);
      expect(JSON.stringify(updates[0].changes)).toContain('Ceintuurbaan 12-2');
    });

    // English from now on, for this user in any browser.
    await page.locator('#f-own-language').selectOption('en');
    await Promise.all([page.waitForURL(/done=language/), page.locator('form.language-form button').click()]);
    await expect(page.locator('h1').textContent()).resolves.toBe('My details');
    await expect(page.locator('p[role=status]').textContent()).resolves.toBe('Your language was saved.');
    const { page: elsewhere } = await t.newPage({ locale: 'nl-NL' });
    await t.signIn(elsewhere, makerB.user.email, makerB.user.password);
    await expect(elsewhere.locator('h1').textContent()).resolves.toBe('My overview');

    // A wrong current password is refused; the right one changes it, and this browser stays signed in.
    await page.locator('#f-currentPassword').fill('not-the-password');
    await page.locator('#f-newPassword').fill('a-new-long-enough-password');
    await page.locator('form.password-form button').click();
    await page.locator('form.password-form .form-errors').waitFor();
    await page.locator('#f-currentPassword').fill(makerB.user.password);
    await page.locator('#f-newPassword').fill('a-new-long-enough-password');
    await Promise.all([page.waitForURL(/done=password/), page.locator('form.password-form button').click()]);
    await expect(page.locator('p[role=status]').textContent()).resolves.toBe('Your password was changed.');
    expect((await t.http().post('/api/auth/login').send({ email: makerB.user.email, password: 'a-new-long-enough-password' })).status).toBe(
      200,
    );
  });

  it('lets a tenant change its own contact details through the API, and no one else’s', async () => {
    const headers = await t.login(makerA.user.email, makerA.user.password);
    const changed = await t.http().patch('/api/me/tenant').set(headers).send({ address: null });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: makerA.tenant.id, address: null });
    expect((await t.http().patch('/api/me/tenant').set(headers).send({ name: 'Someone else' })).status).toBe(400);
    expect((await t.http().patch('/api/me/tenant').set(headers).send({ email: 'not an address' })).status).toBe(400);
    expect((await t.http().patch('/api/me/tenant').set(headers).send({})).status).toBe(400);
    expect((await t.http().patch('/api/me/tenant').set(headers).send({ email: null })).status).toBe(400);
    expect((await t.http().patch('/api/me/tenant').set(t.admin).send({ address: 'Elders 1' })).status).toBe(403);
    expect((await t.http().get(`/api/tenants/${makerB.tenant.id}`).set(t.admin)).body.address).not.toBe(null);
  });
});
