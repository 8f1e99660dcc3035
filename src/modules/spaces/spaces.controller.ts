import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/errors/error-response.js';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';
import { mapPage, type Page, PageQueryDto } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { FLOORS_ERRORS } from '../floors/floors.errors.js';
import { CreateSpaceDto } from './dto/create-space.dto.js';
import { SpaceResponseDto, toSpaceResponse } from './dto/space.response.dto.js';
import { SpacesService } from './spaces.service.js';
import { ApiErrors } from '../../common/openapi/api-docs.decorators.js';
import { SPACES_ERRORS } from './spaces.errors.js';

@ApiTags('spaces')
@ApiBearerAuth()
@Controller('api/floors/:floorId/spaces')
export class SpacesController {
  constructor(private readonly spaces: SpacesService) {}

  @Post()
  @ApiOperation({
    summary: 'Add a space to a floor',
    description:
      'A lettable space (studio, office, workshop, shared, event, horeca) with its code, unique in the building, and its area in m² (> 0).',
  })
  @ApiErrors(SPACES_ERRORS.space_code_taken)
  @Can('buildings.write')
  @ApiCreatedResponse({ type: SpaceResponseDto })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param('floorId', new IdParam(FLOORS_ERRORS.floor_not_found)) floorId: string,
    @Body() body: CreateSpaceDto,
  ): Promise<SpaceResponseDto> {
    return toSpaceResponse(await this.spaces.create(floorId, body, principal));
  }

  @Get()
  @ApiOperation({
    summary: 'Spaces of a floor',
    description: 'The spaces of the floor by code, for whoever may see its building; an unknown or invisible floor is 404.',
  })
  @ApiPage(SpaceResponseDto)
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'A bad limit or offset' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'floor_not_found' })
  async listOnFloor(
    @CurrentPrincipal() principal: Principal,
    @Param('floorId', new IdParam(FLOORS_ERRORS.floor_not_found)) floorId: string,
    @Query() page: PageQueryDto,
  ): Promise<Page<SpaceResponseDto>> {
    return mapPage(await this.spaces.listOnFloor(floorId, principal, page), toSpaceResponse);
  }
}
