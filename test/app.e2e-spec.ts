import { DataSource } from 'typeorm';
import { eventually } from './helpers/eventually.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const embedded = !process.env.DATABASE_URL;

describe('the running app with demo data', () => {
  let t: TestApp;
  // Loading the whole demo (300 leases, their invoices and PDFs) takes a while on a busy 2-core machine.
  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true' });
  }, 180_000);
  afterAll(() => t.close());

  it('answers /health with the database and the queue', async () => {
    const response = await t.http().get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up', queue: process.env.REDIS_URL ? 'up' : 'inline' });
  });

  it('serves OpenAPI at /docs with every path of the contract and described DTOs', async () => {
    expect((await t.http().get('/docs')).status).toBe(200);
    const document = (await t.http().get('/docs-json')).body;
    for (const path of [
      '/api/auth/login',
      '/api/me',
      '/api/users',
      '/api/organisations',
      '/api/buildings',
      '/api/buildings/{id}',
      '/api/buildings/{buildingId}/floors',
      '/api/floors/{floorId}/spaces',
      '/health',
    ]) {
      expect(Object.keys(document.paths)).toContain(path);
    }
    for (const dto of ['CreateBuildingDto', 'BuildingResponseDto', 'CreateSpaceDto', 'LoginDto', 'ErrorResponseDto', 'FloorOverviewDto']) {
      expect(Object.keys(document.components.schemas[dto].properties).length).toBeGreaterThan(0);
    }
  });

  it('loads the Volkskrantgebouw: 8 floors, about 10,000 m², the four organisations', async () => {
    const buildings = await t.http().get('/api/buildings').set(t.admin);
    expect(buildings.body.items).toEqual([
      expect.objectContaining({
        name: 'Volkskrantgebouw',
        kind: 'temporary',
        useStart: '2007-06-01',
        useEnd: '2013-07-01',
        invoicePrefix: 'VKG',
        city: 'Amsterdam',
      }),
    ]);
    const floors = await t.http().get(`/api/buildings/${buildings.body.items[0].id}/floors`).set(t.admin);
    expect(floors.body.items.map((floor: { level: number }) => floor.level)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const area = floors.body.items.reduce((sum: number, floor: { lettableAreaM2: number }) => sum + floor.lettableAreaM2, 0);
    expect(area).toBeGreaterThan(9_500);
    expect(area).toBeLessThan(10_500);
    const organisations = await t.http().get('/api/organisations').set(t.admin);
    expect(organisations.body.items.map((o: { name: string }) => o.name).sort()).toEqual([
      'Bureau Broedplaatsen',
      'Magnificent 8',
      'Stadgenoot',
      'Stichting Urban Resort',
    ]);
  });

  it('lets about 300 makers rent over the three bands, within the head lease', async () => {
    const building = (await t.http().get('/api/buildings').set(t.admin)).body.items[0];
    const leases = await t.http().get(`/api/leases?buildingId=${building.id}&limit=1000`).set(t.admin);
    expect(leases.body.total).toBeGreaterThan(280);
    expect(leases.body.total).toBeLessThan(320);
    const perBand = new Map<string, number>();
    for (const lease of leases.body.items) perBand.set(lease.bandCode, (perBand.get(lease.bandCode) ?? 0) + 1);
    expect([...perBand.keys()].sort()).toEqual(['A', 'B', 'C']);
    // The sale of 2011 ended the leases of the lower floors, the café's included; none outlives the head lease.
    expect(leases.body.items.filter((lease: { endDate: string | null }) => lease.endDate === null || lease.endDate > '2013-07-01')).toEqual(
      [],
    );
    const occupancy = await t.http().get(`/api/buildings/${building.id}/occupancy?date=2011-06-01`).set(t.admin);
    expect(occupancy.body.occupancyRate).toBeGreaterThan(0.9);
    expect((await t.http().get(`/api/tenants?buildingId=${building.id}&limit=1`).set(t.admin)).body.total).toBe(leases.body.total);
  });

  it('has invoices for October and November 2011: October paid, November partly, every PDF stored', async () => {
    const building = (await t.http().get('/api/buildings').set(t.admin)).body.items[0];
    const leases = (await t.http().get(`/api/leases?buildingId=${building.id}&limit=1`).set(t.admin)).body.total;
    const january = (await t.http().get(`/api/invoices?buildingId=${building.id}&period=2011-10&limit=1000`).set(t.admin)).body;
    const february = (await t.http().get(`/api/invoices?buildingId=${building.id}&period=2011-11&limit=1000`).set(t.admin)).body;
    expect(january.total).toBe(leases);
    expect(february.total).toBe(leases);
    expect(january.items[0]).toMatchObject({ number: 'VKG-2011-000001', issueDate: '2011-10-01' });
    expect(january.items.every((invoice: { status: string }) => invoice.status === 'paid')).toBe(true);
    const open = february.items.filter((invoice: { status: string }) => invoice.status === 'open');
    expect(open.length).toBeGreaterThan(leases / 4);
    expect(open.some((invoice: { paidCents: number }) => invoice.paidCents > 0)).toBe(true);
    await eventually(
      async () => {
        const pending = (await t.http().get(`/api/invoices?buildingId=${building.id}&limit=1000`).set(t.admin)).body.items.filter(
          (invoice: { pdfReady: boolean }) => !invoice.pdfReady,
        );
        expect(pending).toHaveLength(0);
      },
      120_000,
      500,
    );
  }, 180_000);

  it('has the 2007 round: twelve groups, eight floors allocated (Oostblok on the first), four waitlisted', async () => {
    const building = (await t.http().get('/api/buildings').set(t.admin)).body.items[0];
    const floors = (await t.http().get(`/api/buildings/${building.id}/floors`).set(t.admin)).body.items;
    expect(floors.map((floor: { groupName: string | null }) => floor.groupName).every(Boolean)).toBe(true);
    expect(floors.find((floor: { level: number }) => floor.level === 1).groupName).toBe('Oostblok');
    const occupancy = (await t.http().get(`/api/buildings/${building.id}/occupancy?date=2012-01-01`).set(t.admin)).body;
    expect(occupancy.floors[1].groupName).toBe('Oostblok');
    const dataSource = t.app.get(DataSource);
    const [round] = await dataSource.query(`SELECT id FROM application_round`);
    const ranking = (await t.http().get(`/api/application-rounds/${round.id}/ranking`).set(t.admin)).body.items;
    expect(ranking).toHaveLength(12);
    expect(ranking.filter((item: { status: string }) => item.status === 'allocated')).toHaveLength(8);
    expect(ranking.filter((item: { status: string }) => item.status === 'waitlisted')).toHaveLength(4);
    expect(ranking[0].groupName).toBe('Oostblok');
  });

  it('has the owner’s finance and the 2011 sale to Magnificent 8, keeping the top third as broedplaats', async () => {
    const dataSource = t.app.get(DataSource);
    const [handover] = await dataSource.query(`SELECT id FROM handover`);
    await eventually(async () => {
      expect((await t.http().get(`/api/handovers/${handover.id}`).set(t.admin)).body).toMatchObject({
        status: 'completed',
        transferDate: '2011-12-01',
        dossierReady: true,
      });
    }, 60_000);
    const building = (await t.http().get('/api/buildings').set(t.admin)).body.items[0];
    const [buyer] = await dataSource.query(`SELECT id FROM organisation WHERE name = 'Magnificent 8'`);
    expect(building.ownerId).toBe(buyer.id);
    const occupancy = (await t.http().get(`/api/buildings/${building.id}/occupancy?date=2012-06-01`).set(t.admin)).body;
    expect(
      occupancy.floors.filter((floor: { letAreaM2: number }) => floor.letAreaM2 > 0).map((floor: { level: number }) => floor.level),
    ).toEqual([0, 5, 6, 7]);
    const balance = (await t.http().get(`/api/buildings/${building.id}/owner-balance?year=2012`).set(t.admin)).body;
    expect(balance).toMatchObject({ rentIncomeCents: 45_000_000, interestCostCents: 45_000_000, balanceCents: 0 });
    expect(balance.investments.map((investment: { amountCents: number }) => investment.amountCents)).toEqual([
      20_000_000, 6_500_000, 30_000_000,
    ]);
    const cafe = (await t.http().get(`/api/leases?buildingId=${building.id}&limit=1000`).set(t.admin)).body.items.find(
      (lease: { noticeMonths: number }) => lease.noticeMonths === 12,
    );
    expect(cafe).toMatchObject({ endDate: '2012-09-01', noticeGivenOn: '2011-09-01' });
  }, 90_000);

  it('loads the demo once, however often the app boots', async () => {
    const demo = t.app.get(DataSource);
    const again = (await import('../src/demo/demo-data.service.js')).DemoDataService;
    await t.app.get(again).onApplicationBootstrap();
    expect(Number((await demo.query('SELECT count(*) AS n FROM building'))[0].n)).toBe(1);
  });

  (embedded ? it : it.skip)('has a sign-in per role in the embedded demo, each seeing its own part', async () => {
    // After the 2011 sale the building is Magnificent 8's; Stadgenoot keeps reading it as its former owner, and the dossier.
    const owner = await t.login('owner@example.org', 'broedplaats');
    expect((await t.http().get('/api/buildings').set(owner)).body.total).toBe(1);
    const buyer = await t.login('buyer@example.org', 'broedplaats');
    expect((await t.http().get('/api/buildings').set(buyer)).body.total).toBe(1);
    const monitor = await t.login('monitor@example.org', 'broedplaats');
    expect((await t.http().get('/api/buildings').set(monitor)).body.total).toBe(1);
    const tenant = await t.login('tenant@example.org', 'broedplaats');
    expect((await t.http().get('/api/me').set(tenant)).body.role).toBe('tenant');
    const ownLeases = await t.http().get('/api/leases').set(tenant);
    expect(ownLeases.body.total).toBe(1);
    expect(ownLeases.body.items[0]).toMatchObject({ startDate: '2008-01-01', endDate: '2013-06-30' });
  });

  (embedded ? it.skip : it)('creates no demo sign-ins on a real database', async () => {
    expect((await t.http().post('/api/auth/login').send({ email: 'owner@example.org', password: 'broedplaats' })).status).toBe(401);
  });
});
