import { Controller, Get, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { addMonths } from '../../common/dates.js';
import { AllocationsService } from '../../modules/applications/allocations.service.js';
import { BuildingsService } from '../../modules/buildings/buildings.service.js';
import { InvoicesService } from '../../modules/invoices/invoices.service.js';
import { BuildingLeasesService } from '../../modules/leases/building-leases.service.js';
import { renderPage } from '../render.js';
import { WebPages } from '../session/web-page.decorator.js';

export interface BuildingOverview {
  id: string;
  name: string;
  inUse: boolean;
  occupancyRate: number;
  vacantAreaM2: number;
  arrearsCents: number;
  openOffers: number;
  runsInProgress: number;
  leasesEnding: number;
}

/** The umbrella's first page: every building today, from the same services (and policy) as the API. */
@Controller('dashboard')
@WebPages()
@Can('umbrella.workspace')
export class DashboardController {
  constructor(
    private readonly buildings: BuildingsService,
    private readonly buildingLeases: BuildingLeasesService,
    private readonly invoices: InvoicesService,
    private readonly allocations: AllocationsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async page(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const buildings = await this.overview(request.principal!);
    return renderPage(request, reply, 'dashboard', 'dashboard.title', { buildings, today: this.clock.today() });
  }

  private async overview(principal: Principal): Promise<BuildingOverview[]> {
    const today = this.clock.today();
    const { items } = await this.buildings.listVisible(principal, { limit: 500, offset: 0 });
    const ids = items.map((building) => building.id);
    const [billing, offers, ending, occupancies] = await Promise.all([
      this.invoices.billingSummaries(ids, principal),
      this.allocations.openOffersPerBuilding(ids, principal),
      this.buildingLeases.endingSoon(ids, addMonths(today, 3), principal),
      Promise.all(items.map((building) => this.buildingLeases.occupancy(building.id, principal, today))),
    ]);
    return items.map((building, index) => ({
      id: building.id,
      name: building.name,
      inUse: building.useStart <= today && (building.useEnd === null || building.useEnd >= today),
      occupancyRate: occupancies[index]!.occupancyRate,
      vacantAreaM2: occupancies[index]!.vacantAreaM2,
      arrearsCents: billing.get(building.id)?.arrearsCents ?? 0,
      openOffers: offers.get(building.id) ?? 0,
      runsInProgress: billing.get(building.id)?.runsInProgress ?? 0,
      leasesEnding: ending.get(building.id) ?? 0,
    }));
  }
}
