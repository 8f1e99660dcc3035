import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SYSTEM_PRINCIPAL } from '../../common/auth/principal.js';
import { RuleError } from '../../common/errors/domain-error.js';
import type { Building, BuildingKind } from '../buildings/building.entity.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import { FloorsService } from '../floors/floors.service.js';
import type { InvestmentDto } from '../owner-finance/dto/finance.dto.js';
import { OwnerFinanceService } from '../owner-finance/owner-finance.service.js';
import { PropertiesService, totalM2Of } from '../properties/properties.service.js';
import type { AwardDto } from './dto/tender.dto.js';
import type { Tender, TenderProposal } from './tender.entity.js';
import { addYears, latestUseEnd } from './tender-scoring.js';
import { TENDERS_ERRORS } from './tenders.errors.js';
import { TendersRepository } from './tenders.repository.js';

/** Everything the conversion will write, worked out (and checked) before the award's transaction. */
export interface ConversionPlan {
  building: {
    name: string;
    address: string;
    city: string;
    ownerId: string;
    umbrellaId: string;
    kind: BuildingKind;
    useStart: string;
    useEnd?: string;
    invoicePrefix: string;
    propertyId: string;
  };
  floorLevels: number[];
  headLeaseRentYearCents: number;
  investments: InvestmentDto[];
}

/**
 * The awarded proposal becomes a broedplaats: the building with its head lease (owner to the umbrella,
 * from the start for the proposal's term), its owner finance and investments (the owner's, the city's
 * conversion subsidy from the scheme in force on the start, the umbrella's own) and a draft floor for each
 * of the property's floors, ready for a first application round. Run inside the award's transaction.
 */
@Injectable()
export class ConvertToBroedplaatsService {
  constructor(
    private readonly tenders: TendersRepository,
    private readonly properties: PropertiesService,
    private readonly buildings: BuildingsService,
    private readonly floors: FloorsService,
    private readonly finance: OwnerFinanceService,
  ) {}

  /**
   * A use may not end past the latest allowed: the owner's date (the vacancy's available-until), ten
   * years of a temporary zoning deviation, a permit's end (422 naming which).
   */
  async plan(tender: Tender, proposal: TenderProposal, input: AwardDto): Promise<ConversionPlan> {
    const { property, floors, openVacancy } = await this.properties.get(tender.propertyId, SYSTEM_PRINCIPAL);
    if (input.useStart <= tender.closesOn) {
      throw new RuleError(TENDERS_ERRORS.use_start_before_closing, {}, [
        { field: 'useStart', message: `must be after ${tender.closesOn}` },
      ]);
    }
    const kind = input.kind ?? 'temporary';
    const useEnd = input.useEnd ?? (kind === 'temporary' ? addYears(input.useStart, proposal.termYears) : undefined);
    const latest = latestUseEnd({
      useStart: input.useStart,
      ownerAvailableUntil: openVacancy?.availableUntil ?? null,
      zoningDeviation: tender.zoningDeviation,
      permitEndsOn: tender.permitEndsOn,
    });
    if (latest !== null && (useEnd === undefined || useEnd > latest.latest)) {
      throw new RuleError(
        TENDERS_ERRORS.use_end_past_latest,
        { useEnd: useEnd ?? 'never', latest: latest.latest, because: latest.because },
        [{ field: 'useEnd', message: `must be on or before ${latest.latest}` }],
      );
    }
    const investments: InvestmentDto[] = [];
    if ((input.ownerInvestmentCents ?? 0) > 0) {
      investments.push({
        partyId: property.ownerId,
        description: 'Investering eigenaar',
        amountCents: input.ownerInvestmentCents!,
        date: input.useStart,
      });
    }
    const [scheme, municipalityId] = await Promise.all([
      this.tenders.schemeOn(property.city, input.useStart),
      this.tenders.municipalityOf(property.city),
    ]);
    if (scheme && municipalityId) {
      const amountCents = Math.min(scheme.maxCents, Math.round(scheme.centsPerM2 * totalM2Of(floors)));
      if (amountCents > 0) {
        investments.push({ partyId: municipalityId, description: `Ombouwsubsidie (${scheme.source})`, amountCents, date: input.useStart });
      }
    }
    if (proposal.ownInvestmentCents > 0) {
      investments.push({
        partyId: proposal.umbrellaId,
        description: 'Eigen investering koepel',
        amountCents: proposal.ownInvestmentCents,
        date: input.useStart,
      });
    }
    return {
      building: {
        name: input.buildingName,
        address: property.address,
        city: property.city,
        ownerId: property.ownerId,
        umbrellaId: proposal.umbrellaId,
        kind,
        useStart: input.useStart,
        ...(useEnd !== undefined && { useEnd }),
        invoicePrefix: input.invoicePrefix,
        propertyId: property.id,
      },
      floorLevels: floors.map((floor) => floor.level).sort((a, b) => a - b),
      headLeaseRentYearCents: proposal.rentToOwnerYearCents,
      investments,
    };
  }

  async execute(manager: EntityManager, plan: ConversionPlan): Promise<Building> {
    const building = await this.buildings.createIn(manager, plan.building, SYSTEM_PRINCIPAL);
    for (const level of plan.floorLevels) await this.floors.createIn(manager, building.id, { level }, SYSTEM_PRINCIPAL);
    await this.finance.putIn(
      manager,
      building.id,
      { headLeaseRentYearCents: plan.headLeaseRentYearCents, loanPrincipalCents: 0, interestRateBps: 0, investments: plan.investments },
      SYSTEM_PRINCIPAL,
    );
    // The property's vacancy ends with the use the award gave it.
    await this.properties.endOpenVacancyIn(manager, plan.building.propertyId, plan.building.useStart, SYSTEM_PRINCIPAL);
    return building;
  }
}
