import type { Page } from 'playwright-core';
import { SYSTEM_PRINCIPAL } from '../../src/common/auth/principal.js';
import { FixedClock } from '../../src/common/clock/clock.js';
import { ReportsService } from '../../src/modules/reports/reports.service.js';
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

const BAND_A = 2_000_000;
const BAND_B = 3_000_000;

describeInBrowser('the city reads its monitor in the browser', () => {
  let t: WebTestApp;
  const stamp = Date.now();
  const city = `Zaanstad ${stamp}`;
  const elsewhere = `Haarlem ${stamp}`;
  let cityUser: { email: string; password: string };
  let otherCityUser: { email: string; password: string };
  let broedplaats: { id: string; name: string };
  let otherCitysBuilding: { id: string; name: string };
  /** Every person's name in the data: tenants and the members of a waitlisted group; none may appear on the city's pages. */
  const names: string[] = [];

  /**
   * One broedplaats in the city (and one in another city): from March 2012 five band-A designers and two band-B
   * dancers rent 20 m² studios of its 160 m², so band B's two are "<5" (and band A with them, or 7 − 5 would tell);
   * a waitlisted group of two wants it.
   */
  beforeAll(async () => {
    t = await startWebApp({}, { clock: FixedClock.on('2012-06-15') });
    const municipality = await createOrganisation(t, { kind: 'municipality', city });
    const otherMunicipality = await createOrganisation(t, { kind: 'municipality', city: elsewhere });
    cityUser = await createUser(t, { role: 'municipality', organisationId: municipality.id });
    otherCityUser = await createUser(t, { role: 'municipality', organisationId: otherMunicipality.id });
    const created = await createBuilding(t, { city, name: `Het Zaangebouw ${stamp}` });
    broedplaats = { id: created.id, name: created.name as string };
    const other = await createBuilding(t, { city: elsewhere, name: `Het Spaarnegebouw ${stamp}` });
    otherCitysBuilding = { id: other.id, name: other.name as string };

    const floor = await createFloor(t, broedplaats.id, { level: 1 });
    const letStudio = async (buildingId: string, floorId: string, income: number, discipline: string) => {
      const space = await createSpace(t, floorId, { areaM2: 20 });
      const tenant = await createTenant(t, { discipline });
      names.push(tenant.name as string);
      await assessBand(t, tenant.id, buildingId, income);
      await createLease(t, { tenantId: tenant.id, spaceId: space.id, startDate: '2012-03-01', endDate: '2012-12-31' });
    };
    for (let i = 0; i < 5; i++) await letStudio(broedplaats.id, floor.id, BAND_A, 'design');
    for (let i = 0; i < 2; i++) await letStudio(broedplaats.id, floor.id, BAND_B, 'dans');
    await createSpace(t, floor.id, { areaM2: 20 });
    const otherFloor = await createFloor(t, otherCitysBuilding.id, { level: 0 });
    await letStudio(otherCitysBuilding.id, otherFloor.id, BAND_A, 'film');

    const round = (
      await t
        .http()
        .post(`/api/buildings/${broedplaats.id}/application-rounds`)
        .set(t.admin)
        .send({ name: 'Ronde', opensOn: '2012-06-01', closesOn: '2012-06-30', floorIds: [floor.id] })
    ).body;
    const members = [
      { name: `Anouk Wachtmans ${stamp}`, email: `anouk-${stamp}@test.example`, discipline: 'film', requestedAreaM2: 20 },
      { name: `Bram Geduld ${stamp}`, email: `bram-${stamp}@test.example`, discipline: 'film', requestedAreaM2: 20 },
    ];
    names.push(...members.map((member) => member.name));
    const application = (
      await t
        .http()
        .post(`/api/application-rounds/${round.id}/applications`)
        .set(t.admin)
        .send({ groupName: `Wachtend ${stamp}`, plan: 'Een gezamenlijk plan', preferredFloorIds: [floor.id], members })
    ).body;
    await t.http().post(`/api/applications/${application.id}/submit`).set(t.admin);
    await t.http().post(`/api/applications/${application.id}/waitlist`).set(t.admin);
  });

  afterAll(() => t?.close());

  const cellText = async (page: Page, row: string, cell: string) =>
    (await page.locator(`table.city-buildings tr[data-building="${row}"] td[data-cell="${cell}"]`).textContent())?.trim();

  it('shows its own city’s buildings for the month, "<5" in the small cells exactly as the report, and never a name', async () => {
    const { page } = await t.newPage();
    await t.signIn(page, cityUser.email, cityUser.password);
    expect(new URL(page.url()).pathname).toBe('/city');
    await expect(page.locator('h1').textContent()).resolves.toBe('Broedplaatsmonitor');
    await expect(page.locator('#f-period').inputValue()).resolves.toBe('2012-06');

    const body = (await page.locator('main').innerText()) + (await page.title());
    expect(body).toContain(broedplaats.name);
    expect(body).not.toContain(otherCitysBuilding.name);
    for (const name of names) expect([name, body.includes(name)]).toEqual([name, false]);
    // The group's name is not a person's, but no page for the city names a group either.
    expect(body).not.toContain(`Wachtend ${stamp}`);

    // The same figures as the report's own file (the JSON the API gives the city for the month).
    const headers = await t.login(cityUser.email, cityUser.password);
    const requested = await t
      .http()
      .post('/api/reports')
      .set(headers)
      .send({ kind: 'municipality-monitor', period: '2012-06', format: 'json' });
    await eventually(async () =>
      expect((await t.http().get(`/api/reports/${requested.body.id}`).set(headers)).body.status).toBe('completed'),
    );
    const report = JSON.parse((await t.http().get(`/api/reports/${requested.body.id}/file`).set(headers).buffer(true)).text);
    expect(report.buildings.map((building: { buildingId: string }) => building.buildingId)).toEqual([broedplaats.id]);
    const [row] = report.buildings;
    expect(row).toMatchObject({
      tenants: 7,
      waitingList: '<5',
      bands: [
        { code: 'A', tenants: '<5' },
        { code: 'B', tenants: '<5' },
      ],
    });
    await expect(cellText(page, broedplaats.id, 'tenants')).resolves.toBe('7');
    await expect(cellText(page, broedplaats.id, 'waitingList')).resolves.toBe('<5');
    await expect(cellText(page, 'total', 'waitingList')).resolves.toBe(String(report.totals.waitingList));
    const bands = await page.locator('table.city-bands tbody tr').allInnerTexts();
    expect(bands.map((line) => line.split('\t').map((cell) => cell.trim()))).toEqual([
      ['Tarief A', '<5', 'afgeschermd'],
      ['Tarief B', '<5', 'afgeschermd'],
    ]);
    // A masked count gets no bar, and its label says so.
    const bandChart = page.locator('svg[aria-labelledby="chart-bands-title chart-bands-desc"]');
    await expect(bandChart.locator('text', { hasText: 'Tarief B (<5)' }).count()).resolves.toBe(1);
    await expect(bandChart.locator('rect[height="0.0"]').count()).resolves.toBe(2);
    await expect(page.locator('table.city-disciplines tbody tr').allInnerTexts()).resolves.toEqual(
      report.totals.disciplines.map(
        (discipline: { name: string; tenants: number | string }) => `${discipline.name}\t${discipline.tenants}`,
      ),
    );
    expect(report.totals.disciplines).toEqual([
      { name: 'dans', tenants: '<5' },
      { name: 'design', tenants: '<5' },
    ]);
  });

  it('changes the figures with the month picked, and shows twelve months as a trend with a text alternative', async () => {
    const { page } = await t.newPage();
    await t.signIn(page, cityUser.email, cityUser.password);
    const totalLet = () => page.locator('dd[data-total="area"]').textContent();
    await expect(totalLet()).resolves.toBe('160 m² / 140 m²');

    await page.locator('#f-period').fill('2012-02');
    await Promise.all([page.waitForURL((url) => url.search === '?period=2012-02'), page.locator('form.period-picker button').click()]);
    await expect(totalLet()).resolves.toBe('160 m² / 0 m²');
    await expect(cellText(page, broedplaats.id, 'tenants')).resolves.toBe('0');

    const trend = page.locator('svg[aria-labelledby="chart-trend-title chart-trend-desc"]');
    await expect(trend.locator('circle').count()).resolves.toBe(12);
    await expect(trend.locator('title').textContent()).resolves.toBe('Bezetting over twaalf maanden');
    await expect(trend.locator('desc').textContent()).resolves.toContain('2012-02');
    const months = await page.locator('table.city-trend tbody th').allTextContents();
    expect(months).toEqual([
      '2011-03',
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
    ]);

    // In June the trend reaches the studios let from March: 87,5% of the m² in its last four months.
    await page.goto('/city?period=2012-06');
    const occupancy = await page.locator('table.city-trend tbody tr td:nth-child(4)').allTextContents();
    expect(occupancy.slice(-5)).toEqual(['0%', '87,5%', '87,5%', '87,5%', '87,5%']);

    // A month that is none is refused beside the picker, never a 500.
    const refused = await page.goto('/city?period=2012-13');
    expect(refused?.status()).toBe(400);
    await expect(page.locator('#f-period-error').textContent()).resolves.toMatch(/\S/);
  });

  it('requests the month’s monitor as PDF, CSV and XLSX, each time landing on the list of reports', async () => {
    const { page } = await t.newPage();
    await t.signIn(page, cityUser.email, cityUser.password);
    await page.goto('/city?period=2012-05');
    for (const label of ['Als PDF', 'Als CSV', 'Als XLSX']) {
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/city/reports'),
        page.locator('form.downloads button', { hasText: label }).click(),
      ]);
      await page.goto('/city?period=2012-05');
    }
    const headers = await t.login(cityUser.email, cityUser.password);
    const listed = (await t.http().get('/api/reports?kind=municipality-monitor').set(headers)).body.items as {
      period: string;
      format: string;
      city: string;
    }[];
    expect(
      listed
        .filter((report) => report.period === '2012-05')
        .map((report) => [report.format, report.city])
        .sort(),
    ).toEqual([
      ['csv', city],
      ['pdf', city],
      ['xlsx', city],
    ]);
  });

  it('offers the newest monthly monitor the schedule made, to its own city only', async () => {
    const { page } = await t.newPage();
    await t.signIn(page, cityUser.email, cityUser.password);
    await expect(page.locator('section[aria-labelledby="scheduled-title"]').textContent()).resolves.toContain(
      'Er is nog geen maandelijkse monitor gemaakt.',
    );

    const reports = t.app.get(ReportsService);
    await reports.requestMonitorsFor('2012-04', SYSTEM_PRINCIPAL);
    const headers = await t.login(TEST_ADMIN.email, TEST_ADMIN.password);
    await eventually(async () => {
      const { items } = (await t.http().get('/api/reports?kind=municipality-monitor&status=completed').set(headers)).body;
      expect(items.filter((report: { city: string; period: string }) => report.city === city && report.period === '2012-04')).toHaveLength(
        2,
      );
    }, 30_000);

    await page.reload();
    const links = page.locator('ul.scheduled-monitor a[download]');
    await expect(links.allTextContents()).resolves.toEqual(['Download JSON', 'Download PDF']);
    const pdfHref = (await links.nth(1).getAttribute('href'))!;
    const file = await page.request.get(pdfHref);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('application/pdf');

    // Another city's user is told the file does not exist, and sees its own city's monitor instead.
    const other = await t.newPage();
    await t.signIn(other.page, otherCityUser.email, otherCityUser.password);
    expect((await other.page.request.get(pdfHref)).status()).toBe(404);
    const otherBody = await other.page.locator('main').innerText();
    expect(otherBody).toContain(otherCitysBuilding.name);
    expect(otherBody).not.toContain(broedplaats.name);
  });

  it('keeps the city out of everyone else’s pages, and everyone else out of the city’s', async () => {
    const { page } = await t.newPage();
    await t.signIn(page, cityUser.email, cityUser.password);
    for (const path of ['/dashboard', '/tenants', '/invoicing', '/reports', `/buildings/${broedplaats.id}`]) {
      expect([path, (await page.goto(path))?.status()]).toEqual([path, 403]);
    }
    // The makers' and owners' portals are theirs alone.
    for (const path of [
      '/my',
      '/my/invoices',
      '/my/hours',
      '/owner',
      '/owner/finance',
      '/owner/properties',
      '/owner/double-balance',
      '/time',
    ])
      expect([path, (await page.goto(path))!.status()]).toEqual([path, 403]);

    const tenantUser = await createUser(t, { role: 'tenant' });
    const ownerUser = await createUser(t, { role: 'owner', organisationId: (await createOrganisation(t, { kind: 'owner' })).id });
    for (const user of [tenantUser, ownerUser, TEST_ADMIN]) {
      const other = await t.newPage();
      await t.signIn(other.page, user.email, user.password);
      for (const path of ['/city', '/city?period=2012-05', '/city/vacancies', '/city/double-balance'])
        expect([user.email, path, (await other.page.goto(path))?.status()]).toEqual([user.email, path, 403]);
      const csrf = (await other.page.locator('form[action="/logout"] input[name=_csrf]').getAttribute('value'))!;
      const posted = await other.page.request.post('/city/monitor/downloads', { form: { _csrf: csrf, period: '2012-05', format: 'pdf' } });
      expect([user.email, posted.status()]).toEqual([user.email, 403]);
    }
  });

  it('has no serious accessibility violations, at desktop and at phone width, in Dutch and in English', async () => {
    for (const width of [1280, 375]) {
      for (const locale of ['nl-NL', 'en-GB']) {
        const { page } = await t.newPage({ width, locale });
        await t.signIn(page, cityUser.email, cityUser.password);
        await expect(page.locator('h1').textContent()).resolves.toBe(locale === 'nl-NL' ? 'Broedplaatsmonitor' : 'Broedplaats monitor');
        expect([width, locale, await seriousAxeViolations(page)]).toEqual([width, locale, []]);
        // At phone width the page itself does not scroll sideways: wide tables scroll in their own frame.
        const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
        expect([width, locale, overflow]).toEqual([width, locale, 0]);
      }
    }
  });
});
