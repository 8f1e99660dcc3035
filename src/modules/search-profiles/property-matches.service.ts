import { Injectable } from '@nestjs/common';
import type { Principal } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { PropertiesService, vacantM2Of } from '../properties/properties.service.js';
import { bestPerUmbrella, type Candidate, rankCandidates } from './matching.js';
import { SearchProfilesService } from './search-profiles.service.js';

/**
 * Which umbrellas fit a property, explained: for whoever may read the property in full (its owner, the
 * city, the installation's admins), every umbrella once by its best profile, ranked.
 */
@Injectable()
export class PropertyMatchesService {
  constructor(
    private readonly properties: PropertiesService,
    private readonly profiles: SearchProfilesService,
    private readonly clock: Clock,
  ) {}

  async matches(
    propertyId: string,
    principal: Principal,
  ): Promise<{ areaM2: number; availableUntil: string | null; candidates: Candidate[] }> {
    const { property, floors, openVacancy } = await this.properties.get(propertyId, principal);
    const areaM2 = vacantM2Of(floors);
    const availableUntil = openVacancy?.availableUntil ?? null;
    const ranked = rankCandidates(
      {
        areaM2,
        district: property.district,
        useCategory: property.useCategory,
        availableFrom: openVacancy?.availableFrom ?? null,
        availableUntil,
        askingRentPerM2YearCents: null,
      },
      await this.profiles.allForMatching(),
      this.clock.today(),
    );
    return { areaM2, availableUntil, candidates: bestPerUmbrella(ranked) };
  }
}
