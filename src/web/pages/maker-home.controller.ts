import { Controller, Get, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import { Clock } from '../../common/clock/clock.js';
import { MAX_PAGE_LIMIT } from '../../common/pagination/page.js';
import { ApplicationsService } from '../../modules/applications/applications.service.js';
import { BuildingsService } from '../../modules/buildings/buildings.service.js';
import { FloorsService } from '../../modules/floors/floors.service.js';
import { statusOn } from '../../modules/invoices/invoice-status.js';
import { InvoicesService } from '../../modules/invoices/invoices.service.js';
import { PaymentCorrectionsService } from '../../modules/invoices/payment-corrections.service.js';
import { LeasesService } from '../../modules/leases/leases.service.js';
import { SpacesService } from '../../modules/spaces/spaces.service.js';
import { renderPage } from '../render.js';
import { WebPages } from '../session/web-page.decorator.js';
import { openOffersOf } from './maker-offers.js';

/** The maker's home: its space today, offers waiting for an answer, what is open or overdue, and its applications. */
@Controller('my')
@WebPages()
@Can('portal.maker')
export class MakerHomeController {
  constructor(
    private readonly leases: LeasesService,
    private readonly spaces: SpacesService,
    private readonly invoices: InvoicesService,
    private readonly corrections: PaymentCorrectionsService,
    private readonly applications: ApplicationsService,
    private readonly floors: FloorsService,
    private readonly buildings: BuildingsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async home(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const principal = request.principal!;
    const today = this.clock.today();
    const [leases, openInvoices, balance, offers, applications] = await Promise.all([
      this.leases.list({ status: 'active', limit: MAX_PAGE_LIMIT, offset: 0 }, principal),
      this.invoices.list({ status: 'open' }, { limit: MAX_PAGE_LIMIT, offset: 0 }, principal),
      principal.tenantId ? this.corrections.balance(principal.tenantId, principal) : null,
      openOffersOf(principal, { applications: this.applications, floors: this.floors, buildings: this.buildings }),
      this.applications.list({ mine: true }, principal, { limit: MAX_PAGE_LIMIT, offset: 0 }),
    ]);
    const spaces = await Promise.all(leases.items.map(({ lease }) => this.spaces.get(lease.spaceId)));
    return renderPage(request, reply, 'maker-home', 'maker.home.title', {
      leases: leases.items.map(({ lease }, index) => ({ lease, space: spaces[index]! })),
      invoices: openInvoices.items.map((invoice) => ({ invoice, status: statusOn(invoice, today) })),
      balance,
      offers,
      applications: applications.items,
    });
  }
}
