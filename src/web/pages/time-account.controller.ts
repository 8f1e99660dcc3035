import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import { yearOf } from '../../common/dates.js';
import { MAX_PAGE_LIMIT } from '../../common/pagination/page.js';
import { BuildingsService } from '../../modules/buildings/buildings.service.js';
import {
  CreateProgrammeEventDto,
  CreateSubsidyDto,
  CreateWorkingGroupDto,
  DecideTimeDto,
  RecordTimeDto,
} from '../../modules/time-account/dto/time-account.dto.js';
import type { BuildingDoubleBalance, CityDoubleBalance } from '../../modules/time-account/time-account.service.js';
import { TimeAccountService } from '../../modules/time-account/time-account.service.js';
import { TimeEntriesService } from '../../modules/time-account/time-entries.service.js';
import { EVENT_KINDS, TIME_KINDS } from '../../modules/time-account/time-rules.js';
import { barChart } from '../charts.js';
import { checkedForm, decimal, euroCents, id, integer, isoDate, refusalOf, text } from '../forms.js';
import { translate } from '../i18n/i18n.js';
import { type FieldError, renderPage } from '../render.js';
import { WebPages } from '../session/web-page.decorator.js';
import { languageOf } from '../session/web-session.js';

type Form = Record<string, unknown>;

const MAKER_DONE = ['recorded', 'withdrawn', 'decided'];
const ADMIN_DONE = ['group', 'event', 'subsidy', 'decided'];

/** A year (2012) or a month (2012-03) from the query; this year when it is neither. */
function periodOf(value: unknown, today: string): string {
  const raw = text(value);
  return raw !== undefined && /^\d{4}(-(0[1-9]|1[0-2]))?$/.test(raw) ? raw : String(yearOf(today));
}

/** The hours by kind as a chart, the withheld kinds left out (the table says `<5` for them). */
function hoursChart(request: AuthenticatedRequest, cells: { key: string; hours: number | null }[]): string | null {
  const shown = cells.filter((cell) => cell.hours !== null && cell.hours > 0);
  if (shown.length === 0) return null;
  const lang = languageOf(request);
  return barChart({
    id: 'hours-chart',
    title: translate(lang, 'time.balance.chartTitle'),
    description: translate(lang, 'time.balance.chartDescription'),
    categories: shown.map((cell) => translate(lang, `time.kind.${cell.key}` as never)),
    series: [{ label: translate(lang, 'time.balance.totalHours'), values: shown.map((cell) => cell.hours!) }],
    format: (hours) => String(hours),
  });
}

/**
 * A maker's hours: record them, see them and withdraw those still pending; a coordinator also approves or rejects the hours
 * of its groups here. Every decision is the service's (the access policy): the page only shows and forwards.
 */
@Controller('my/hours')
@WebPages()
@Can('portal.maker')
export class MakerHoursPagesController {
  constructor(
    private readonly entries: TimeEntriesService,
    private readonly account: TimeAccountService,
  ) {}

  @Get()
  hours(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply, @Query('done') done?: string) {
    return this.render(request, reply, { values: {}, errors: null, done: MAKER_DONE.includes(done ?? '') ? done! : null });
  }

  @Post()
  @HttpCode(200)
  async record(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() form: Form,
  ): Promise<string | void> {
    const checked = await checkedForm(languageOf(request), RecordTimeDto, {
      buildingId: text(form.buildingId),
      date: isoDate(form.date),
      hours: decimal(form.hours),
      kind: text(form.kind),
      workingGroupId: id(form.workingGroupId) ?? null,
      description: text(form.description),
    });
    let errors = checked.errors;
    if (!errors) {
      try {
        await this.entries.record(checked.value!, request.principal!);
        void reply.redirect('/my/hours?done=recorded', 303);
        return;
      } catch (error) {
        errors = refusalOf(error, languageOf(request));
      }
    }
    void reply.status(422);
    return this.render(request, reply, { values: form, errors, done: null });
  }

  @Post(':id/withdraw')
  async withdraw(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('id') entryId: string): Promise<void> {
    await this.entries.remove(id(entryId) ?? '00000000-0000-4000-8000-000000000000', request.principal!);
    void reply.redirect('/my/hours?done=withdrawn', 303);
  }

  @Post(':id/decision')
  async decide(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id') entryId: string,
    @Body() form: Form,
  ): Promise<void> {
    const checked = await checkedForm(languageOf(request), DecideTimeDto, { decision: text(form.decision) });
    if (checked.errors === null)
      await this.entries.decide(id(entryId) ?? '00000000-0000-4000-8000-000000000000', checked.value, request.principal!);
    void reply.redirect('/my/hours?done=decided', 303);
  }

  private async render(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    state: { values: Form; errors: FieldError[] | null; done: string | null },
  ): Promise<string> {
    const principal = request.principal!;
    const [buildings, mine, coordinated] = await Promise.all([
      this.account.buildingsOfMaker(principal),
      this.entries.list({ limit: 100, offset: 0 }, principal),
      this.entries.coordinatedGroups(principal),
    ]);
    const groups = (await Promise.all(buildings.map((building) => this.account.groups(building.id, principal)))).flat();
    const own = mine.items.filter((entry) => entry.tenantId === principal.tenantId);
    const toApprove = mine.items.filter((entry) => entry.tenantId !== principal.tenantId && entry.status === 'pending');
    return renderPage(request, reply, 'maker-hours', 'time.hours.title', {
      ...state,
      buildings,
      groups,
      kinds: TIME_KINDS,
      today: this.account.today(),
      own,
      coordinated,
      toApprove,
      groupName: (groupId: string | null) => groups.find((group) => group.id === groupId)?.name ?? '—',
    });
  }
}

/** The umbrella's staff: a building's working groups, programme and subsidies, the hours waiting, and its double balance. */
@Controller('time')
@WebPages()
@Can('time.manage')
export class TimeAccountPagesController {
  constructor(
    private readonly buildings: BuildingsService,
    private readonly account: TimeAccountService,
    private readonly entries: TimeEntriesService,
  ) {}

  @Get()
  page(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply, @Query() query: Form) {
    const done = text(query.done);
    return this.render(request, reply, id(query.building), periodOf(query.period, this.account.today()), {
      errors: null,
      done: ADMIN_DONE.includes(done ?? '') ? done! : null,
    });
  }

  @Post(':building/groups')
  @HttpCode(200)
  async group(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('building') building: string,
    @Body() form: Form,
  ) {
    const checked = await checkedForm(languageOf(request), CreateWorkingGroupDto, {
      name: text(form.name),
      coordinatorTenantId: id(form.coordinatorTenantId) ?? null,
    });
    return this.write(request, reply, building, 'group', checked, (value) => this.account.createGroup(building, value, request.principal!));
  }

  @Post(':building/events')
  @HttpCode(200)
  async event(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('building') building: string,
    @Body() form: Form,
  ) {
    const checked = await checkedForm(languageOf(request), CreateProgrammeEventDto, {
      date: isoDate(form.date),
      title: text(form.title),
      kind: text(form.kind),
      visitors: integer(form.visitors) ?? 0,
      free: form.free === 'on' || form.free === 'true',
    });
    return this.write(request, reply, building, 'event', checked, (value) => this.account.createEvent(building, value, request.principal!));
  }

  @Post(':building/subsidies')
  @HttpCode(200)
  async subsidy(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('building') building: string,
    @Body() form: Form,
  ) {
    const checked = await checkedForm(languageOf(request), CreateSubsidyDto, {
      date: isoDate(form.date),
      source: text(form.source),
      amountCents: euroCents(form.amount),
      purpose: text(form.purpose),
    });
    return this.write(request, reply, building, 'subsidy', checked, (value) =>
      this.account.createSubsidy(building, value, request.principal!),
    );
  }

  @Post('entries/:id/decision')
  async decide(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id') entryId: string,
    @Body() form: Form,
  ): Promise<void> {
    const checked = await checkedForm(languageOf(request), DecideTimeDto, { decision: text(form.decision) });
    const entry = await this.entries.get(id(entryId) ?? '00000000-0000-4000-8000-000000000000', request.principal!);
    if (checked.errors === null) await this.entries.decide(entry.id, checked.value, request.principal!);
    void reply.redirect(`/time?building=${entry.buildingId}&done=decided`, 303);
  }

  private async write<T extends object>(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    building: string,
    done: string,
    checked: { value: T; errors: null } | { value: null; errors: FieldError[] },
    save: (value: T) => Promise<unknown>,
  ): Promise<string | void> {
    const buildingId = id(building);
    let errors = checked.errors;
    if (!errors) {
      try {
        await save(checked.value!);
        void reply.redirect(`/time?building=${buildingId}&done=${done}`, 303);
        return;
      } catch (error) {
        errors = refusalOf(error, languageOf(request));
      }
    }
    void reply.status(422);
    return this.render(request, reply, buildingId, String(yearOf(this.account.today())), { errors, done: null, form: done });
  }

  private async render(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    requested: string | undefined,
    period: string,
    state: { errors: FieldError[] | null; done: string | null; form?: string },
  ): Promise<string> {
    const principal = request.principal!;
    const { items: buildings } = await this.buildings.listVisible(principal, { limit: MAX_PAGE_LIMIT, offset: 0 });
    const buildingId = requested ?? buildings[0]?.id;
    if (buildingId === undefined)
      return renderPage(request, reply, 'time-account', 'time.admin.title', { buildings, balance: null, ...state });
    const [balance, groups, events, subsidies, pending] = await Promise.all([
      this.account.buildingBalance(buildingId, period, principal),
      this.account.groups(buildingId, principal),
      this.account.events(buildingId, period, principal),
      this.account.subsidies(buildingId, principal),
      this.entries.list({ buildingId, status: 'pending', limit: 50, offset: 0 }, principal),
    ]);
    return renderPage(request, reply, 'time-account', 'time.admin.title', {
      ...state,
      buildings,
      period,
      balance,
      chart: hoursChart(request, balance.time.byKind),
      groups,
      events,
      subsidies,
      pending: pending.items,
      eventKinds: EVENT_KINDS,
      today: this.account.today(),
      groupName: (groupId: string | null) => groups.find((group) => group.id === groupId)?.name ?? '—',
    });
  }
}

/** The owner's double balance of its buildings: totals only, its own books, `<5` where few people stand behind a number. */
@Controller('owner/double-balance')
@WebPages()
@Can('portal.owner')
export class OwnerDoubleBalancePagesController {
  constructor(
    private readonly buildings: BuildingsService,
    private readonly account: TimeAccountService,
  ) {}

  @Get()
  async page(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply, @Query() query: Form): Promise<string> {
    const principal = request.principal!;
    const period = periodOf(query.period, this.account.today());
    const { items: buildings } = await this.buildings.listVisible(principal, { limit: MAX_PAGE_LIMIT, offset: 0 });
    const buildingId = id(query.building) ?? buildings[0]?.id;
    let balance: BuildingDoubleBalance | null = null;
    let errors: FieldError[] | null = null;
    if (buildingId !== undefined) {
      try {
        balance = await this.account.buildingBalance(buildingId, period, principal);
      } catch (error) {
        errors = refusalOf(error, languageOf(request));
      }
    }
    return renderPage(request, reply, 'double-balance', 'time.balance.title', {
      action: '/owner/double-balance',
      buildings,
      selected: buildingId ?? null,
      period,
      balance,
      city: null,
      errors,
      chart: balance ? hoursChart(request, balance.time.byKind) : null,
    });
  }
}

/** The city's double balance: every building of its city and the totals, `<5` where few people stand behind a number. */
@Controller('city/double-balance')
@WebPages()
@Can('portal.city')
export class CityDoubleBalancePagesController {
  constructor(private readonly account: TimeAccountService) {}

  @Get()
  async page(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply, @Query() query: Form): Promise<string> {
    const period = periodOf(query.period, this.account.today());
    let city: CityDoubleBalance | null = null;
    let errors: FieldError[] | null = null;
    try {
      city = await this.account.cityBalance({ period }, request.principal!);
    } catch (error) {
      errors = refusalOf(error, languageOf(request));
    }
    return renderPage(request, reply, 'double-balance', 'time.balance.title', {
      action: '/city/double-balance',
      buildings: [],
      selected: null,
      period,
      balance: null,
      city,
      errors,
      chart: city ? hoursChart(request, city.totals.time.byKind) : null,
    });
  }
}
