import { SYSTEM_PRINCIPAL } from '../../common/auth/principal.js';
import { FixedClock } from '../../common/clock/clock.js';
import type { BuildingsService } from '../buildings/buildings.service.js';
import type { BuildingLeasesService } from '../leases/building-leases.service.js';
import { BroedplaatsOccupancyService } from './broedplaats-occupancy.service.js';
import type { HandoversService } from './handovers.service.js';

/** Two floors of 100 m²: floor 1 fully let, floor 2 half; floor 1 left the broedplaats on 1 February 2012. */
function serviceOn(today: string, useStart: string, days: string[] = []) {
  const floors = [
    { floorId: 'f1', level: 1, groupName: null, lettableAreaM2: 100, letAreaM2: 100 },
    { floorId: 'f2', level: 2, groupName: 'Oostblok', lettableAreaM2: 100, letAreaM2: 50 },
  ];
  const buildings = { getVisible: async () => ({ id: 'b', useStart }) } as unknown as BuildingsService;
  const buildingLeases = {
    occupancy: async (_: string, __: unknown, date: string) => ({ date, floors }),
    occupancyPerFloorOnDays: async (_: string, __: unknown, asked: string[]) => {
      days.push(...asked);
      return asked.flatMap((day) => floors.map(({ floorId, lettableAreaM2, letAreaM2 }) => ({ day, floorId, lettableAreaM2, letAreaM2 })));
    },
  } as unknown as BuildingLeasesService;
  const handovers = { departures: async () => new Map([['f1', '2012-02-01']]) } as unknown as HandoversService;
  return new BroedplaatsOccupancyService(buildings, buildingLeases, handovers, FixedClock.on(today));
}

describe('the occupancy of a broedplaats', () => {
  it('counts a floor until the day it left, today and month by month, and shows it apart', async () => {
    const occupancy = await serviceOn('2012-03-15', '2007-06-01').of('b', SYSTEM_PRINCIPAL);
    expect(occupancy.today).toEqual({ lettableAreaM2: 100, letAreaM2: 50, vacantAreaM2: 50, occupancyRate: 0.5 });
    expect(occupancy.floors.map((floor) => floor.floorId)).toEqual(['f2']);
    expect(occupancy.floorsLeft).toEqual([{ floorId: 'f1', level: 1, lettableAreaM2: 100, leftOn: '2012-02-01' }]);
    const rates = Object.fromEntries(occupancy.months.map((month) => [month.period, month.occupancyRate]));
    expect(rates['2012-01']).toBe(0.75);
    expect(rates['2012-02']).toBe(0.5);
  });

  it('measures the last twelve months on their last day and this month today, none before the use began', async () => {
    const asked: string[] = [];
    const full = await serviceOn('2012-03-15', '2007-06-01', asked).of('b', SYSTEM_PRINCIPAL);
    expect(full.months.map((month) => month.period)).toEqual([
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
    expect(asked.slice(-3)).toEqual(['2012-01-31', '2012-02-29', '2012-03-15']);

    const young = await serviceOn('2012-03-15', '2011-12-10').of('b', SYSTEM_PRINCIPAL);
    expect(young.months.map((month) => month.period)).toEqual(['2011-12', '2012-01', '2012-02', '2012-03']);
  });
});
