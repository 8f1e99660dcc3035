import type { EntityManager } from 'typeorm';
import { Injectable } from '@nestjs/common';
import { mayReadOwnershipPeriod, requireCapability } from '../../common/auth/access-policy.js';
import { type Principal, SYSTEM_PRINCIPAL } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { addDays, endOfYear, periodRange, yearOf } from '../../common/dates.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import type { Building } from '../buildings/building.entity.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import { BuildingLeasesService } from '../leases/building-leases.service.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { daysOwnedInUse, ownerBalance } from './balance.js';
import type { FinanceResponseDto, OwnerBalanceResponseDto, PutFinanceDto } from './dto/finance.dto.js';
import { OWNER_FINANCE_ERRORS } from './owner-finance.errors.js';
import { OwnerFinanceRepository } from './owner-finance.repository.js';

const NO_FINANCE = { headLeaseRentYearCents: 0, loanPrincipalCents: 0, interestRateBps: 0 };

@Injectable()
export class OwnerFinanceService {
  constructor(
    private readonly repository: OwnerFinanceRepository,
    private readonly buildings: BuildingsService,
    private readonly organisations: OrganisationsService,
    private readonly occupancy: BuildingLeasesService,
    private readonly clock: Clock,
  ) {}

  async put(buildingId: string, input: PutFinanceDto, principal: Principal): Promise<FinanceResponseDto> {
    requireCapability(principal, 'owner-finance.write');
    await this.buildings.getVisible(buildingId, principal);
    for (const [index, investment] of input.investments.entries()) {
      await this.organisations.requireOfKind(investment.partyId, null, `investments.${index}.partyId`);
    }
    const { headLeaseRentYearCents, loanPrincipalCents, interestRateBps } = input;
    await this.repository.replace(
      { buildingId, headLeaseRentYearCents, loanPrincipalCents, interestRateBps },
      input.investments.map((investment) => ({ ...investment, description: investment.description.trim() })),
    );
    return this.get(buildingId, principal);
  }

  /**
   * A new building's finance, set in the caller's transaction (a tender's conversion): the caller vouches
   * for the building and the investing organisations.
   */
  async putIn(manager: EntityManager, buildingId: string, input: PutFinanceDto, principal: Principal): Promise<void> {
    requireCapability(principal, 'owner-finance.write');
    const { headLeaseRentYearCents, loanPrincipalCents, interestRateBps } = input;
    await this.repository.replace(
      { buildingId, headLeaseRentYearCents, loanPrincipalCents, interestRateBps },
      input.investments.map((investment) => ({ ...investment, description: investment.description.trim() })),
      manager,
    );
  }

  async get(buildingId: string, principal: Principal): Promise<FinanceResponseDto> {
    const building = await this.readable(buildingId, principal);
    const finance = (await this.repository.findFinance(building.id)) ?? NO_FINANCE;
    const { headLeaseRentYearCents, loanPrincipalCents, interestRateBps } = finance;
    return {
      buildingId,
      headLeaseRentYearCents,
      loanPrincipalCents,
      interestRateBps,
      investments: await this.repository.investments(buildingId),
    };
  }

  /**
   * Rent income against interest cost for the days of the year one owner owned the building in
   * use: what fell due before a handover stays with the seller. An owner sees its own years (also
   * of a building it sold), never another owner's; admins see the owner of that year (the last
   * one if it changed hands that year) or the one they name.
   */
  async balance(
    buildingId: string,
    principal: Principal,
    year = yearOf(this.clock.today()),
    requestedOwnerId?: string,
  ): Promise<OwnerBalanceResponseDto> {
    requireCapability(principal, 'owner-finance.read');
    const building = await this.buildings.getVisibleIncludingPast(buildingId, principal);
    const range = periodRange(String(year));
    const periods = (await this.buildings.ownerships(building.id)).filter(
      (period) => period.ownedFrom <= range.last && (period.ownedTo === null || period.ownedTo > range.first),
    );
    const ownerId = this.ownerOfYear(principal, building, periods, requestedOwnerId);
    if (ownerId === null) throw new NotFoundError(OWNER_FINANCE_ERRORS.owner_year_not_found, { year });
    const owned = periods.filter((period) => period.ownerId === ownerId);
    const finance = (await this.repository.findFinance(building.id)) ?? NO_FINANCE;
    const days = daysOwnedInUse(range, building, owned);
    // The building as this owner last had it that year: its last day in use and in this owner's hands.
    const lastOwned = owned
      .map((period) => (period.ownedTo === null ? range.last : addDays(period.ownedTo, -1)))
      .sort()
      .at(-1);
    const lastDay = [range.last, building.useEnd, lastOwned].filter((day): day is string => !!day).sort()[0]!;
    // The policy was asked above (the building and this owner's year); a seller no longer sees today's occupancy.
    const { occupancyRate } = await this.occupancy.occupancy(buildingId, SYSTEM_PRINCIPAL, lastDay);
    return {
      year,
      ownerId,
      ownedDays: days,
      ...ownerBalance(finance, days, year),
      occupancyRate,
      investments: await this.repository.investments(buildingId, range.last),
    };
  }

  /**
   * The balance of every year this principal may see (an owner: each year it held the building in
   * use, also before a sale; never later than this year), oldest first.
   */
  async balances(buildingId: string, principal: Principal): Promise<OwnerBalanceResponseDto[]> {
    requireCapability(principal, 'owner-finance.read');
    const building = await this.buildings.getVisibleIncludingPast(buildingId, principal);
    const thisYear = yearOf(this.clock.today());
    const years = new Set<number>();
    for (const period of (await this.buildings.ownerships(building.id)).filter((owned) => mayReadOwnershipPeriod(principal, owned))) {
      const from = period.ownedFrom > building.useStart ? period.ownedFrom : building.useStart;
      const lastOwned = period.ownedTo === null ? null : addDays(period.ownedTo, -1);
      const to = [lastOwned, building.useEnd, endOfYear(thisYear)].filter((day): day is string => day !== null).sort()[0]!;
      for (let year = yearOf(from); from <= to && year <= yearOf(to); year += 1) years.add(year);
    }
    return Promise.all([...years].sort((a, b) => a - b).map((year) => this.balance(buildingId, principal, year)));
  }

  /** Whose figures the year shows; null when none this principal may see. */
  private ownerOfYear(
    principal: Principal,
    building: Building,
    periods: { ownerId: string }[],
    requestedOwnerId: string | undefined,
  ): string | null {
    const visible = periods.filter((period) => mayReadOwnershipPeriod(principal, period));
    if (requestedOwnerId !== undefined) return visible.some((period) => period.ownerId === requestedOwnerId) ? requestedOwnerId : null;
    if (visible.length > 0) return visible.at(-1)!.ownerId;
    // A year outside every period (before the building was registered): the current owner's, with no days.
    return periods.length === 0 && mayReadOwnershipPeriod(principal, { ownerId: building.ownerId }) ? building.ownerId : null;
  }

  /** Admins and the building's owner; the city sees aggregates in its reports, not an owner's books. */
  private async readable(buildingId: string, principal: Principal): Promise<Building> {
    requireCapability(principal, 'owner-finance.read');
    return this.buildings.getVisible(buildingId, principal);
  }
}
