import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import type { Language } from '../../common/errors/error-codes.js';
import { MAX_PAGE_LIMIT } from '../../common/pagination/page.js';
import { BuildingsService } from '../../modules/buildings/buildings.service.js';
import { OwnerFinanceService } from '../../modules/owner-finance/owner-finance.service.js';
import { barChart } from '../charts.js';
import { id, text } from '../forms.js';
import { translate } from '../i18n/i18n.js';
import { renderPage } from '../render.js';
import { WebPages } from '../session/web-page.decorator.js';
import { languageOf } from '../session/web-session.js';

/** Euros on a chart's axis, short: € 450K. */
function compactEuros(lang: Language): (euros: number) => string {
  const format = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  return (euros) => format.format(euros).replace(/\u00a0/g, ' ');
}

/**
 * Rent against interest per year the owner held a building (also the years before it sold one; a
 * buyer never sees the seller's years: the service asks the policy), and the investments by party.
 */
@Controller('owner/finance')
@WebPages()
@Can('portal.owner')
export class OwnerFinancePagesController {
  constructor(
    private readonly buildings: BuildingsService,
    private readonly finance: OwnerFinanceService,
  ) {}

  @Get()
  async page(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query() query: Record<string, unknown>,
  ): Promise<string> {
    const principal = request.principal!;
    const { items: buildings } = await this.buildings.listVisible(principal, { limit: MAX_PAGE_LIMIT, offset: 0 });
    const building = id(query.building) ?? buildings[0]?.id;
    if (building === undefined) return renderPage(request, reply, 'owner-finance', 'owner.finance.title', { buildings, selected: null });
    const [selected, balances] = await Promise.all([
      this.buildings.getVisibleIncludingPast(building, principal),
      this.finance.balances(building, principal),
    ]);
    const years = balances.map((balance) => balance.year);
    const year = Number(text(query.year));
    const shown = years.includes(year) ? balances.filter((balance) => balance.year === year) : balances;
    const lang = languageOf(request);
    const chart =
      shown.length === 0
        ? null
        : barChart({
            id: 'finance-chart',
            title: translate(lang, 'owner.finance.chartTitle', { building: selected.name }),
            description: translate(lang, 'owner.finance.chartDescription'),
            categories: shown.map((balance) => String(balance.year)),
            series: [
              { label: translate(lang, 'owner.finance.rent'), values: shown.map((balance) => balance.rentIncomeCents / 100) },
              { label: translate(lang, 'owner.finance.interest'), values: shown.map((balance) => balance.interestCostCents / 100) },
            ],
            format: compactEuros(lang),
          });
    const investments = [...(shown.at(-1)?.investments ?? [])].sort(
      (a, b) => a.partyName.localeCompare(b.partyName) || a.date.localeCompare(b.date),
    );
    const totalsByParty = new Map<string, number>();
    for (const investment of investments)
      totalsByParty.set(investment.partyName, (totalsByParty.get(investment.partyName) ?? 0) + investment.amountCents);
    return renderPage(request, reply, 'owner-finance', 'owner.finance.title', {
      buildings,
      selected,
      years,
      year: years.includes(year) ? year : null,
      balances: shown,
      chart,
      investments,
      investmentTotals: [...totalsByParty].map(([partyName, amountCents]) => ({ partyName, amountCents })),
      investmentsUntil: shown.at(-1)?.year ?? null,
    });
  }
}
