import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
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
}
