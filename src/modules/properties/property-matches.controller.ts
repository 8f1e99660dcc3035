import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { IdParam } from '../../common/validation/id-param.js';
import { MatchesResponseDto } from '../search-profiles/dto/search-profile.dto.js';
import { PROPERTIES_ERRORS } from './properties.errors.js';
import { PropertyMatchesService } from './property-matches.service.js';

@ApiTags('search profiles')
@ApiBearerAuth()
@Controller('api/properties/:id/matches')
export class PropertyMatchesController {
  constructor(private readonly matches: PropertyMatchesService) {}

  @Get()
  @Can('properties.read')
  @ApiOperation({
    summary: 'Umbrellas that fit a property',
    description:
      'Every umbrella once, by its best search profile, ranked deterministically: eligible (every hard condition passes) first, then points. Per candidate each hard condition (minimum years, m² range, district, building type) passes, fails or is unknown (an unknown end of availability never passes a minimum-years condition), and the points of each soft criterion.',
  })
  @ApiOkResponse({ type: MatchesResponseDto })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(PROPERTIES_ERRORS.property_not_found)) id: string,
  ): Promise<MatchesResponseDto> {
    const { areaM2, availableUntil, candidates } = await this.matches.matches(id, principal);
    return {
      propertyId: id,
      areaM2,
      availableUntil,
      candidates: candidates.map(({ rank, umbrellaId, umbrellaName, profileId, eligible, points, conditions, criteria }) => ({
        rank,
        umbrellaId,
        umbrellaName,
        profileId,
        eligible,
        points,
        conditions,
        criteria,
      })),
    };
  }
}
