import { Injectable } from '@nestjs/common';
import type { Principal } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { bestPerUmbrella, type Candidate, rankCandidates } from '../search-profiles/matching.js';
import { SearchProfilesService } from '../search-profiles/search-profiles.service.js';
import { matchPropertyOf, PropertiesService } from './properties.service.js';

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
    const property = matchPropertyOf(await this.properties.get(propertyId, principal));
    const ranked = rankCandidates(property, await this.profiles.allForMatching(), this.clock.today());
    const { areaM2, availableUntil } = property;
    return { areaM2, availableUntil, candidates: bestPerUmbrella(ranked) };
  }
}
