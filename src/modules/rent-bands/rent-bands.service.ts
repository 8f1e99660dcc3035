import { Injectable } from '@nestjs/common';
import { requireCapability } from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { RuleError, whenNotFound } from '../../common/errors/domain-error.js';
import type { Building } from '../buildings/building.entity.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import { TenantsService } from '../tenants/tenants.service.js';
import { BUILDINGS_ERRORS } from '../buildings/buildings.errors.js';
import type { BandAssessment } from './band-assessment.entity.js';
import type { CreateBandAssessmentDto } from './dto/band-assessment.dto.js';
import type { PublishRentBandSchemeDto } from './dto/rent-band-scheme.dto.js';
import { assessmentValidUntil, type BandDefinition, chooseBand, DEFAULT_BANDS, schemeProblems } from './rent.js';
import { BandNotInSchemeError, InvalidBandSchemeError, NoValidAssessmentError } from './rent-bands.errors.js';
import { RentBandsRepository, type StoredScheme } from './rent-bands.repository.js';

@Injectable()
export class RentBandsService {
  constructor(
    private readonly repository: RentBandsRepository,
    private readonly buildings: BuildingsService,
    private readonly tenants: TenantsService,
    private readonly clock: Clock,
  ) {}

  async schemeOn(buildingId: string, principal: Principal, date = this.clock.today()): Promise<StoredScheme> {
    const building = await this.buildings.getVisible(buildingId, principal);
    return this.schemeOfBuildingOn(building, date);
  }

  async publish(buildingId: string, input: PublishRentBandSchemeDto, principal: Principal): Promise<StoredScheme> {
    requireCapability(principal, 'rent-bands.write');
    await this.buildings.getVisible(buildingId, principal);
    const bands: BandDefinition[] = input.bands.map(({ code, name, ratePerM2YearCents, maxIncomeCents }) => ({
      code,
      name: name.trim(),
      ratePerM2YearCents,
      maxIncomeCents: maxIncomeCents ?? null,
    }));
    const problems = schemeProblems(bands);
    if (problems.length > 0) throw new InvalidBandSchemeError(problems);
    const scheme = { validFrom: input.validFrom, bands };
    await this.repository.replaceScheme(buildingId, scheme);
    return scheme;
  }

  /**
   * Chooses the band for an income with the scheme in force when the assessment starts to count
   * (1 January after the basis year). The income is used here and then forgotten.
   */
  async assess(tenantId: string, input: CreateBandAssessmentDto, principal: Principal): Promise<BandAssessment> {
    requireCapability(principal, 'band-assessments.write');
    const tenant = await this.tenants.getVisible(tenantId, principal);
    const building = await this.buildings
      .getVisible(input.buildingId, principal)
      .catch(
        whenNotFound(
          () => new RuleError(BUILDINGS_ERRORS.unknown_building, {}, [{ field: 'buildingId', message: `no building ${input.buildingId}` }]),
        ),
      );
    const scheme = await this.schemeOfBuildingOn(building, `${input.basisYear + 1}-01-01`);
    const band = chooseBand(scheme.bands, input.incomeCents);
    return this.repository.insertAssessment({
      tenantId: tenant.id,
      buildingId: building.id,
      bandCode: band.code,
      ratePerM2YearCents: band.ratePerM2YearCents,
      basisYear: input.basisYear,
      validUntil: assessmentValidUntil(input.basisYear),
      assessedBy: principal.userId,
    });
  }

  async assessmentsOf(tenantId: string, principal: Principal): Promise<BandAssessment[]> {
    requireCapability(principal, 'band-assessments.read');
    await this.tenants.getVisible(tenantId, principal);
    return this.repository.findAssessmentsOfTenant(tenantId);
  }

  /** The newest assessment valid on the date; a lease cannot be made without one. */
  async requireValidAssessment(tenantId: string, buildingId: string, date: string): Promise<BandAssessment> {
    const assessment = await this.repository.findValidAssessment(tenantId, buildingId, date);
    if (!assessment) throw new NoValidAssessmentError(date);
    return assessment;
  }

  /** The rate of a band in the scheme the building has on a date. */
  async rateOn(building: Building, bandCode: string, date: string): Promise<number> {
    const scheme = await this.schemeOfBuildingOn(building, date);
    const band = scheme.bands.find((candidate) => candidate.code === bandCode);
    if (!band) throw new BandNotInSchemeError(bandCode, date);
    return band.ratePerM2YearCents;
  }

  /** Until a scheme is published, a building has the default bands from the start of its use. */
  private async schemeOfBuildingOn(building: Building, date: string): Promise<StoredScheme> {
    return (
      (await this.repository.findSchemeOn(building.id, date)) ?? {
        validFrom: building.useStart,
        bands: DEFAULT_BANDS.map((band) => ({ ...band })),
      }
    );
  }
}
