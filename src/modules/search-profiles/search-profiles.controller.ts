import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiErrors } from '../../common/openapi/api-docs.decorators.js';
import { IdParam } from '../../common/validation/id-param.js';
import {
  ListSearchProfilesQueryDto,
  PutSearchProfileDto,
  SearchProfileResponseDto,
  toSearchProfileResponse,
} from './dto/search-profile.dto.js';
import { SEARCH_PROFILES_ERRORS } from './search-profiles.errors.js';
import { SearchProfilesService } from './search-profiles.service.js';

@ApiTags('search profiles')
@ApiBearerAuth()
@Controller('api/search-profiles')
export class SearchProfilesController {
  constructor(private readonly profiles: SearchProfilesService) {}

  @Post()
  @Can('search-profiles.write')
  @ApiOperation({
    summary: 'Add a search profile',
    description:
      'What an umbrella looks for: minimum years, an m² range, districts, building types, the most rent per m² and its own investment. An umbrella’s staff add to their own umbrella; installation admins name it.',
  })
  @ApiErrors(SEARCH_PROFILES_ERRORS.umbrella_required, SEARCH_PROFILES_ERRORS.area_range_invalid)
  @ApiCreatedResponse({ type: SearchProfileResponseDto })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: PutSearchProfileDto): Promise<SearchProfileResponseDto> {
    return toSearchProfileResponse(await this.profiles.create(body, principal));
  }

  @Get()
  @Can('search-profiles.read')
  @ApiOperation({ summary: 'Search profiles', description: 'The caller’s umbrella’s (installation admins: every umbrella’s, or one’s).' })
  @ApiOkResponse({ type: [SearchProfileResponseDto] })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListSearchProfilesQueryDto): Promise<SearchProfileResponseDto[]> {
    return (await this.profiles.list(query, principal)).map(toSearchProfileResponse);
  }

  @Get(':id')
  @Can('search-profiles.read')
  @ApiOperation({ summary: 'A search profile', description: 'Another umbrella’s answers 404.' })
  @ApiOkResponse({ type: SearchProfileResponseDto })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(SEARCH_PROFILES_ERRORS.search_profile_not_found)) id: string,
  ): Promise<SearchProfileResponseDto> {
    return toSearchProfileResponse(await this.profiles.getVisible(id, principal));
  }

  @Put(':id')
  @Can('search-profiles.write')
  @ApiOperation({ summary: 'Replace a search profile', description: 'The same fields as adding one; it stays with its umbrella.' })
  @ApiErrors(SEARCH_PROFILES_ERRORS.area_range_invalid)
  @ApiOkResponse({ type: SearchProfileResponseDto })
  async replace(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(SEARCH_PROFILES_ERRORS.search_profile_not_found)) id: string,
    @Body() body: PutSearchProfileDto,
  ): Promise<SearchProfileResponseDto> {
    return toSearchProfileResponse(await this.profiles.replace(id, body, principal));
  }

  @Delete(':id')
  @Can('search-profiles.write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a search profile', description: 'Another umbrella’s answers 404.' })
  @ApiNoContentResponse()
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(SEARCH_PROFILES_ERRORS.search_profile_not_found)) id: string,
  ): Promise<void> {
    await this.profiles.remove(id, principal);
  }
}
