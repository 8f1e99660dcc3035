import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { IdParam } from '../../common/validation/id-param.js';
import { sendDocument } from '../../documents/send-document.js';
import { BUILDINGS_ERRORS } from '../buildings/buildings.errors.js';
import { HandoverResponseDto, StartHandoverDto, toHandoverResponse } from './dto/handover.dto.js';
import { HandoversService } from './handovers.service.js';
import { HANDOVERS_ERRORS } from './handovers.errors.js';
import { ApiErrors, ApiFile, FILE_TYPES } from '../../common/openapi/api-docs.decorators.js';
import { ORGANISATIONS_ERRORS } from '../organisations/organisations.errors.js';
import { FLOORS_ERRORS } from '../floors/floors.errors.js';

@ApiTags('handovers')
@ApiBearerAuth()
@Controller('api')
export class HandoversController {
  constructor(private readonly handovers: HandoversService) {}

  /** A dry run answers 200 with what would happen; otherwise the handover is queued (202). */
  @Post('buildings/:id/handovers')
  @ApiOperation({
    summary: 'Hand a building over to a new owner',
    description:
      'Transfers the building to `newOwnerId` on `transferDate`, keeping `retainedFloorIds` in the broedplaats and optionally moving the end of use. ' +
      'Leases on the other floors get a notice to vacate. `dryRun: true` answers the preview (200) and changes nothing; otherwise the handover is queued (202) ' +
      'and is checked first: a floor not of this building, an unknown owner or a date before an earlier handover is 422, a handover still in progress 409.',
  })
  @ApiErrors(
    ORGANISATIONS_ERRORS.unknown_owner,
    HANDOVERS_ERRORS.same_owner,
    FLOORS_ERRORS.floor_not_in_building,
    HANDOVERS_ERRORS.transfer_outside_use,
    HANDOVERS_ERRORS.transfer_before_previous_handover,
    HANDOVERS_ERRORS.use_end_before_transfer,
    HANDOVERS_ERRORS.handover_in_progress,
  )
  @Can('handovers.write')
  @ApiAcceptedResponse({ type: HandoverResponseDto })
  @ApiOkResponse({ type: HandoverResponseDto, description: 'dryRun: the preview; nothing changed' })
  async start(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) buildingId: string,
    @Body() body: StartHandoverDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HandoverResponseDto> {
    const { handover, plan, building } = await this.handovers.start(buildingId, body, principal);
    void reply.status(handover ? 202 : 200);
    return toHandoverResponse(
      handover ?? {
        id: null,
        status: 'preview',
        buildingId,
        transferDate: body.transferDate,
        fromOwnerId: building.ownerId,
        toOwnerId: body.newOwnerId,
        retainedFloorIds: body.retainedFloorIds,
        newUseEnd: body.newUseEnd ?? null,
        plan,
        dossierDocumentId: null,
        error: null,
      },
    );
  }

  @Get('handovers/:id')
  @ApiOperation({
    summary: 'One handover',
    description:
      'Its status, date, old and new owner, the leases that run on and those that end, and whether the dossier is ready; for admins and both owners.',
  })
  @Can('handovers.read')
  @ApiOkResponse({ type: HandoverResponseDto })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(HANDOVERS_ERRORS.handover_not_found)) id: string,
  ): Promise<HandoverResponseDto> {
    return toHandoverResponse(await this.handovers.getVisible(id, principal));
  }

  @Get('handovers/:id/dossier')
  @ApiOperation({
    summary: 'The dossier of a handover',
    description:
      'The PDF with the floors, leases and notices of the handover, once `dossierReady`; owners get the copy without personal data of the makers.',
  })
  @ApiErrors(HANDOVERS_ERRORS.dossier_not_ready)
  @Can('handovers.read')
  @ApiFile('The dossier of the handover', FILE_TYPES.pdf)
  async dossier(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(HANDOVERS_ERRORS.handover_not_found)) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendDocument(reply, await this.handovers.dossier(id, principal));
  }
}
