import { Injectable } from '@nestjs/common';
import type { Principal } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { addMonths, periodRange } from '../../common/dates.js';
import { ratio, sumAreas } from '../../common/measures.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import { BuildingLeasesService } from '../leases/building-leases.service.js';
import { HandoversService } from './handovers.service.js';

export interface AreaOccupancy {
  lettableAreaM2: number;
  letAreaM2: number;
  vacantAreaM2: number;
  /** Let m² ÷ lettable m², 0–1. */
  occupancyRate: number;
}

export interface FloorInUse extends AreaOccupancy {
  floorId: string;
  level: number;
  groupName: string | null;
}

export interface FloorLeft {
  floorId: string;
  level: number;
  lettableAreaM2: number;
  leftOn: string;
}

export interface MonthOccupancy extends AreaOccupancy {
  /** YYYY-MM */
  period: string;
  /** The day the month is measured on: its last day, or today for the month under way. */
  day: string;
}

export interface BroedplaatsOccupancy {
  date: string;
  today: AreaOccupancy;
  floors: FloorInUse[];
  /** Floors that left the broedplaats by a handover: no longer counted, shown apart. */
  floorsLeft: FloorLeft[];
  months: MonthOccupancy[];
}

const MONTHS_SHOWN = 12;

function occupancyOf(lettableAreaM2: number, letAreaM2: number): AreaOccupancy {
  return {
    lettableAreaM2,
    letAreaM2,
    vacantAreaM2: sumAreas([lettableAreaM2, -letAreaM2]),
    occupancyRate: ratio(letAreaM2, lettableAreaM2),
  };
}

/**
 * The occupancy of what is a broedplaats: today and month by month (the last twelve, or since the use
 * began), counting a floor only until it left by a handover, as the owner's report does. For whoever
 * may see the building today (its current owner, the umbrella).
 */
@Injectable()
export class BroedplaatsOccupancyService {
  constructor(
    private readonly buildings: BuildingsService,
    private readonly buildingLeases: BuildingLeasesService,
    private readonly handovers: HandoversService,
    private readonly clock: Clock,
  ) {}

  async of(buildingId: string, principal: Principal): Promise<BroedplaatsOccupancy> {
    const building = await this.buildings.getVisible(buildingId, principal);
    const date = this.clock.today();
    const days = this.monthDays(building.useStart, date);
    const [current, departures, perDay] = await Promise.all([
      this.buildingLeases.occupancy(buildingId, principal, date),
      this.handovers.departures(buildingId, principal),
      this.buildingLeases.occupancyPerFloorOnDays(
        buildingId,
        principal,
        days.map((month) => month.day),
      ),
    ]);
    const hasLeft = (floorId: string, day: string) => {
      const leftOn = departures.get(floorId);
      return leftOn !== undefined && leftOn <= day;
    };
    const staying = current.floors.filter((floor) => !hasLeft(floor.floorId, date));
    return {
      date,
      today: occupancyOf(sumAreas(staying.map((floor) => floor.lettableAreaM2)), sumAreas(staying.map((floor) => floor.letAreaM2))),
      floors: staying.map(({ floorId, level, groupName, lettableAreaM2, letAreaM2 }) => ({
        floorId,
        level,
        groupName,
        ...occupancyOf(lettableAreaM2, letAreaM2),
      })),
      floorsLeft: current.floors
        .filter((floor) => hasLeft(floor.floorId, date))
        .map(({ floorId, level, lettableAreaM2 }) => ({ floorId, level, lettableAreaM2, leftOn: departures.get(floorId)! })),
      months: days.map(({ period, day }) => {
        const counted = perDay.filter((row) => row.day === day && !hasLeft(row.floorId, day));
        return {
          period,
          day,
          ...occupancyOf(sumAreas(counted.map((row) => row.lettableAreaM2)), sumAreas(counted.map((row) => row.letAreaM2))),
        };
      }),
    };
  }

  /** The months up to this one, at most twelve, none before the use began; each measured on its last day (this one today). */
  private monthDays(useStart: string, today: string): { period: string; day: string }[] {
    const months: { period: string; day: string }[] = [];
    for (let back = MONTHS_SHOWN - 1; back >= 0; back -= 1) {
      const period = addMonths(`${today.slice(0, 7)}-01`, -back).slice(0, 7);
      if (period < useStart.slice(0, 7)) continue;
      const last = periodRange(period).last;
      months.push({ period, day: last < today ? last : today });
    }
    return months;
  }
}
