import fc from 'fast-check';
import { recoverableByTotals } from '../../../test/helpers/small-counts.js';
import { maskPeople, monitorFigures, monitorTotals, toMonitorFigures, type BuildingCounts } from './aggregates.js';

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

  it('masks counts of people, the m² of a band with a masked count and the spaces let beside masked tenants, but keeps other areas, spaces and money visible', () => {
    expect(toMonitorFigures(counts())).toMatchObject({
      tenants: '<5',
      localTenants: 0,
      occupancyRate: 0.755,
      spaces: 4,
      // One tenant per space let: three spaces let would tell that there are at most three tenants.
      spacesLet: '<5',
      spaceOccupancyRate: null,
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

  it('masks a second count where a total minus the other counts would give a masked count away, and keeps the totals', () => {
    const figures = monitorFigures([
      counts({
        buildingId: 'x',
        tenants: 7,
        bands: [
          { code: 'A', tenants: 5, areaM2: 100 },
          { code: 'B', tenants: 2, areaM2: 40 },
        ],
        disciplines: [
          { name: 'dans', tenants: 2 },
          { name: 'design', tenants: 5 },
        ],
        waitingList: 0,
        name: 'X',
      }),
      counts({
        buildingId: 'y',
        tenants: 12,
        bands: [{ code: 'A', tenants: 12, areaM2: 240 }],
        disciplines: [{ name: 'design', tenants: 12 }],
        waitingList: 0,
        name: 'Y',
      }),
    ]);
    const [x, y] = figures.buildings;
    expect(x).toMatchObject({
      tenants: 7,
      bands: [
        { code: 'A', tenants: '<5', areaM2: null },
        { code: 'B', tenants: '<5', areaM2: null },
      ],
      disciplines: [
        { name: 'dans', tenants: '<5' },
        { name: 'design', tenants: '<5' },
      ],
    });
    // The city's band A minus y's 12 leaves x's band A, but the city's band A is masked too (19 tenants minus band B's 2).
    expect(y).toMatchObject({ tenants: 12, bands: [{ code: 'A', tenants: 12, areaM2: 240 }] });
    expect(figures.totals).toMatchObject({
      tenants: 19,
      bands: [
        { code: 'A', tenants: '<5' },
        { code: 'B', tenants: '<5' },
      ],
    });
    expect(recoverableByTotals(figures.buildings, figures.totals)).toEqual([]);
  });

  it('never leaves a masked count that a total minus the other counts gives away, whatever the counts', () => {
    const building = fc
      .record({
        bands: fc.uniqueArray(fc.record({ code: fc.constantFrom('A', 'B', 'C', 'D'), tenants: fc.integer({ min: 1, max: 12 }) }), {
          selector: (band) => band.code,
          maxLength: 4,
        }),
        split: fc.array(fc.constantFrom('dans', 'design', 'film', 'ICT'), { maxLength: 40 }),
        localTenants: fc.nat(8),
        waitingList: fc.nat(12),
        // A tenant may rent more than one space; spaces may stand empty.
        extraSpacesLet: fc.nat(3),
        vacantSpaces: fc.nat(5),
      })
      .map(({ bands, split, localTenants, waitingList, extraSpacesLet, vacantSpaces }): BuildingCounts => {
        const tenants = bands.reduce((sum, band) => sum + band.tenants, 0);
        const disciplines = new Map<string, number>();
        // Each tenant has one discipline: they add up to the building's tenants.
        for (let i = 0; i < tenants; i++) {
          const name = split[i % Math.max(split.length, 1)] ?? 'onbekend';
          disciplines.set(name, (disciplines.get(name) ?? 0) + 1);
        }
        const spacesLet = tenants === 0 ? 0 : tenants + extraSpacesLet;
        return counts({
          tenants,
          spacesLet,
          spaces: spacesLet + vacantSpaces,
          localTenants: Math.min(localTenants, tenants),
          waitingList,
          bands: bands.map((band) => ({ ...band, areaM2: band.tenants * 20 })),
          disciplines: [...disciplines].map(([name, tenants]) => ({ name, tenants })),
        });
      });
    fc.assert(
      fc.property(fc.array(building, { maxLength: 6 }), (buildings) => {
        const figures = monitorFigures(buildings);
        expect(recoverableByTotals(figures.buildings, figures.totals)).toEqual([]);
        // Only counts are masked; a count of none stays 0.
        buildings.forEach((raw, index) => {
          expect(figures.buildings[index]!.spaces).toBe(raw.spaces);
          if (raw.tenants === 0) expect(figures.buildings[index]!.tenants).toBe(0);
        });
      }),
      { numRuns: 300 },
    );
  });
});
