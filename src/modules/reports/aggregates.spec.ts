import { maskPeople, monitorTotals, toMonitorFigures, type BuildingCounts } from './aggregates.js';

const counts = (overrides: Partial<BuildingCounts> = {}): BuildingCounts => ({
  buildingId: 'b',
  name: 'B',
  kind: 'temporary',
  useEnd: '2013-07-01',
  lettableAreaM2: 100,
  letAreaM2: 75.5,
  spaces: 4,
  spacesLet: 3,
  tenants: 3,
  localTenants: 0,
  bands: [{ code: 'A', tenants: 3, areaM2: 75.5 }],
  disciplines: [{ name: 'dans', tenants: 2 }],
  waitingList: 7,
  municipalInvestmentCents: 36_500_000,
  ...overrides,
});

describe('report aggregates', () => {
  it('shows 1 to 4 people as "<5", and none or five and more as they are', () => {
    expect([0, 1, 4, 5, 300].map(maskPeople)).toEqual([0, '<5', '<5', 5, 300]);
  });

  it('masks counts of people and the m² of a band with a masked count, but keeps other areas, spaces and money visible', () => {
    expect(toMonitorFigures(counts())).toMatchObject({
      tenants: '<5',
      localTenants: 0,
      occupancyRate: 0.755,
      spaces: 4,
      spacesLet: 3,
      spaceOccupancyRate: 0.75,
      bands: [{ code: 'A', tenants: '<5', areaM2: null }],
      disciplines: [{ name: 'dans', tenants: '<5' }],
      waitingList: 7,
      municipalInvestmentPerM2Cents: 365_000,
    });
  });

  it('keeps the m² of a band whose count is shown', () => {
    const figures = toMonitorFigures(
      counts({
        tenants: 8,
        bands: [
          { code: 'A', tenants: 5, areaM2: 60 },
          { code: 'B', tenants: 3, areaM2: 15.5 },
        ],
      }),
    );
    expect(figures.bands).toEqual([
      { code: 'A', tenants: 5, areaM2: 60 },
      { code: 'B', tenants: '<5', areaM2: null },
    ]);
  });

  it('masks city totals after summing the raw counts, so small buildings add up', () => {
    const totals = monitorTotals([counts(), counts({ buildingId: 'c', tenants: 2, bands: [{ code: 'A', tenants: 2, areaM2: 10 }] })]);
    expect(totals).toMatchObject({
      buildings: 2,
      tenants: 5,
      lettableAreaM2: 200,
      letAreaM2: 151,
      bands: [{ code: 'A', tenants: 5, areaM2: 85.5 }],
      disciplines: [{ name: 'dans', tenants: '<5' }],
    });
  });

  it('orders disciplines the same way per building and in the totals, as a Dutch reader sorts', () => {
    const disciplines = [
      { name: 'mode', tenants: 6 },
      { name: 'ICT', tenants: 9 },
      { name: 'beeldende kunst', tenants: 5 },
      { name: 'Dans', tenants: 7 },
    ];
    const expected = ['beeldende kunst', 'Dans', 'ICT', 'mode'];
    expect(toMonitorFigures(counts({ disciplines })).disciplines.map((discipline) => discipline.name)).toEqual(expected);
    expect(
      monitorTotals([counts({ disciplines }), counts({ disciplines: [...disciplines].reverse() })]).disciplines.map((d) => d.name),
    ).toEqual(expected);
  });
});
