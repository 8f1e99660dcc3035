import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/validation/id-param.js';
import { LEASES_ERRORS } from '../../modules/leases/leases.errors.js';
import { LeasesService } from '../../modules/leases/leases.service.js';
import { SpacesService } from '../../modules/spaces/spaces.service.js';
import { TenantsService } from '../../modules/tenants/tenants.service.js';
import { renderPage } from '../render.js';
import { WebPages } from '../session/web-page.decorator.js';

/** One lease as the umbrella sees it: who, where, how long, at which band and rate. */
@Controller('leases')
@WebPages()
@Can('umbrella.workspace')
export class LeasePagesController {
  constructor(
    private readonly leases: LeasesService,
    private readonly tenants: TenantsService,
    private readonly spaces: SpacesService,
  ) {}

  @Get(':id')
  async page(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(LEASES_ERRORS.lease_not_found)) id: string,
  ): Promise<string> {
    const principal = request.principal!;
    const { lease, revisions } = await this.leases.getVisible(id, principal);
    const [tenant, space] = await Promise.all([this.tenants.getVisible(lease.tenantId, principal), this.spaces.get(lease.spaceId)]);
    return renderPage(request, reply, 'lease', 'lease.title', { lease, revisions, tenant, space });
  }
}
