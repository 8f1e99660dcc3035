import { Body, Controller, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiCorrection } from '../../common/errors/api-corrections.decorator.js';
import { IdParam } from '../../common/validation/id-param.js';
import { SpaceResponseDto, toSpaceResponse } from '../spaces/dto/space.response.dto.js';
import { UpdateSpaceDto } from '../spaces/dto/update-space.dto.js';
import { SPACES_ERRORS } from '../spaces/spaces.errors.js';
import { CorrectSpaceService } from './correct-space.service.js';

/** Here rather than in spaces: a corrected area carries over to the space's running leases. */
@ApiTags('spaces')
@ApiBearerAuth()
@Controller('api/spaces')
export class SpaceCorrectionsController {
  constructor(private readonly correctSpace: CorrectSpaceService) {}

  @Patch(':id')
  @Can('buildings.write')
  @ApiCorrection(
    'Correct a space',
    'Any subset of the create fields. A new area carries over to the leases of the space that run today or later, so invoices not issued yet use it; issued invoices never change. Each change is in the audit log with its value before and after.',
    SpaceResponseDto,
    { notFound: SPACES_ERRORS.space_not_found, conflict: [SPACES_ERRORS.space_code_taken] },
  )
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(SPACES_ERRORS.space_not_found)) id: string,
    @Body() body: UpdateSpaceDto,
  ): Promise<SpaceResponseDto> {
    return toSpaceResponse(await this.correctSpace.correct(id, body, principal));
  }
}
