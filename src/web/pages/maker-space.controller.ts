import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { MAX_PAGE_LIMIT } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { sendDocument } from '../../documents/send-document.js';
import { BuildingsService } from '../../modules/buildings/buildings.service.js';
import { toLeaseResponse } from '../../modules/leases/dto/lease.response.dto.js';
import { LeaseNoticesService } from '../../modules/leases/lease-notices.service.js';
import { LEASES_ERRORS } from '../../modules/leases/leases.errors.js';
import { type LeaseView, LeasesService } from '../../modules/leases/leases.service.js';
import { SpacesService } from '../../modules/spaces/spaces.service.js';
import { renderPage } from '../render.js';
import { WebPages } from '../session/web-page.decorator.js';

/** The maker's space: each lease (space, m², band, rent per month, notice period, end) and the notice to vacate, if one was given. */
@Controller('my/space')
@WebPages()
@Can('portal.maker')
export class MakerSpacePagesController {
  constructor(
    private readonly leases: LeasesService,
    private readonly notices: LeaseNoticesService,
    private readonly spaces: SpacesService,
    private readonly buildings: BuildingsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async space(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { items } = await this.leases.list({ limit: MAX_PAGE_LIMIT, offset: 0 }, request.principal!);
    return renderPage(request, reply, 'maker-space', 'maker.space.title', { leases: await this.described(items, request.principal!) });
  }

  @Get(':id')
  async lease(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(LEASES_ERRORS.lease_not_found)) id: string,
  ): Promise<string> {
    const view = await this.leases.getVisible(id, request.principal!);
    return renderPage(request, reply, 'maker-space', 'maker.space.title', { leases: await this.described([view], request.principal!) });
  }

  @Get(':id/notice')
  async notice(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', new IdParam(LEASES_ERRORS.lease_not_found)) id: string,
  ): Promise<void> {
    await sendDocument(reply, await this.notices.letter(id, request.principal!));
  }

  /** Each lease as the API answers it (today's band, rate and rent), with its space, building and notice. */
  private described(views: LeaseView[], principal: Principal) {
    const today = this.clock.today();
    return Promise.all(
      views.map(async ({ lease, revisions, publicCounter }) => {
        const [space, building, notice] = await Promise.all([
          this.spaces.get(lease.spaceId),
          this.buildings.getVisible(lease.buildingId, principal),
          this.notices.noticeOf(lease.id, principal),
        ]);
        return { lease: toLeaseResponse(lease, revisions, { today, publicCounter }), space, building, notice };
      }),
    );
  }
}
