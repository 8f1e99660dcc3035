import { Injectable } from '@nestjs/common';
import {
  buildingScopeOf,
  mayMonitorCity,
  mayReadOwnershipPeriod,
  requireCapability,
  timeAccountDetailOf,
} from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { translateConstraintViolations } from '../../common/database/pg-errors.js';
import { periodRange } from '../../common/dates.js';
import { ConflictError, ForbiddenError, InputError, NotFoundError, RuleError } from '../../common/errors/domain-error.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import { type MoneyAccount, moneyAccount, sumTimeFacts, type TimeAccount, timeAccount } from './double-balance.js';
import type {
  CreateHourlyValueDto,
  CreateProgrammeEventDto,
  CreateSubsidyDto,
  CreateWorkingGroupDto,
  UpdateWorkingGroupDto,
} from './dto/time-account.dto.js';
import { TIME_ACCOUNT_ERRORS } from './time-account.errors.js';
import type { HourlyValue, ProgrammeEvent, Subsidy, WorkingGroup } from './time-account.entity.js';
import { TimeAccountRepository } from './time-account.repository.js';
import { maskTimeCells, type ShownTimeCell, showExact, valueOfQuarterCents } from './time-rules.js';

export interface BuildingDoubleBalance {
  buildingId: string;
  name: string;
  period: string;
  first: string;
  last: string;
  detail: 'exact' | 'masked';
  money: MoneyAccount;
  time: TimeAccount;
  /** The hours valued at the hourly value of their day: a third column, never added to the money. */
  valuation: { valueCents: number | null; hourlyValues: { validFrom: string; centsPerHour: number }[] };
}

export interface CityDoubleBalance {
  city: string;
  period: string;
  first: string;
  last: string;
  detail: 'exact' | 'masked';
  buildings: {
    buildingId: string;
    name: string;
    rentReceivedCents: number;
    subsidiesCents: number;
    municipalInvestmentCents: number;
    ownerInvestmentCents: number;
    time: ShownTimeCell;
    events: number;
    visitors: number;
  }[];
  totals: {
    rentInvoicedCents: number;
    rentReceivedCents: number;
    subsidiesCents: number;
    municipalInvestmentCents: number;
    ownerInvestmentCents: number;
    time: TimeAccount;
    valueCents: number | null;
  };
  hourlyValues: { validFrom: string; centsPerHour: number }[];
}

/** Working groups, the public programme, subsidies and hourly values; and the double balance of a building or a city. */
@Injectable()
export class TimeAccountService {
  constructor(
    private readonly repository: TimeAccountRepository,
    private readonly buildings: BuildingsService,
    private readonly clock: Clock,
  ) {}

  async createGroup(buildingId: string, input: CreateWorkingGroupDto, principal: Principal): Promise<WorkingGroup> {
    requireCapability(principal, 'time.manage');
    const building = await this.buildings.getVisible(buildingId, principal);
    const name = input.name.trim();
    await this.coordinatorOf(input.coordinatorTenantId ?? null, building.id);
    return translateConstraintViolations(
      () => this.repository.insertGroup({ buildingId: building.id, name, coordinatorTenantId: input.coordinatorTenantId ?? null }),
      { uq_working_group_building_name: () => new ConflictError(TIME_ACCOUNT_ERRORS.working_group_name_taken, { name }) },
    );
  }

  async updateGroup(id: string, input: UpdateWorkingGroupDto, principal: Principal): Promise<WorkingGroup> {
    requireCapability(principal, 'time.manage');
    const group = await this.group(id, principal);
    if (input.coordinatorTenantId !== undefined) await this.coordinatorOf(input.coordinatorTenantId, group.buildingId);
    const name = input.name?.trim();
    await translateConstraintViolations(
      () =>
        this.repository.updateGroup(id, {
          ...(name === undefined ? {} : { name }),
          ...(input.coordinatorTenantId === undefined ? {} : { coordinatorTenantId: input.coordinatorTenantId }),
        }),
      { uq_working_group_building_name: () => new ConflictError(TIME_ACCOUNT_ERRORS.working_group_name_taken, { name: name ?? '' }) },
    );
    return (await this.repository.findGroup(id))!;
  }

  /** A building's groups: for anyone who sees the building (makers pick one when they record hours). */
  async groups(buildingId: string, principal: Principal): Promise<WorkingGroup[]> {
    const building = await this.buildings.getVisibleIncludingPast(buildingId, principal);
    return this.repository.groupsOf(building.id);
  }

  async group(id: string, principal: Principal): Promise<WorkingGroup> {
    const group = await this.repository.findGroup(id);
    if (!group) throw new NotFoundError(TIME_ACCOUNT_ERRORS.working_group_not_found, { id });
    await this.buildings.getVisibleIncludingPast(group.buildingId, principal);
    return group;
  }

  /** The buildings the principal's maker rents space in, to record hours for. */
  buildingsOfMaker(principal: Principal): Promise<{ id: string; name: string }[]> {
    return principal.tenantId === null ? Promise.resolve([]) : this.repository.buildingsOfTenant(principal.tenantId);
  }

  async createEvent(buildingId: string, input: CreateProgrammeEventDto, principal: Principal): Promise<ProgrammeEvent> {
    requireCapability(principal, 'time.manage');
    const building = await this.buildings.getVisible(buildingId, principal);
    return this.repository.insertEvent({ ...input, buildingId: building.id, title: input.title.trim() });
  }

  async removeEvent(id: string, principal: Principal): Promise<void> {
    requireCapability(principal, 'time.manage');
    const event = await this.repository.findEvent(id);
    if (!event) throw new NotFoundError(TIME_ACCOUNT_ERRORS.programme_event_not_found, { id });
    await this.buildings.getVisible(event.buildingId, principal);
    await this.repository.deleteEvent(id);
  }

  /** The public programme is public: anyone who sees the building sees its events. */
  async events(buildingId: string, period: string, principal: Principal): Promise<ProgrammeEvent[]> {
    const building = await this.buildings.getVisibleIncludingPast(buildingId, principal);
    return this.repository.eventsOf(building.id, periodRange(period));
  }

  async createSubsidy(buildingId: string, input: CreateSubsidyDto, principal: Principal): Promise<Subsidy> {
    requireCapability(principal, 'time.manage');
    const building = await this.buildings.getVisible(buildingId, principal);
    return this.repository.insertSubsidy({ ...input, buildingId: building.id, source: input.source.trim(), purpose: input.purpose.trim() });
  }

  async subsidies(buildingId: string, principal: Principal): Promise<Subsidy[]> {
    requireCapability(principal, 'time.manage');
    const building = await this.buildings.getVisible(buildingId, principal);
    return this.repository.subsidiesOf(building.id);
  }

  hourlyValues(): Promise<HourlyValue[]> {
    return this.repository.hourlyValues();
  }

  async setHourlyValue(input: CreateHourlyValueDto, principal: Principal): Promise<HourlyValue> {
    requireCapability(principal, 'time.manage');
    return translateConstraintViolations(() => this.repository.insertHourlyValue(input), {
      uq_hourly_value_valid_from: () => new ConflictError(TIME_ACCOUNT_ERRORS.hourly_value_date_taken, { validFrom: input.validFrom }),
    });
  }

  /**
   * The double balance of a building for a year or a month: money per party beside approved time, and the time valued as a
   * third column. Admins see every figure; an owner the building's totals for the periods it owned it (its own books only,
   * so a seller keeps its months and the buyer gets its own); the city the totals of its buildings. Owners and the city see
   * `<5` wherever fewer than five people stand behind a number.
   */
  async buildingBalance(buildingId: string, period: string, principal: Principal): Promise<BuildingDoubleBalance> {
    requireCapability(principal, 'reports.double-balance');
    const range = periodRange(period);
    const building =
      principal.role === 'owner'
        ? await this.buildings.getVisibleIncludingPast(buildingId, principal)
        : await this.buildings.getVisible(buildingId, principal);
    const periods = await this.repository.ownerPeriods([building.id]);
    if (principal.role === 'owner') {
      const ownedInRange = periods.some(
        (owned) =>
          mayReadOwnershipPeriod(principal, owned) &&
          owned.ownedFrom <= range.last &&
          (owned.ownedTo === null || owned.ownedTo > range.first),
      );
      if (!ownedInRange) throw new NotFoundError(TIME_ACCOUNT_ERRORS.double_balance_period_not_found, { period });
    }
    const detail = timeAccountDetailOf(principal);
    const [[entry], [money], [time], headLeases, values] = await Promise.all([
      this.repository.register([building.id]),
      this.repository.moneyFacts([building.id], range),
      this.repository.timeFacts([building.id], range),
      this.repository.headLeases([building.id]),
      this.repository.hourlyValues(),
    ]);
    const shownTime = timeAccount(time!, detail);
    return {
      buildingId: building.id,
      name: entry!.name,
      period,
      ...range,
      detail,
      money: moneyAccount(entry!, money!, headLeases.get(building.id), periods, range, (ownerId) =>
        mayReadOwnershipPeriod(principal, { ownerId }),
      ),
      time: shownTime,
      valuation: { valueCents: shownTime.total.valueCents, hourlyValues: valuesApplying(values, range) },
    };
  }

  /** The double balance of every building of a city, and the city's totals; the city's own users or admins. */
  async cityBalance(input: { city?: string; period: string }, principal: Principal): Promise<CityDoubleBalance> {
    requireCapability(principal, 'reports.double-balance');
    const city = await this.monitoredCity(input.city, principal);
    const range = periodRange(input.period);
    const detail = timeAccountDetailOf(principal);
    const ids = await this.repository.cityBuildings(city, range);
    const [entries, money, time, people, values] = await Promise.all([
      this.repository.register(ids),
      this.repository.moneyFacts(ids, range),
      this.repository.timeFacts(ids, range),
      this.repository.peopleAcross(ids, range),
      this.repository.hourlyValues(),
    ]);
    const totalTime = timeAccount(sumTimeFacts(time, people), detail);
    const buildingCells = time.map((facts) => ({
      key: facts.buildingId,
      quarters: facts.total.quarters,
      people: facts.total.people,
      valueCents: valueOfQuarterCents(facts.total.quarterCents),
    }));
    const shownCells = detail === 'exact' ? buildingCells.map(showExact) : maskTimeCells(buildingCells, totalTime.total.hours !== null);
    const investedBy = (facts: (typeof money)[number], kind: string) =>
      facts.investments.filter((investment) => investment.partyKind === kind).reduce((sum, investment) => sum + investment.amountCents, 0);
    const buildings = entries.map((entry, index) => {
      const facts = money[index]!;
      const subsidiesCents = facts.subsidies.reduce((sum, subsidy) => sum + subsidy.amountCents, 0);
      return {
        buildingId: entry.buildingId,
        name: entry.name,
        rentReceivedCents: facts.rentReceivedCents,
        subsidiesCents,
        municipalInvestmentCents: investedBy(facts, 'municipality'),
        ownerInvestmentCents: investedBy(facts, 'owner'),
        time: shownCells[index]!,
        events: time[index]!.events.reduce((sum, row) => sum + row.events, 0),
        visitors: time[index]!.events.reduce((sum, row) => sum + row.visitors, 0),
      };
    });
    const sum = (pick: (row: (typeof buildings)[number]) => number) => buildings.reduce((total, row) => total + pick(row), 0);
    return {
      city,
      period: input.period,
      ...range,
      detail,
      buildings,
      totals: {
        rentInvoicedCents: money.reduce((total, facts) => total + facts.rentInvoicedCents, 0),
        rentReceivedCents: sum((row) => row.rentReceivedCents),
        subsidiesCents: sum((row) => row.subsidiesCents),
        municipalInvestmentCents: sum((row) => row.municipalInvestmentCents),
        ownerInvestmentCents: sum((row) => row.ownerInvestmentCents),
        time: totalTime,
        valueCents: totalTime.total.valueCents,
      },
      hourlyValues: valuesApplying(values, range),
    };
  }

  private async monitoredCity(requested: string | undefined, principal: Principal): Promise<string> {
    const scope = buildingScopeOf(principal);
    const ownCity = scope.kind === 'city' ? await this.repository.cityOfOrganisation(scope.organisationId) : null;
    const city = requested ?? ownCity;
    if (!city) throw new InputError([{ field: 'city', message: 'city is required' }]);
    if (!mayMonitorCity(principal, city, ownCity)) throw new ForbiddenError();
    return city;
  }

  private async coordinatorOf(tenantId: string | null, buildingId: string): Promise<void> {
    if (tenantId !== null && !(await this.repository.isTenantOf(tenantId, buildingId)))
      throw new RuleError(TIME_ACCOUNT_ERRORS.coordinator_not_a_tenant_of_building);
  }

  today(): string {
    return this.clock.today();
  }
}

/** The hourly values that apply to some day of the range: the one in force on its first day and every later one within it. */
function valuesApplying(values: HourlyValue[], range: { first: string; last: string }): { validFrom: string; centsPerHour: number }[] {
  const inForce = values.filter((value) => value.validFrom <= range.first).at(-1);
  return [...(inForce ? [inForce] : []), ...values.filter((value) => value.validFrom > range.first && value.validFrom <= range.last)].map(
    ({ validFrom, centsPerHour }) => ({ validFrom, centsPerHour }),
  );
}
