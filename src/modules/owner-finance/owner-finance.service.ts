import { Injectable } from '@nestjs/common';
import { requireCapability } from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { periodRange, yearOf } from '../../common/dates.js';
import type { Building } from '../buildings/building.entity.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import { BuildingLeasesService } from '../leases/building-leases.service.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { ownedDaysWithin, ownerBalance } from './balance.js';
import type { FinanceResponseDto, OwnerBalanceResponseDto, PutFinanceDto } from './dto/finance.dto.js';
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
   * Rent income against interest cost for the days of the year the current owner owned the
   * building in use: what fell due before a handover stays with the previous owner.
   */
  async balance(buildingId: string, principal: Principal, year = yearOf(this.clock.today())): Promise<OwnerBalanceResponseDto> {
    const building = await this.readable(buildingId, principal);
    const finance = (await this.repository.findFinance(building.id)) ?? NO_FINANCE;
    const days = ownedDaysWithin(periodRange(String(year)), building);
    const yearEnd = `${year}-12-31`;
    const lastDayInUse = building.useEnd !== null && building.useEnd < yearEnd ? building.useEnd : yearEnd;
    const { occupancyRate } = await this.occupancy.occupancy(buildingId, principal, lastDayInUse);
    return {
      year,
      ...ownerBalance(finance, days, year),
      occupancyRate,
      investments: await this.repository.investments(buildingId, yearEnd),
    };
  }

  /** Admins and the building's owner; the city sees aggregates in its reports, not an owner's books. */
  private async readable(buildingId: string, principal: Principal): Promise<Building> {
    requireCapability(principal, 'owner-finance.read');
    return this.buildings.getVisible(buildingId, principal);
  }
}
