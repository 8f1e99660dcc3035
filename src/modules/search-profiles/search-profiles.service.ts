import { Injectable } from '@nestjs/common';
import { actingUmbrellaOf, requireCapability, umbrellaRecordScopeOf } from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import { NotFoundError, RuleError } from '../../common/errors/domain-error.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import type { PutSearchProfileDto } from './dto/search-profile.dto.js';
import type { SearchProfile } from './search-profile.entity.js';
import { SEARCH_PROFILES_ERRORS } from './search-profiles.errors.js';
import { type NamedSearchProfile, SearchProfilesRepository } from './search-profiles.repository.js';

/** Umbrellas keep what they look for; their staff see and change their own umbrella's profiles only. */
@Injectable()
export class SearchProfilesService {
  constructor(
    private readonly profiles: SearchProfilesRepository,
    private readonly organisations: OrganisationsService,
  ) {}

  async create(input: PutSearchProfileDto, principal: Principal): Promise<SearchProfile> {
    requireCapability(principal, 'search-profiles.write');
    const umbrellaId = actingUmbrellaOf(principal, input.umbrellaId);
    if (umbrellaId === null) {
      throw new RuleError(SEARCH_PROFILES_ERRORS.umbrella_required, {}, [{ field: 'umbrellaId', message: 'required' }]);
    }
    await this.organisations.requireOfKind(umbrellaId, 'umbrella', 'umbrellaId');
    return this.profiles.insert({ umbrellaId, ...valuesOf(input) });
  }

  async replace(id: string, input: PutSearchProfileDto, principal: Principal): Promise<SearchProfile> {
    requireCapability(principal, 'search-profiles.write');
    const profile = await this.getVisible(id, principal);
    if (input.umbrellaId !== undefined && input.umbrellaId !== profile.umbrellaId) {
      throw new RuleError(SEARCH_PROFILES_ERRORS.umbrella_required, {}, [
        { field: 'umbrellaId', message: 'a profile stays with its umbrella' },
      ]);
    }
    await this.profiles.replace(id, valuesOf(input));
    return { ...profile, ...valuesOf(input) };
  }

  async remove(id: string, principal: Principal): Promise<void> {
    requireCapability(principal, 'search-profiles.write');
    await this.getVisible(id, principal);
    await this.profiles.delete(id);
  }

  /** Another umbrella's profile answers as unknown. */
  async getVisible(id: string, principal: Principal): Promise<SearchProfile> {
    requireCapability(principal, 'search-profiles.read');
    const scope = umbrellaRecordScopeOf(principal);
    const profile = await this.profiles.findById(id);
    if (!profile || scope === null || (scope.umbrellaId !== undefined && scope.umbrellaId !== profile.umbrellaId)) {
      throw new NotFoundError(SEARCH_PROFILES_ERRORS.search_profile_not_found, { id });
    }
    return profile;
  }

  async list(filter: { umbrellaId?: string }, principal: Principal): Promise<SearchProfile[]> {
    requireCapability(principal, 'search-profiles.read');
    const scope = umbrellaRecordScopeOf(principal);
    if (scope === null) return [];
    if (scope.umbrellaId !== undefined && filter.umbrellaId !== undefined && filter.umbrellaId !== scope.umbrellaId) return [];
    return this.profiles.find({ umbrellaId: scope.umbrellaId ?? filter.umbrellaId });
  }

  /** Every umbrella's profiles for matching (the caller decides who may see the outcome). */
  allForMatching(filter: { umbrellaId?: string } = {}): Promise<NamedSearchProfile[]> {
    return this.profiles.findNamed(filter);
  }
}

function valuesOf(input: PutSearchProfileDto): Omit<SearchProfile, 'id' | 'createdAt' | 'umbrellaId'> {
  if (input.maxM2 < input.minM2) {
    throw new RuleError(SEARCH_PROFILES_ERRORS.area_range_invalid, {}, [{ field: 'maxM2', message: 'must be at least minM2' }]);
  }
  return {
    name: input.name.trim(),
    minimumYears: input.minimumYears,
    minM2: input.minM2,
    maxM2: input.maxM2,
    districts: [...new Set(input.districts.map((district) => district.trim()))],
    buildingTypes: [...new Set(input.buildingTypes)],
    maxRentPerM2YearCents: input.maxRentPerM2YearCents ?? null,
    ownInvestmentCents: input.ownInvestmentCents,
  };
}
