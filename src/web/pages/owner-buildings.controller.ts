import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import type { Language } from '../../common/errors/error-codes.js';
import { MAX_PAGE_LIMIT } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { BUILDINGS_ERRORS } from '../../modules/buildings/buildings.errors.js';
import { BuildingsService } from '../../modules/buildings/buildings.service.js';
import { BroedplaatsOccupancyService } from '../../modules/handovers/broedplaats-occupancy.service.js';
import { barChart } from '../charts.js';
import { formatPercent } from '../format.js';
import { translate } from '../i18n/i18n.js';
import { renderPage } from '../render.js';
import { WebPages } from '../session/web-page.decorator.js';
import { languageOf } from '../session/web-session.js';

/** A month (YYYY-MM) short enough for twelve to fit under a chart: "mrt 12", "Mar 12". */
function shortMonth(lang: Language): (period: string) => string {
  const format = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' });
  return (period) => format.format(new Date(`${period}-01T00:00:00Z`));
}

/**
 * The owner's buildings: those it owns with their occupancy today, those it sold apart (their years
 * stay readable under finance and handovers); per building the occupancy month by month as a chart
 * with its table, the floors let and vacant, and the floors that left the broedplaats.
 */
@Controller('owner')
@WebPages()
@Can('portal.owner')
export class OwnerBuildingPagesController {
  constructor(
    private readonly buildings: BuildingsService,
    private readonly occupancy: BroedplaatsOccupancyService,
  ) {}

  @Get()
  async home(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const principal = request.principal!;
    const [{ items }, currentIds] = await Promise.all([
      this.buildings.listVisible(principal, { limit: MAX_PAGE_LIMIT, offset: 0 }),
      this.buildings.visibleIds(principal),
    ]);
    const owned = items.filter((building) => currentIds.includes(building.id));
    const occupancies = await Promise.all(owned.map((building) => this.occupancy.of(building.id, principal)));
    return renderPage(request, reply, 'owner-buildings', 'owner.buildings.title', {
      owned: owned.map((building, index) => ({ building, occupancy: occupancies[index]! })),
      sold: items.filter((building) => !currentIds.includes(building.id)),
    });
  }

  @Get('buildings/:id')
  async building(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) id: string,
  ): Promise<string> {
    const principal = request.principal!;
    const building = await this.buildings.getVisible(id, principal);
    const occupancy = await this.occupancy.of(id, principal);
    const lang = languageOf(request);
    const chart = barChart({
      id: 'occupancy-chart',
      title: translate(lang, 'owner.building.chartTitle', { building: building.name }),
      description: translate(lang, 'owner.building.chartDescription', {
        from: occupancy.months[0]?.period ?? '',
        to: occupancy.months.at(-1)?.period ?? '',
      }),
      categories: occupancy.months.map((month) => shortMonth(lang)(month.period)),
      series: [{ label: translate(lang, 'owner.building.rate'), values: occupancy.months.map((month) => month.occupancyRate) }],
      format: formatPercent,
      max: 1,
    });
    return renderPage(request, reply, 'owner-building', 'owner.building.title', { building, occupancy, chart });
  }
}
