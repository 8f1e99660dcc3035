import { Body, Controller, Delete, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiDeletion } from '../../common/errors/api-corrections.decorator.js';
import { IdParam } from '../../common/validation/id-param.js';
import { FLOORS_ERRORS } from '../floors/floors.errors.js';
import { CreateSpaceDto } from './dto/create-space.dto.js';
import { SpaceResponseDto, toSpaceResponse } from './dto/space.response.dto.js';
import { SPACES_ERRORS } from './spaces.errors.js';
import { SpacesService } from './spaces.service.js';

@ApiTags('spaces')
@ApiBearerAuth()
@Controller('api/floors/:floorId/spaces')
export class SpacesController {
  constructor(private readonly spaces: SpacesService) {}

  @Post()
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

/** A space by its own id. Its correction (PATCH) is the leases module's, as a new area carries over to its leases. */
@ApiTags('spaces')
@ApiBearerAuth()
@Controller('api/spaces')
export class SpaceRecordsController {
  constructor(private readonly spaces: SpacesService) {}

  @Delete(':id')
  @Can('buildings.write')
  @ApiDeletion('Delete a space', 'Only while no lease refers to it; the audit log keeps what it held.', {
    notFound: 'space_not_found',
    conflict: ['space_has_leases'],
  })
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(SPACES_ERRORS.space_not_found)) id: string,
  ): Promise<void> {
    await this.spaces.remove(id, principal);
  }
}
