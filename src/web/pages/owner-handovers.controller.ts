import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import { MAX_PAGE_LIMIT } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { sendDocument } from '../../documents/send-document.js';
import { BuildingsService } from '../../modules/buildings/buildings.service.js';
import { HANDOVERS_ERRORS } from '../../modules/handovers/handovers.errors.js';
import { HandoversService } from '../../modules/handovers/handovers.service.js';
import { renderPage } from '../render.js';
import { WebPages } from '../session/web-page.decorator.js';

/**
 * The handovers of the owner's buildings, those it sold and those it bought: the plan (who stays,
 * who gets a notice) and the owners' dossier, read only. No sub-tenant's name: owners deal with the
 * umbrella, not with its sub-tenants.
 */
@Controller('owner/handovers')
@WebPages()
@Can('portal.owner')
export class OwnerHandoverPagesController {
  constructor(
    private readonly buildings: BuildingsService,
    private readonly handovers: HandoversService,
  ) {}

  @Get()
  async list(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const principal = request.principal!;
    const { items: buildings } = await this.buildings.listVisible(principal, { limit: MAX_PAGE_LIMIT, offset: 0 });
    const perBuilding = await Promise.all(
      buildings.map(async (building) => ({
        building,
        handovers: (await this.handovers.listForBuilding(building.id, principal, { limit: 50, offset: 0 })).items,
      })),
    );
    const rows = await Promise.all(
      perBuilding.flatMap(({ building, handovers }) =>
        handovers.map(async (handover) => ({ building, handover, parties: await this.handovers.partyNames(handover.id, principal) })),
      ),
    );
    return renderPage(request, reply, 'owner-handovers', 'owner.handovers.title', { rows });
  }

  @Get(':id')
  async handover(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(HANDOVERS_ERRORS.handover_not_found)) id: string,
  ): Promise<string> {
    const principal = request.principal!;
    const handover = await this.handovers.getVisible(id, principal);
    const [building, parties] = await Promise.all([
      this.buildings.getVisibleIncludingPast(handover.buildingId, principal),
      this.handovers.partyNames(id, principal),
    ]);
    return renderPage(request, reply, 'owner-handover', 'handovers.handoverTitle', {
      handover,
      building,
      fromName: parties.from,
      toName: parties.to,
      tables: { withTenants: false, staying: handover.plan.leasesTransferred, ending: handover.plan.leasesEnded },
    });
  }

  @Get(':id/dossier')
  async dossier(
    @Req() request: AuthenticatedRequest,
    @Param('id', new IdParam(HANDOVERS_ERRORS.handover_not_found)) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendDocument(reply, await this.handovers.dossier(id, request.principal!));
  }
}
