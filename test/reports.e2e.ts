import { FixedClock } from '../src/common/clock/clock.js';
import { auditTrail } from './helpers/audit.js';
import { eventually } from './helpers/eventually.js';
import { binary } from './helpers/binary.js';
import {
  assessBand,
  createBuilding,
  createFloor,
  createLease,
  createOrganisation,
  createSpace,
  createTenant,
  createUser,
} from './helpers/factories.js';
import { pdfText } from './helpers/pdf-text.js';
import { recoverableByTotals } from './helpers/small-counts.js';
import { readXlsx, rowsOf } from './helpers/xlsx.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const A = 2_000_000;
const B = 3_000_000;
const C = 5_000_000;

describe('reports', () => {
  let t: TestApp;
  const city = `Zaanstad ${Date.now()}`;
  let municipality: { id: string };
  let owner: { id: string };
  let b1: { id: string };
  let b2: { id: string };

  /**
   * Two broedplaatsen in one city. B1 (temporary, 2007–2013): floor 1 has six 20 m² studios let to
   * five band-A designers from the neighbourhood and one band-C designer; floor 2 has a 40 m² studio
   * (band B, dance), a vacant 40 m² studio and a 40 m² café (band A, open-ended). B2 (permanent): one
   * 50 m² studio (band B, dance). A waitlisted group of two wants B1.
   */
  beforeAll(async () => {
    t = await startTestApp({}, { clock: FixedClock.on('2012-06-15') });
    municipality = await createOrganisation(t, { kind: 'municipality', city });
    owner = await createOrganisation(t, { kind: 'owner' });
    b1 = await createBuilding(t, { ownerId: owner.id, city, address: 'Wibautstraat 150, 1091 GR' });
    b2 = await createBuilding(t, { city, kind: 'permanent', useEnd: undefined, useStart: '2010-01-01' });
    await createBuilding(t, { city, useStart: '2001-01-01', useEnd: '2005-01-01' }); // ended before the period
    await createBuilding(t, { city: 'Elders' });

    const let_ = async (
      buildingId: string,
      floorId: string,
      space: Record<string, unknown>,
      income: number,
      tenant: Record<string, unknown>,
      lease: Record<string, unknown> = {},
    ) => {
      const s = await createSpace(t, floorId, space);
      const tn = await createTenant(t, tenant);
      await assessBand(t, tn.id, buildingId, income);
      await createLease(t, { tenantId: tn.id, spaceId: s.id, startDate: '2012-01-01', endDate: '2012-12-31', ...lease });
    };
    const first = await createFloor(t, b1.id, { level: 1 });
    const second = await createFloor(t, b1.id, { level: 2 });
    for (let i = 0; i < 5; i++) await let_(b1.id, first.id, { areaM2: 20 }, A, { discipline: 'design', postcode: '1093 KX' });
    await let_(b1.id, first.id, { areaM2: 20 }, C, { discipline: 'design' });
    await let_(b1.id, second.id, { areaM2: 40 }, B, { discipline: 'dans' });
    await createSpace(t, second.id, { areaM2: 40 });
    await let_(
      b1.id,
      second.id,
      { areaM2: 40, use: 'horeca', publicCounter: true },
      A,
      { discipline: 'horeca' },
      { endDate: undefined, noticeMonths: 12 },
    );
    const b2Floor = await createFloor(t, b2.id, { level: 0 });
    await let_(b2.id, b2Floor.id, { areaM2: 50 }, B, { discipline: 'dans' });

    await t
      .http()
      .put(`/api/buildings/${b1.id}/finance`)
      .set(t.admin)
      .send({
        headLeaseRentYearCents: 12_000_000,
        loanPrincipalCents: 100_000_000,
        interestRateBps: 500,
        investments: [
          { partyId: municipality.id, description: 'Installaties', amountCents: 1_000_000, date: '2010-01-01' },
          { partyId: municipality.id, description: 'Later', amountCents: 500_000, date: '2013-01-01' },
          { partyId: owner.id, description: 'Eigenaar', amountCents: 700_000, date: '2010-01-01' },
        ],
      });
    const round = (
      await t
        .http()
        .post(`/api/buildings/${b1.id}/application-rounds`)
        .set(t.admin)
        .send({ name: 'R', opensOn: '2012-06-01', closesOn: '2012-06-30', floorIds: [first.id] })
    ).body;
    const application = (
      await t
        .http()
        .post(`/api/application-rounds/${round.id}/applications`)
        .set(t.admin)
        .send({
          groupName: 'Wachtend',
          plan: 'p',
          preferredFloorIds: [first.id],
          members: [
            { name: 'W1', email: 'w1@test.example', discipline: 'film', requestedAreaM2: 20 },
            { name: 'W2', email: 'w2@test.example', discipline: 'film', requestedAreaM2: 20 },
          ],
        })
    ).body;
    await t.http().post(`/api/applications/${application.id}/submit`).set(t.admin);
    await t.http().post(`/api/applications/${application.id}/waitlist`).set(t.admin);
  });
  afterAll(() => t.close());

  async function fetchReport(headers: Record<string, string>, body: Record<string, unknown>): Promise<Buffer> {
    const requested = await t.http().post('/api/reports').set(headers).send(body);
    expect(requested.status).toBe(202);
    expect(requested.body).toMatchObject({ id: expect.any(String), status: expect.stringMatching(/queued|running|completed/) });
    await eventually(async () =>
      expect((await t.http().get(`/api/reports/${requested.body.id}`).set(headers)).body).toMatchObject({
        status: 'completed',
        progress: 100,
      }),
    );
    const file = await t.http().get(`/api/reports/${requested.body.id}/file`).set(headers).buffer(true).parse(binary);
    expect(file.status).toBe(200);
    expect(await auditTrail(t, 'report', requested.body.id, 1)).toEqual([
      expect.objectContaining({ action: 'report.completed', changes: expect.objectContaining({ kind: body.kind, format: body.format }) }),
    ]);
    return file.body as Buffer;
  }

  it('monitors the city: every figure per building and in total, counts of people below 5 as "<5"', async () => {
    const monitorUser = await createUser(t, { role: 'municipality', organisationId: municipality.id });
    const headers = await t.login(monitorUser.email, monitorUser.password);
    const json = JSON.parse((await fetchReport(headers, { kind: 'municipality-monitor', period: '2012', format: 'json' })).toString());
    expect(json.city).toBe(city);
    expect(json.period).toBe('2012');
    expect(json.buildings.map((building: { buildingId: string }) => building.buildingId).sort()).toEqual([b1.id, b2.id].sort());
    const first = json.buildings.find((building: { buildingId: string }) => building.buildingId === b1.id);
    expect(first).toEqual({
      buildingId: b1.id,
      name: expect.any(String),
      kind: 'temporary',
      useEnd: '2013-07-01',
      lettableAreaM2: 240,
      letAreaM2: 200,
      occupancyRate: 0.8333,
      spaces: 9,
      // The city's 9 tenants minus B1's 8 would give away B2's one: B1's count is masked too, the city's total stays;
      // and its spaces let with it (one tenant per space let: the city's 9 minus B1's 8 would be B2's one tenant).
      spacesLet: '<5',
      spaceOccupancyRate: null,
      tenants: '<5',
      localTenants: 5,
      bands: [
        { code: 'A', tenants: 6, areaM2: 140 },
        { code: 'B', tenants: '<5', areaM2: null },
        { code: 'C', tenants: '<5', areaM2: null },
      ],
      disciplines: [
        { name: 'dans', tenants: '<5' },
        { name: 'design', tenants: 6 },
        { name: 'horeca', tenants: '<5' },
      ],
      waitingList: '<5',
      municipalInvestmentCents: 1_000_000,
      municipalInvestmentPerM2Cents: 4167,
    });
    expect(json.buildings.find((building: { buildingId: string }) => building.buildingId === b2.id)).toMatchObject({
      kind: 'permanent',
      useEnd: null,
      lettableAreaM2: 50,
      letAreaM2: 50,
      spaces: 1,
      spacesLet: '<5',
      spaceOccupancyRate: null,
      tenants: '<5',
      bands: [{ code: 'B', tenants: '<5', areaM2: null }],
      waitingList: 0,
      municipalInvestmentCents: 0,
    });
    expect(json.totals).toMatchObject({
      buildings: 2,
      lettableAreaM2: 290,
      letAreaM2: 250,
      spaces: 10,
      spacesLet: 9,
      tenants: 9,
      localTenants: 5,
      bands: [
        { code: 'A', tenants: 6, areaM2: 140 },
        { code: 'B', tenants: '<5', areaM2: null },
        { code: 'C', tenants: '<5', areaM2: null },
      ],
      waitingList: '<5',
      municipalInvestmentCents: 1_000_000,
    });
    expect(JSON.stringify(json)).not.toMatch(/@test\.example|Maker /);

    const csv = (await fetchReport(headers, { kind: 'municipality-monitor', city, period: '2012', format: 'csv' }))
      .toString()
      .trim()
      .split('\n');
    expect(csv).toHaveLength(3);
    expect(csv[0]).toContain('lettableAreaM2');
    const b1Row = csv.find((line) => line.includes(b1.id))!;
    expect(b1Row).toContain(',240,200,0.8333,9,<5,<5,5,<5,1000000,6,140,<5,,<5,,');

    const pdf = (await pdfText(await fetchReport(headers, { kind: 'municipality-monitor', period: '2012-12', format: 'pdf' }))).replace(
      /\s+/g,
      ' ',
    );
    for (const figure of [
      '290,00 m²',
      '240,00 m² / 200,00 m²',
      '83,3%',
      '<5 van 9',
      '9 van 10 verhuurd',
      '<5 huurders, m² afgeschermd',
      '6 huurders, 140,00 m²',
      '€ 10.000,00',
      'Bezetting van de stad, laatste twaalf maanden',
      '2012-12',
    ])
      expect(pdf).toContain(figure);
    // A band's m² next to its masked count would give the count away (studios are of similar size).
    expect(pdf).not.toMatch(/<5 huurders, \d/);
    expect(pdf).not.toContain('8 van 9');
    expect(pdf).not.toContain('40,00 m² · <5');
  });

  it('reports occupancy and rent against interest to the owner, to the m² and the cent', async () => {
    const ownerHeaders = await t.login(
      ...(await (async () => {
        const user = await createUser(t, { role: 'owner', organisationId: owner.id });
        return [user.email, user.password] as const;
      })()),
    );
    const json = JSON.parse(
      (await fetchReport(ownerHeaders, { kind: 'owner-occupancy', buildingId: b1.id, period: '2012-06', format: 'json' })).toString(),
    );
    const building = (await t.http().get(`/api/buildings/${b1.id}`).set(t.admin)).body;
    const ownerName = (await t.http().get('/api/organisations?limit=1000').set(t.admin)).body.items.find(
      (organisation: { id: string }) => organisation.id === owner.id,
    ).name;
    // June 2012: 30 of 366 days. Rent 12,000,000 × 30/366 = 983,606.56; interest 5,000,000 × 30/366 = 409,836.07.
    expect(json).toEqual({
      buildingId: b1.id,
      buildingName: building.name,
      ownerName,
      period: '2012-06',
      generatedOn: '2012-06-15',
      lettableAreaM2: 240,
      letAreaM2: 200,
      vacantAreaM2: 40,
      occupancyRate: 0.8333,
      floors: [
        { level: 1, lettableAreaM2: 120, letAreaM2: 120 },
        { level: 2, lettableAreaM2: 120, letAreaM2: 80 },
      ],
      floorsLeft: [],
      rentIncomeCents: 983_607,
      interestCostCents: 409_836,
      balanceCents: 573_771,
      investments: expect.arrayContaining([
        { party: ownerName, description: 'Eigenaar', amountCents: 700_000, date: '2010-01-01' },
        { party: expect.any(String), description: 'Installaties', amountCents: 1_000_000, date: '2010-01-01' },
      ]),
      leasesEndingAfterHeadLease: 1, // the café with its open end: leases are counted exactly, they are no people
    });
    expect(json.investments).toHaveLength(2); // the one dated 2013 is not yet made
    const csv = (
      await fetchReport(ownerHeaders, { kind: 'owner-occupancy', buildingId: b1.id, period: '2012-06', format: 'csv' })
    ).toString();
    const finance = '983607,409836,573771';
    expect(csv).toBe(
      [
        'buildingId,buildingName,ownerName,period,generatedOn,level,status,lettableAreaM2,letAreaM2,vacantAreaM2,occupancyRate,leftOn,' +
          'buildingRentIncomeCents,buildingInterestCostCents,buildingBalanceCents',
        `${b1.id},${building.name},${ownerName},2012-06,2012-06-15,1,broedplaats,120,120,0,1,,${finance}`,
        `${b1.id},${building.name},${ownerName},2012-06,2012-06-15,2,broedplaats,120,80,40,0.6667,,${finance}`,
        '',
      ].join('\r\n'),
    );
    const pdf = (
      await pdfText(await fetchReport(ownerHeaders, { kind: 'owner-occupancy', buildingId: b1.id, period: '2012', format: 'pdf' }))
    ).replace(/\s+/g, ' ');
    for (const figure of ['240,00 m²', '83,3%', '€ 120.000,00', '€ 50.000,00', '€ 70.000,00', 'Verdieping 2', `Eigenaar: ${ownerName}`])
      expect(pdf).toContain(figure);
    expect(pdf).toContain('gemaakt op 15-06-2012');
    expect(pdf).toMatch(/Investeringen .*01-01-2010 .*Eigenaar € 7\.000,00/);
    expect(pdf).toContain('Huurcontracten na einde hoofdhuur 1');
  });

  it('comes as XLSX too: one sheet per table, numbers as numbers', async () => {
    const owner = await readXlsx(
      await fetchReport(t.admin, { kind: 'owner-occupancy', buildingId: b1.id, period: '2012-06', format: 'xlsx' }),
    );
    expect(owner.worksheets.map((sheet) => sheet.name)).toEqual(['Overzicht', 'Verdiepingen', 'Geen broedplaats meer', 'Investeringen']);
    const overview = rowsOf(owner.getWorksheet('Overzicht')!);
    expect(overview).toContainEqual(['Huuropbrengst', 9836.07]);
    expect(overview).toContainEqual(['Bezettingsgraad', 0.8333]);
    expect(overview).toContainEqual(['Huurcontracten na einde hoofdhuur', 1]);
    expect(
      owner
        .getWorksheet('Overzicht')!
        .getRow(overview.findIndex(([label]) => label === 'Huuropbrengst') + 1)
        .getCell(2).numFmt,
    ).toContain('€');
    expect(rowsOf(owner.getWorksheet('Verdiepingen')!)).toEqual([
      ['Verdieping', 'Verhuurbaar (m²)', 'Verhuurd (m²)', 'Leeg (m²)', 'Bezetting'],
      [1, 120, 120, 0, 1],
      [2, 120, 80, 40, 0.6667],
    ]);
    expect(rowsOf(owner.getWorksheet('Investeringen')!)).toHaveLength(3);

    const monitor = await readXlsx(await fetchReport(t.admin, { kind: 'municipality-monitor', city, period: '2012', format: 'xlsx' }));
    expect(monitor.worksheets.map((sheet) => sheet.name)).toEqual(['Totaal', 'Broedplaatsen', 'Tarieven', 'Disciplines', 'Trend']);
    const buildings = rowsOf(monitor.getWorksheet('Broedplaatsen')!);
    expect(buildings).toHaveLength(3);
    expect(buildings.find((row) => row[3] === 240)).toEqual([
      expect.any(String),
      'tijdelijk',
      expect.any(Date),
      240,
      200,
      0.8333,
      9,
      '<5',
      '<5',
      5,
      '<5',
      10000,
    ]);
    // A masked band's m² cell is left empty (the sheet ends the row there).
    const bandRows = rowsOf(monitor.getWorksheet('Tarieven')!).filter((row) => row[1] !== 'Tarief');
    expect(bandRows).toHaveLength(4);
    expect(bandRows).toEqual(
      expect.arrayContaining([
        [expect.any(String), 'A', 6, 140],
        [expect.any(String), 'B', '<5'],
        [expect.any(String), 'C', '<5'],
      ]),
    );
    expect(rowsOf(monitor.getWorksheet('Disciplines')!).filter((row) => row[2] === 6)).toHaveLength(1);
    const trend = rowsOf(monitor.getWorksheet('Trend')!);
    expect(trend.map((row) => row[0])).toEqual([
      'Maand',
      ...Array.from({ length: 12 }, (_, month) => `2012-${String(month + 1).padStart(2, '0')}`),
    ]);
  });

  it('shows the last twelve months as a trend in the monitor', async () => {
    const json = JSON.parse(
      (await fetchReport(t.admin, { kind: 'municipality-monitor', city, period: '2012-03', format: 'json' })).toString(),
    );
    expect(json.trend.map((point: { period: string }) => point.period)).toEqual([
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
    // The leases start in January 2012: nothing let before, 250 m² of 290 from then on.
    expect(json.trend[8]).toEqual({ period: '2011-12', lettableAreaM2: 290, letAreaM2: 0, occupancyRate: 0, tenants: 0 });
    expect(json.trend[11]).toEqual({ period: '2012-03', lettableAreaM2: 290, letAreaM2: 250, occupancyRate: 0.8621, tenants: 9 });
  });

  it('keeps floors that left the broedplaats apart, and text from users inert in CSV and XLSX', async () => {
    const elsewhere = `Haarlem ${Date.now()}`;
    const buyer = await createOrganisation(t, { kind: 'owner', name: '+Hotel BV' });
    const building = await createBuilding(t, { ownerId: owner.id, city: elsewhere, name: '=HYPERLINK("http://x","klik")' });
    const leaving = await createFloor(t, building.id, { level: 1 });
    const staying = await createFloor(t, building.id, { level: 2 });
    await createSpace(t, leaving.id, { areaM2: 100 });
    const space = await createSpace(t, staying.id, { areaM2: 30 });
    await createSpace(t, staying.id, { areaM2: 20 });
    const maker = await createTenant(t, { discipline: '@SUM(A1)' });
    await assessBand(t, maker.id, building.id, A);
    await createLease(t, { tenantId: maker.id, spaceId: space.id, startDate: '2012-01-01', endDate: '2012-12-31' });
    const handover = await t
      .http()
      .post(`/api/buildings/${building.id}/handovers`)
      .set(t.admin)
      .send({ newOwnerId: buyer.id, transferDate: '2012-06-01', retainedFloorIds: [staying.id] });
    expect(handover.status).toBe(202);
    await eventually(async () => {
      expect((await t.http().get(`/api/handovers/${handover.body.id}`).set(t.admin)).body.status).toBe('completed');
    });

    const json = JSON.parse(
      (await fetchReport(t.admin, { kind: 'owner-occupancy', buildingId: building.id, period: '2012-06', format: 'json' })).toString(),
    );
    expect(json).toMatchObject({
      ownerName: '+Hotel BV',
      lettableAreaM2: 50,
      letAreaM2: 30,
      vacantAreaM2: 20,
      occupancyRate: 0.6,
      floors: [{ level: 2, lettableAreaM2: 50, letAreaM2: 30 }],
      floorsLeft: [{ level: 1, areaM2: 100, leftOn: '2012-06-01' }],
    });
    const pdf = (
      await pdfText(await fetchReport(t.admin, { kind: 'owner-occupancy', buildingId: building.id, period: '2012-06', format: 'pdf' }))
    ).replace(/\s+/g, ' ');
    expect(pdf).toContain('Leegstand 20,00 m² Geen broedplaats meer 100,00 m²');
    expect(pdf).toContain('Verdiepingen die geen broedplaats meer zijn Verdieping Oppervlak Geen broedplaats sinds 1 100,00 m² 01-06-2012');
    const before = JSON.parse(
      (await fetchReport(t.admin, { kind: 'owner-occupancy', buildingId: building.id, period: '2012-05', format: 'json' })).toString(),
    );
    expect(before).toMatchObject({ lettableAreaM2: 150, floorsLeft: [] });

    const csv = (
      await fetchReport(t.admin, { kind: 'owner-occupancy', buildingId: building.id, period: '2012-06', format: 'csv' })
    ).toString();
    const [, ...rows] = csv.trim().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(`,"'=HYPERLINK(""http://x"",""klik"")",'+Hotel BV,2012-06,2012-06-15,2,broedplaats,50,30,20,0.6,,`);
    expect(rows[1]).toContain(',1,left,100,,,,2012-06-01,');
    const monitorCsv = (
      await fetchReport(t.admin, { kind: 'municipality-monitor', city: elsewhere, period: '2012-06', format: 'csv' })
    ).toString();
    expect(monitorCsv).toContain(`"'=HYPERLINK(""http://x"",""klik"")"`);
    expect(monitorCsv).toContain(`'@SUM(A1): <5`);
    expect(monitorCsv).not.toMatch(/,[=+@-][A-Za-z]/);
    // The city counts the same broedplaats: from the day it left, the floor is no longer lettable space of it.
    const monitorOn = async (period: string) =>
      JSON.parse((await fetchReport(t.admin, { kind: 'municipality-monitor', city: elsewhere, period, format: 'json' })).toString());
    expect((await monitorOn('2012-06')).buildings).toMatchObject([{ lettableAreaM2: 50, letAreaM2: 30 }]);
    expect((await monitorOn('2012-05')).buildings).toMatchObject([{ lettableAreaM2: 150, letAreaM2: 30 }]);

    const xlsx = await readXlsx(
      await fetchReport(t.admin, { kind: 'owner-occupancy', buildingId: building.id, period: '2012-06', format: 'xlsx' }),
    );
    expect(rowsOf(xlsx.getWorksheet('Overzicht')!)).toContainEqual(['Pand', `'=HYPERLINK("http://x","klik")`]);
    expect(rowsOf(xlsx.getWorksheet('Geen broedplaats meer')!)[1]).toEqual([1, 100, new Date('2012-06-01T00:00:00Z')]);
    const monitorXlsx = await readXlsx(
      await fetchReport(t.admin, { kind: 'municipality-monitor', city: elsewhere, period: '2012-06', format: 'xlsx' }),
    );
    expect(rowsOf(monitorXlsx.getWorksheet('Disciplines')!)[1]).toEqual([`'=HYPERLINK("http://x","klik")`, "'@SUM(A1)", '<5']);
  });

  it('masks a second count where a total minus the other counts would give a small count away, in JSON and CSV', async () => {
    // Two broedplaatsen: X has five band-A designers and two band-B dancers (7 tenants), Y six band-A designers.
    const town = `Purmerend ${Date.now()}`;
    const x = await createBuilding(t, { city: town, name: `X ${Date.now()}` });
    const y = await createBuilding(t, { city: town, name: `Y ${Date.now()}` });
    const letStudio = async (buildingId: string, floorId: string, income: number, discipline: string) => {
      const space = await createSpace(t, floorId, { areaM2: 20 });
      const tenant = await createTenant(t, { discipline });
      await assessBand(t, tenant.id, buildingId, income);
      await createLease(t, { tenantId: tenant.id, spaceId: space.id, startDate: '2012-01-01', endDate: '2012-12-31' });
    };
    const xFloor = await createFloor(t, x.id, { level: 1 });
    const yFloor = await createFloor(t, y.id, { level: 1 });
    for (let i = 0; i < 5; i++) await letStudio(x.id, xFloor.id, A, 'design');
    for (let i = 0; i < 2; i++) await letStudio(x.id, xFloor.id, B, 'dans');
    for (let i = 0; i < 6; i++) await letStudio(y.id, yFloor.id, A, 'design');

    const json = JSON.parse(
      (await fetchReport(t.admin, { kind: 'municipality-monitor', city: town, period: '2012', format: 'json' })).toString(),
    );
    const xJson = json.buildings.find((building: { buildingId: string }) => building.buildingId === x.id);
    // X's 7 tenants minus its 5 in band A would give away the 2 in band B: band A is masked too, its m² with it.
    expect(xJson).toMatchObject({
      tenants: 7,
      letAreaM2: 140,
      bands: [
        { code: 'A', tenants: '<5', areaM2: null },
        { code: 'B', tenants: '<5', areaM2: null },
      ],
      disciplines: [
        { name: 'dans', tenants: '<5' },
        { name: 'design', tenants: '<5' },
      ],
    });
    // The totals stay: they are what the monitor is read for.
    expect(json.totals).toMatchObject({ tenants: 13, letAreaM2: 260 });
    expect(recoverableByTotals(json.buildings, json.totals)).toEqual([]);

    const [header, ...lines] = (await fetchReport(t.admin, { kind: 'municipality-monitor', city: town, period: '2012', format: 'csv' }))
      .toString()
      .trim()
      .split('\r\n')
      .map((line) => line.split(','));
    expect(lines).toHaveLength(2);
    const cell = (line: string[], column: string) => line[header!.indexOf(column)]!;
    const shown = (figure: string) => (/^\d+$/.test(figure) ? Number(figure) : figure);
    const rows = lines.map((line) => ({
      name: cell(line, 'name'),
      tenants: shown(cell(line, 'tenants')),
      spacesLet: shown(cell(line, 'spacesLet')),
      bands: ['A', 'B'].map((code) => ({
        code,
        tenants: shown(cell(line, `band${code}Tenants`)),
        areaM2: cell(line, `band${code}AreaM2`) === '' ? null : Number(cell(line, `band${code}AreaM2`)),
      })),
      disciplines: cell(line, 'disciplines')
        .split('; ')
        .map((entry) => entry.split(': '))
        .map(([name, tenants]) => ({ name: name!, tenants: shown(tenants!) })),
    }));
    const xCsv = rows.find((row) => row.name === xJson.name)!;
    expect(xCsv).toMatchObject({
      tenants: 7,
      bands: [
        { tenants: '<5', areaM2: null },
        { tenants: '<5', areaM2: null },
      ],
    });
    expect(xCsv.disciplines).toEqual([
      { name: 'dans', tenants: '<5' },
      { name: 'design', tenants: '<5' },
    ]);
    expect(recoverableByTotals(rows)).toEqual([]);
    // Y's row in the CSV, and in the JSON, next to the city's totals: nothing to work out there either.
    expect(recoverableByTotals(rows, json.totals)).toEqual([]);
  });

  it('keeps each role to its scope', async () => {
    const ownerUser = await createUser(t, { role: 'owner', organisationId: owner.id });
    const ownerHeaders = await t.login(ownerUser.email, ownerUser.password);
    const cityUser = await createUser(t, { role: 'municipality', organisationId: municipality.id });
    const cityHeaders = await t.login(cityUser.email, cityUser.password);
    const tenantUser = await createUser(t, { role: 'tenant' });
    const tenantHeaders = await t.login(tenantUser.email, tenantUser.password);
    const ask = (headers: Record<string, string>, body: Record<string, unknown>) =>
      t
        .http()
        .post('/api/reports')
        .set(headers)
        .send({ period: '2012', format: 'json', ...body });

    expect((await ask(ownerHeaders, { kind: 'owner-occupancy', buildingId: b2.id })).status).toBe(404);
    expect((await ask(ownerHeaders, { kind: 'municipality-monitor', city })).status).toBe(403);
    expect((await ask(cityHeaders, { kind: 'municipality-monitor', city: 'Elders' })).status).toBe(403);
    expect((await ask(cityHeaders, { kind: 'owner-occupancy', buildingId: b1.id })).status).toBe(403);
    expect((await ask(tenantHeaders, { kind: 'municipality-monitor', city })).status).toBe(403);
    expect((await ask(t.admin, { kind: 'owner-occupancy' })).status).toBe(400);
    expect((await ask(t.admin, { kind: 'municipality-monitor', city, period: '2012-13' })).status).toBe(400);
    const mine = await ask(cityHeaders, { kind: 'municipality-monitor' });
    expect(mine.status).toBe(202);
    expect((await t.http().get(`/api/reports/${mine.body.id}`).set(ownerHeaders)).status).toBe(404);
    expect((await t.http().get(`/api/reports/${mine.body.id}`).set(t.admin)).status).toBe(200);
  });
});
