import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { IdParam } from '../../common/validation/id-param.js';
import { sendDocument } from '../../documents/send-document.js';
import { HandoverResponseDto, StartHandoverDto, toHandoverResponse } from './dto/handover.dto.js';
import { HandoversService } from './handovers.service.js';

@ApiTags('handovers')
@ApiBearerAuth()
@Controller('api')
export class HandoversController {
  constructor(private readonly handovers: HandoversService) {}

  /** A dry run answers 200 with what would happen; otherwise the handover is queued (202). */
  @Post('buildings/:id/handovers')
  @Roles('admin')
  @ApiAcceptedResponse({ type: HandoverResponseDto })
  @ApiOkResponse({ type: HandoverResponseDto, description: 'dryRun: the preview; nothing changed' })
  async start(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam('building')) buildingId: string,
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
  @Roles('admin', 'owner')
  @ApiOkResponse({ type: HandoverResponseDto })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', new IdParam('handover')) id: string): Promise<HandoverResponseDto> {
    return toHandoverResponse(await this.handovers.getVisible(id, principal));
  }

  @Get('handovers/:id/dossier')
  @Roles('admin', 'owner')
  @ApiProduces('application/pdf')
  async dossier(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam('handover')) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendDocument(reply, await this.handovers.dossier(id, principal));
  }
}
