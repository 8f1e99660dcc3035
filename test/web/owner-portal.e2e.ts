import type { Page } from 'playwright-core';
import { FixedClock } from '../../src/common/clock/clock.js';
import { describeInBrowser, seriousAxeViolations, startWebApp, type WebTestApp } from '../helpers/browser.js';
import { eventually } from '../helpers/eventually.js';
import {
  assessBand,
  createBuilding,
  createFloor,
  createLease,
  createOrganisation,
  createSpace,
  createTenant,
  createUser,
} from '../helpers/factories.js';
import { TEST_ADMIN } from '../helpers/test-app.js';

type Account = { email: string; password: string };

describeInBrowser('the owners’ portal', () => {
  let t: WebTestApp;
  let buildingId: string;
  let handoverId: string;
  let otherBuildingId: string;
  let otherHandoverId: string;
  const accounts: Record<'seller' | 'buyer' | 'other' | 'tenant' | 'city', Account> = {} as never;

  /**
   * Stadgenoot's building in use since 2007: floor 1 (two leases of 30 m²) and floor 2 (one lease of
   * 30 m², 20 m² vacant), leases from 1 June 2011. Sold to Magnificent 8 on 1 January 2012, keeping
   * floor 2 a broedplaats; the clock stands on 15 March 2012.
   */
  beforeAll(async () => {
    t = await startWebApp({}, { clock: FixedClock.on('2012-03-15') });
    const seller = await createOrganisation(t, { kind: 'owner', name: 'Stadgenoot' });
    const buyer = await createOrganisation(t, { kind: 'owner', name: 'Magnificent 8' });
    const city = await createOrganisation(t, { kind: 'municipality', city: 'Amsterdam', name: 'Bureau Broedplaatsen' });
    const building = await createBuilding(t, { ownerId: seller.id, name: 'Volkskrantgebouw' });
    buildingId = building.id;
    const floors = [await createFloor(t, building.id, { level: 1 }), await createFloor(t, building.id, { level: 2 })];
    for (const floor of [floors[0]!, floors[0]!, floors[1]!]) {
      const tenant = await createTenant(t, { name: 'Zoë Maker' });
      await assessBand(t, tenant.id, building.id, 2_000_000, 2010);
      const space = await createSpace(t, floor.id, { areaM2: 30 });
      await createLease(t, { tenantId: tenant.id, spaceId: space.id, startDate: '2011-06-01', endDate: '2013-06-30', noticeMonths: 1 });
    }
    await createSpace(t, floors[1]!.id, { areaM2: 20 });
    const finance = await t
      .http()
      .put(`/api/buildings/${building.id}/finance`)
      .set(t.admin)
      .send({
        headLeaseRentYearCents: 45_000_000,
        loanPrincipalCents: 800_000_000,
        interestRateBps: 450,
        investments: [
          { partyId: seller.id, description: 'Installaties', amountCents: 20_000_000, date: '2007-05-01' },
          { partyId: city.id, description: 'Brandveiligheid', amountCents: 6_500_000, date: '2008-02-01' },
          { partyId: seller.id, description: 'Dak', amountCents: 5_000_000, date: '2009-03-01' },
        ],
      });
    expect(finance.status).toBe(200);
    handoverId = await executedHandover(building.id, buyer.id, '2012-01-01', [floors[1]!.id]);

    // Another owner's building, sold by it to a third owner: none of it is Stadgenoot's or Magnificent 8's.
    const other = await createOrganisation(t, { kind: 'owner', name: 'Ymere' });
    const third = await createOrganisation(t, { kind: 'owner', name: 'De Key' });
    const otherBuilding = await createBuilding(t, { ownerId: other.id });
    const otherFloor = await createFloor(t, otherBuilding.id, { level: 0 });
    otherBuildingId = otherBuilding.id;
    otherHandoverId = await executedHandover(otherBuilding.id, third.id, '2012-02-01', [otherFloor.id]);

    const user = async (overrides: Record<string, unknown>) => {
      const created = await createUser(t, overrides);
      return { email: created.email, password: created.password };
    };
    accounts.seller = await user({ role: 'owner', organisationId: seller.id });
    accounts.buyer = await user({ role: 'owner', organisationId: buyer.id });
    accounts.other = await user({ role: 'owner', organisationId: other.id });
    accounts.tenant = await user({ role: 'tenant', tenantId: (await createTenant(t)).id });
    accounts.city = await user({ role: 'municipality', organisationId: city.id });
  });

  afterAll(() => t?.close());

  async function executedHandover(building: string, newOwnerId: string, transferDate: string, retainedFloorIds: string[]): Promise<string> {
    const started = await t
      .http()
      .post(`/api/buildings/${building}/handovers`)
      .set(t.admin)
      .send({ newOwnerId, transferDate, retainedFloorIds });
    expect(started.status).toBe(202);
    await eventually(async () => {
      const handover = (await t.http().get(`/api/handovers/${started.body.id}`).set(t.admin)).body;
      expect(handover).toMatchObject({ status: 'completed', dossierReady: true });
    }, 30_000);
    return started.body.id as string;
  }

  async function signedIn(account: Account, options: { locale?: string; width?: number } = {}): Promise<Page> {
    const { page } = await t.newPage(options);
    await t.signIn(page, account.email, account.password);
    return page;
  }

  const cellsOf = (page: Page, selector: string) =>
    page
      .locator(`${selector} tbody tr`)
      .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent?.trim())));

  it('shows the buyer its building: occupancy today and by month as a chart with its table, floors let and vacant, the floor that left apart', async () => {
    const page = await signedIn(accounts.buyer);
    expect(new URL(page.url()).pathname).toBe('/owner');
    await expect(page.locator('table.owned-buildings .occupancy-rate').allTextContents()).resolves.toEqual(['60%']);

    await Promise.all([page.waitForURL(`**/owner/buildings/${buildingId}`), page.locator('table.owned-buildings a').click()]);
    await expect(page.locator('dl.today .occupancy-rate').textContent()).resolves.toBe('60%');
    const chart = page.locator('svg.chart');
    await expect(chart.getAttribute('role')).resolves.toBe('img');
    await expect(chart.locator('title').textContent()).resolves.toBe('Bezetting van Volkskrantgebouw per maand');
    await expect(chart.locator('rect').count()).resolves.toBe(12);
    await expect(chart.locator('text.chart-axis').last().textContent()).resolves.toBe('mrt 12');
    const months = await cellsOf(page, 'table.months');
    expect(months.map((row) => row[0])).toEqual([
      '2011-04',
      '2011-05',
      '2011-06',
      '2011-07',
      '2011-08',
      '2011-09',
      '2011-10',
      '2011-11',
      '2011-12',
      '2012-01',
      '2012-02',
      '2012-03',
    ]);
    // Before the leases, with both floors, and from the sale on without the floor that left.
    expect(months[0]).toEqual(['2011-04', '0%', '0 m²', '110 m²']);
    expect(months[8]).toEqual(['2011-12', '81,8%', '90 m²', '110 m²']);
    expect(months[11]).toEqual(['2012-03', '60%', '30 m²', '50 m²']);
    await expect(cellsOf(page, 'table.floors')).resolves.toEqual([['Verdieping 2', 'geen groep', '30 m²', '20 m²', '60%']]);
    await expect(cellsOf(page, 'table.floors-left')).resolves.toEqual([['Verdieping 1', '60 m²', '01-01-2012']]);
  });

  it('lets the seller read rent against interest for a year before the sale, which the buyer never sees', async () => {
    const seller = await signedIn(accounts.seller);
    // The sold building is listed apart, with no occupancy of today.
    await expect(seller.locator('table.owned-buildings').count()).resolves.toBe(0);
    await expect(seller.locator('ul.sold-buildings li').allTextContents()).resolves.toEqual([expect.stringContaining('Volkskrantgebouw')]);
    await seller.goto('/owner/finance');
    await expect(seller.locator('table.balances tbody th').allTextContents()).resolves.toEqual(['2007', '2008', '2009', '2010', '2011']);
    await seller.locator('#f-year').selectOption('2011');
    await Promise.all([seller.waitForURL(/year=2011/), seller.locator('form.filters button').click()]);
    await expect(cellsOf(seller, 'table.balances')).resolves.toEqual([
      ['2011', '365', '€ 450.000,00', '€ 360.000,00', '€ 90.000,00', '81,8%'],
    ]);
    await expect(seller.locator('svg.chart').getAttribute('role')).resolves.toBe('img');
    await expect(seller.locator('svg.chart title').textContent()).resolves.toBe(
      'Huurinkomsten en rentelasten van Volkskrantgebouw per jaar',
    );
    await expect(cellsOf(seller, 'table.investments')).resolves.toEqual([
      ['Bureau Broedplaatsen', 'Brandveiligheid', '01-02-2008', '€ 65.000,00'],
      ['Stadgenoot', 'Installaties', '01-05-2007', '€ 200.000,00'],
      ['Stadgenoot', 'Dak', '01-03-2009', '€ 50.000,00'],
    ]);
    await expect(cellsOf(seller, 'table.investment-totals')).resolves.toEqual([
      ['Bureau Broedplaatsen', '€ 65.000,00'],
      ['Stadgenoot', '€ 250.000,00'],
    ]);

    const buyer = await signedIn(accounts.buyer);
    await buyer.goto(`/owner/finance?building=${buildingId}&year=2011`);
    // 2011 is none of the buyer's years: the picker does not offer it and the page shows its own years only.
    await expect(buyer.locator('#f-year option').allTextContents()).resolves.toEqual(['Alle jaren', '2012']);
    await expect(buyer.locator('table.balances tbody th').allTextContents()).resolves.toEqual(['2012']);
    await expect(buyer.locator('table.balances').textContent()).resolves.not.toContain('2011');
  });

  it('shows both owners the handover read only: the plan without the tenants’ names, and the owners’ dossier', async () => {
    for (const account of [accounts.seller, accounts.buyer]) {
      const page = await signedIn(account);
      await page.goto('/owner/handovers');
      await expect(cellsOf(page, 'table.handovers')).resolves.toEqual([
        ['Volkskrantgebouw', '01-01-2012', 'Stadgenoot', 'Magnificent 8', 'uitgevoerd'],
      ]);
      await Promise.all([page.waitForURL(`**/owner/handovers/${handoverId}`), page.locator('table.handovers a').click()]);
      await expect(page.locator('.handover-status').textContent()).resolves.toBe('uitgevoerd');
      await expect(page.locator('table.staying tbody tr').count()).resolves.toBe(1);
      await expect(page.locator('table.ending tbody tr').count()).resolves.toBe(2);
      await expect(page.locator('main').textContent()).resolves.not.toContain('Zoë Maker');
      // Read only: no form but the language switch and signing out, no button to cancel.
      await expect(page.locator('main form').count()).resolves.toBe(0);
      await expect(page.locator('main button').count()).resolves.toBe(0);
      const dossier = await page.request.get((await page.locator('a', { hasText: 'Download het dossier' }).getAttribute('href'))!);
      expect(dossier.status()).toBe(200);
      expect(dossier.headers()['content-type']).toContain('application/pdf');
      expect((await dossier.body()).includes(Buffer.from('Zoë'))).toBe(false);
    }
  });

  it('answers 404 for another owner’s building and handover, and 403 on the pages of other roles', async () => {
    const statusOf = async (page: Page, path: string) => (await page.goto(path))!.status();
    const owner = await signedIn(accounts.buyer);
    expect(await statusOf(owner, `/owner/buildings/${otherBuildingId}`)).toBe(404);
    expect(await statusOf(owner, `/owner/finance?building=${otherBuildingId}`)).toBe(404);
    expect(await statusOf(owner, `/owner/handovers/${otherHandoverId}`)).toBe(404);
    expect(await statusOf(owner, `/owner/handovers/${otherHandoverId}/dossier`)).toBe(404);
    expect(await statusOf(owner, '/owner/buildings/not-an-id')).toBe(404);
    // The seller no longer sees the building as it is today.
    expect(await statusOf(await signedIn(accounts.seller), `/owner/buildings/${buildingId}`)).toBe(404);
    for (const path of ['/dashboard', '/tenants', '/reports', '/city/reports', '/time', '/profiles'])
      expect([path, await statusOf(owner, path)]).toEqual([path, 403]);
    // The makers' and the city's portals are theirs alone.
    for (const path of ['/my', '/my/invoices', '/my/hours', '/city', '/city/vacancies', '/city/double-balance'])
      expect([path, await statusOf(owner, path)]).toEqual([path, 403]);

    const others = [
      await signedIn(accounts.tenant),
      await signedIn(accounts.city),
      await signedIn({ email: TEST_ADMIN.email, password: TEST_ADMIN.password }),
    ];
    for (const page of others) {
      for (const path of [
        '/owner',
        `/owner/buildings/${buildingId}`,
        '/owner/finance',
        '/owner/handovers',
        `/owner/handovers/${handoverId}`,
        '/owner/reports',
        '/owner/properties',
        '/owner/double-balance',
      ])
        expect([path, await statusOf(page, path)]).toEqual([path, 403]);
    }
    for (const page of [others[0]!, others[2]!]) expect(await statusOf(page, '/city/reports')).toBe(403);
  });

  it.each([
    ['nl-NL', 1280],
    ['nl-NL', 375],
    ['en-GB', 1280],
    ['en-GB', 375],
  ])('has no serious accessibility problem on any page (%s, %i px wide)', async (locale, width) => {
    const pages = [
      {
        account: accounts.buyer,
        paths: [
          '/owner',
          `/owner/buildings/${buildingId}`,
          '/owner/finance',
          '/owner/handovers',
          `/owner/handovers/${handoverId}`,
          '/owner/reports',
          '/owner/properties',
          '/owner/double-balance',
        ],
      },
      { account: accounts.seller, paths: ['/owner', '/owner/finance?year=2011'] },
      { account: accounts.city, paths: ['/city/reports', '/city/vacancies', '/city/double-balance', '/tenders'] },
    ];
    for (const { account, paths } of pages) {
      const page = await signedIn(account, { locale, width });
      for (const path of paths) {
        await page.goto(path);
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe(locale.slice(0, 2));
        expect([path, await seriousAxeViolations(page)]).toEqual([path, []]);
        if (width === 375) {
          // Usable on a phone: the page itself never scrolls sideways (wide tables scroll in their own box).
          const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
          expect([path, overflow]).toEqual([path, 0]);
        }
      }
    }
  });

  it('speaks English when asked', async () => {
    const english = await signedIn(accounts.buyer, { locale: 'en-GB' });
    await english.goto(`/owner/buildings/${buildingId}`);
    await expect(english.locator('h2').first().textContent()).resolves.toBe('Occupancy by month');
    await expect(english.locator('svg.chart title').textContent()).resolves.toBe('Occupancy of Volkskrantgebouw by month');
  });
});
