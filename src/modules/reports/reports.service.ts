import { Injectable } from '@nestjs/common';
import {
  buildingScopeOf,
  mayMonitorCity,
  mayReadOwnershipPeriod,
  mayReadReport,
  reportListScopeOf,
  requireCapability,
} from '../../common/auth/access-policy.js';
import type { Page } from '../../common/pagination/page.js';
import type { JobStatus } from '../../jobs/job-status.js';
import { type Principal, SYSTEM_PRINCIPAL } from '../../common/auth/principal.js';
import { ConflictError, ForbiddenError, InputError, NotFoundError, RuleError, shownFailure } from '../../common/errors/domain-error.js';
import { DocumentsService, type DocumentFile } from '../../documents/documents.service.js';
import { Clock } from '../../common/clock/clock.js';
import { DomainEvents } from '../../events/domain-events.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import { daysOwnedInUse, ownerBalance } from '../owner-finance/balance.js';
import { addMonths, periodRange } from '../../common/dates.js';
import { ratio, sumAreas } from '../../common/measures.js';
import { type BuildingCounts, monitorFigures, monitorTimeAccount, monitorTotals } from './aggregates.js';
import type { RequestReportDto } from './dto/report.dto.js';
import type { Report, ReportKind } from './report.entity.js';
import {
  type ArrearsReport,
  arrearsCsv,
  arrearsJson,
  arrearsPdf,
  type DoubleBalanceReport,
  doubleBalanceCsv,
  doubleBalanceJson,
  doubleBalancePdf,
  pipelineCsv,
  pipelineJson,
  pipelinePdf,
  monitorCsv,
  monitorJson,
  monitorPdf,
  type MonitorTrendPoint,
  type MunicipalityMonitorReport,
  type OwnerOccupancyReport,
  ownerReportCsv,
  ownerReportJson,
  ownerReportPdf,
} from './report-documents.js';
import { arrearsXlsx, doubleBalanceXlsx, monitorXlsx, ownerReportXlsx, pipelineXlsx } from './report-spreadsheets.js';
import { TimeAccountService } from '../time-account/time-account.service.js';
import { PropertiesService } from '../properties/properties.service.js';
import { ReportsRepository } from './reports.repository.js';
import { REPORTS_ERRORS } from './reports.errors.js';

/** The party of a city's summed lines, as the files name it. */
const ROLE_NAMES: Record<string, string> = {
  tenants: 'Huurders',
  umbrella: 'Koepelhuurders',
  subsidy_source: 'Subsidiegevers',
  municipality: 'Gemeente',
  owner: 'Eigenaren',
};

const CONTENT_TYPES = {
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * Owners report on their own buildings, the municipality on its own city, admins on everything.
 * A report is a status row; a queued job computes it and stores the file.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly buildings: BuildingsService,
    private readonly documents: DocumentsService,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
    private readonly timeAccount: TimeAccountService,
    private readonly properties: PropertiesService,
  ) {}

  async request(input: RequestReportDto, principal: Principal): Promise<Report> {
    requireCapability(principal, 'reports.request');
    let buildingId: string | null = null;
    let city: string | null = null;
    if (input.kind === 'owner-occupancy') {
      requireCapability(principal, 'reports.owner-occupancy');
      if (!input.buildingId) throw new InputError([{ field: 'buildingId', message: 'buildingId is required for owner-occupancy' }]);
      // An owner reports on the periods it owned the building (also one it sold): the report shows the owner of the period's last day.
      buildingId = (await this.buildings.getVisibleIncludingPast(input.buildingId, principal)).id;
      const asOf = periodRange(input.period).last;
      const ownerThen = (await this.buildings.ownerships(buildingId)).find(
        (period) => period.ownedFrom <= asOf && (period.ownedTo === null || period.ownedTo > asOf),
      );
      if (ownerThen && !mayReadOwnershipPeriod(principal, ownerThen))
        throw new NotFoundError(REPORTS_ERRORS.owner_period_not_found, { period: input.period });
      if (!ownerThen && principal.role === 'owner') await this.buildings.getVisible(buildingId, principal);
    } else if (input.kind === 'double-balance') {
      requireCapability(principal, 'reports.double-balance');
      // Asked now as the requester, so a building or city it may not see is refused at once rather than in the job.
      if (input.buildingId) buildingId = (await this.timeAccount.buildingBalance(input.buildingId, input.period, principal)).buildingId;
      else city = (await this.timeAccount.cityBalance({ city: input.city, period: input.period }, principal)).city;
    } else if (input.kind === 'arrears') {
      // It names the tenants: the umbrella's staff only.
      requireCapability(principal, 'reports.arrears');
      if (!input.buildingId) throw new InputError([{ field: 'buildingId', message: 'buildingId is required for arrears' }]);
      buildingId = (await this.buildings.getVisible(input.buildingId, principal)).id;
    } else if (input.kind === 'vacancy-pipeline') {
      city = input.city ?? (await this.properties.ownCityOf(principal));
      if (!city) throw new InputError([{ field: 'city', message: 'city is required for vacancy-pipeline' }]);
      // Asked now, so a refusal is the request's answer rather than a failed report.
      await this.properties.pipeline(city, input.period, principal);
    } else {
      city = await this.monitoredCity(input.city, principal);
    }
    const report = await this.reports.insert({
      kind: input.kind,
      buildingId,
      city,
      period: input.period,
      format: input.format,
      requestedBy: principal.userId === SYSTEM_PRINCIPAL.userId ? null : principal.userId,
    });
    // The status row is committed: a queue that is down leaves the report to the recovery sweep.
    await this.enqueueGenerate(report.id);
    return report;
  }

  /** The reports the principal may read (its own; admins all), newest first. */
  list(
    filter: { kind?: ReportKind; status?: JobStatus },
    principal: Principal,
    page: { limit: number; offset: number },
  ): Promise<Page<Report>> {
    requireCapability(principal, 'reports.read');
    return this.reports.findPage({ ...filter, ...reportListScopeOf(principal) }, page);
  }

  private enqueueGenerate(id: string): Promise<boolean> {
    return this.jobs.enqueueRecorded('reports.generate', { reportId: id }, { jobId: `report:${id}` });
  }

  /** Queues again every report that is queued or running (its job may be lost); the number queued. */
  async requeueUnfinished(): Promise<number> {
    let queued = 0;
    for (const id of await this.reports.unfinishedIds()) {
      // The queue is down: the next sweep tries again, rather than waiting out a timeout per report.
      if (!(await this.enqueueGenerate(id))) break;
      queued++;
    }
    return queued;
  }

  /** The requester and admins read a report, the city its scheduled monitors; anyone else is told it does not exist. */
  async getVisible(id: string, principal: Principal): Promise<Report> {
    requireCapability(principal, 'reports.read');
    const report = await this.reports.find(id);
    const ownCity = report?.requestedBy === null ? await this.ownCityOf(principal) : null;
    if (!report || !mayReadReport(principal, report, ownCity)) throw new NotFoundError(REPORTS_ERRORS.report_not_found, { id });
    return report;
  }

  /**
   * The monitor of a city for a period (the principal's own city when none is named), figures and trend exactly as
   * the report's files show them: for pages that show the monitor without asking for a file.
   */
  async monitor(input: { city?: string; period: string }, principal: Principal): Promise<MunicipalityMonitorReport> {
    return this.monitorData(await this.monitoredCity(input.city, principal), input.period);
  }

  /** The files of the newest monthly monitor the schedule requested for the principal's own city (none before the first). */
  async latestScheduledMonitors(principal: Principal): Promise<Report[]> {
    requireCapability(principal, 'reports.read');
    requireCapability(principal, 'reports.municipality-monitor');
    const city = await this.ownCityOf(principal);
    return city === null ? [] : this.reports.latestScheduledMonitors(city);
  }

  private async ownCityOf(principal: Principal): Promise<string | null> {
    const scope = buildingScopeOf(principal);
    return scope.kind === 'city' ? this.reports.municipalityCity(scope.organisationId) : null;
  }

  /** The city a monitor is about: the one asked for, else the principal's own; only one the principal may monitor. */
  private async monitoredCity(requested: string | undefined, principal: Principal): Promise<string> {
    requireCapability(principal, 'reports.municipality-monitor');
    const ownCity = await this.ownCityOf(principal);
    const city = requested ?? ownCity;
    if (!city) throw new InputError([{ field: 'city', message: 'city is required for municipality-monitor' }]);
    if (!mayMonitorCity(principal, city, ownCity)) throw new ForbiddenError();
    return city;
  }

  async file(id: string, principal: Principal): Promise<DocumentFile> {
    const report = await this.getVisible(id, principal);
    if (!report.documentId) throw new ConflictError(REPORTS_ERRORS.report_not_ready, { status: report.status });
    return this.documents.read(report.documentId);
  }

  /** Computes and stores the report; a report already stored is left as it is. */
  async generate(id: string): Promise<void> {
    const report = await this.reports.find(id);
    if (!report || report.documentId) return;
    await this.reports.progress(id, 'running', 10);
    const bytes = await this.render(report);
    await this.reports.progress(id, 'running', 90);
    await this.reports.transaction(async (manager) => {
      const document = await this.documents.store(
        {
          kind: `report_${report.format}`,
          filename: `${report.kind}-${report.period}.${report.format}`,
          contentType: CONTENT_TYPES[report.format],
          bytes,
        },
        manager,
      );
      // A second delivery that lost the race to complete the report records no second event.
      if (!(await this.reports.complete(manager, id, document.id))) return;
      await this.events.record(manager, {
        type: 'report.completed',
        entityId: id,
        actorUserId: report.requestedBy,
        payload: { kind: report.kind, period: report.period, format: report.format, documentId: document.id },
      });
    });
  }

  async markFailed(id: string, error: Error): Promise<void> {
    // The status row is shown to whoever asked: our own refusals as they are, anything else (such as the database's text) never.
    await this.reports.markFailed(id, shownFailure(error, REPORTS_ERRORS.report_failed));
  }

  /** For the schedule: every municipality's monitor of a period, as JSON and PDF. */
  async requestMonitorsFor(period: string, principal: Principal): Promise<void> {
    for (const city of await this.reports.municipalityCities()) {
      for (const format of ['json', 'pdf'] as const) await this.request({ kind: 'municipality-monitor', city, period, format }, principal);
    }
  }

  private render(report: Report): Promise<Buffer> {
    switch (report.kind) {
      case 'owner-occupancy':
        return this.ownerReport(report);
      case 'municipality-monitor':
        return this.monitorReport(report);
      case 'arrears':
        return this.arrearsReport(report);
      case 'double-balance':
        return this.doubleBalanceReport(report);
      case 'vacancy-pipeline':
        return this.pipelineReport(report);
    }
  }

  private async pipelineReport(report: Report): Promise<Buffer> {
    const data = await this.properties.pipeline(report.city!, report.period, SYSTEM_PRINCIPAL);
    switch (report.format) {
      case 'json':
        return pipelineJson(data);
      case 'csv':
        return pipelineCsv(data);
      case 'xlsx':
        return pipelineXlsx(data);
      case 'pdf':
        return pipelinePdf(data);
    }
  }

  /** Figures as the requester may see them: an admin's report has every figure, an owner's or the city's totals with `<5`. */
  private async doubleBalanceReport(report: Report): Promise<Buffer> {
    const principal = report.requestedBy === null ? SYSTEM_PRINCIPAL : await this.reports.requesterPrincipal(report.requestedBy);
    if (principal === null) throw new RuleError(REPORTS_ERRORS.report_failed);
    const data = await this.doubleBalanceData(report, principal);
    switch (report.format) {
      case 'json':
        return doubleBalanceJson(data);
      case 'csv':
        return doubleBalanceCsv(data);
      case 'xlsx':
        return doubleBalanceXlsx(data);
      case 'pdf':
        return doubleBalancePdf(data);
    }
  }

  private async doubleBalanceData(report: Report, principal: Principal): Promise<DoubleBalanceReport> {
    const generatedOn = this.clock.today();
    if (report.buildingId !== null) {
      const balance = await this.timeAccount.buildingBalance(report.buildingId, report.period, principal);
      return {
        scope: 'building',
        subject: balance.name,
        period: report.period,
        generatedOn,
        detail: balance.detail,
        rentInvoicedCents: balance.money.rentInvoicedCents,
        money: balance.money.parties.map((party) => ({
          party: party.name ?? ROLE_NAMES[party.role] ?? party.role,
          role: party.role,
          inCents: party.inCents,
          outCents: party.outCents,
        })),
        ownerBooksWithheld: balance.money.ownerBooksWithheld,
        timeTotal: balance.time.total,
        timeByKind: balance.time.byKind,
        events: balance.time.events,
        valueCents: balance.valuation.valueCents,
        hourlyValues: balance.valuation.hourlyValues,
        buildings: [],
      };
    }
    const balance = await this.timeAccount.cityBalance({ city: report.city!, period: report.period }, principal);
    const { totals } = balance;
    return {
      scope: 'city',
      subject: balance.city,
      period: report.period,
      generatedOn,
      detail: balance.detail,
      rentInvoicedCents: totals.rentInvoicedCents,
      money: [
        { party: ROLE_NAMES.tenants!, role: 'tenants', inCents: 0, outCents: totals.rentReceivedCents },
        { party: ROLE_NAMES.umbrella!, role: 'umbrella', inCents: totals.rentReceivedCents + totals.subsidiesCents, outCents: 0 },
        { party: ROLE_NAMES.subsidy_source!, role: 'subsidy_source', inCents: 0, outCents: totals.subsidiesCents },
        { party: ROLE_NAMES.municipality!, role: 'municipality', inCents: 0, outCents: totals.municipalInvestmentCents },
        { party: ROLE_NAMES.owner!, role: 'owner', inCents: 0, outCents: totals.ownerInvestmentCents },
      ],
      ownerBooksWithheld: true,
      timeTotal: totals.time.total,
      timeByKind: totals.time.byKind,
      events: totals.time.events,
      valueCents: totals.valueCents,
      hourlyValues: balance.hourlyValues,
      buildings: balance.buildings.map((row) => ({ name: row.name, time: row.time, events: row.events, visitors: row.visitors })),
    };
  }

  /** As of the period's last day, or today while the period runs. */
  private async arrearsReport(report: Report): Promise<Buffer> {
    const generatedOn = this.clock.today();
    const { last } = periodRange(report.period);
    const asOf = last < generatedOn ? last : generatedOn;
    const { buildingName, tenants } = await this.reports.arrearsFacts(report.buildingId!, asOf);
    const data: ArrearsReport = {
      buildingId: report.buildingId!,
      buildingName,
      period: report.period,
      asOf,
      generatedOn,
      totalOpenCents: tenants.reduce((sum, tenant) => sum + tenant.openCents, 0),
      tenants,
    };
    switch (report.format) {
      case 'json':
        return arrearsJson(data);
      case 'csv':
        return arrearsCsv(data);
      case 'xlsx':
        return arrearsXlsx(data);
      case 'pdf':
        return arrearsPdf(data);
    }
  }

  private async ownerReport(report: Report): Promise<Buffer> {
    const { first, last } = periodRange(report.period);
    const [facts, context] = await Promise.all([
      this.reports.ownerFacts(report.buildingId!, last),
      this.reports.ownerReportContext(report.buildingId!, last),
    ]);
    const year = Number(report.period.slice(0, 4));
    const levelsLeft = new Set(context.floorsLeft.map((floor) => floor.level));
    const floors = facts.floors.filter((floor) => !levelsLeft.has(floor.level));
    const lettableAreaM2 = sumAreas(floors.map((floor) => floor.lettableAreaM2));
    const letAreaM2 = sumAreas(floors.map((floor) => floor.letAreaM2));
    const data: OwnerOccupancyReport = {
      buildingId: facts.buildingId,
      name: facts.name,
      ownerName: context.ownerName,
      period: report.period,
      asOf: last,
      generatedOn: this.clock.today(),
      lettableAreaM2,
      letAreaM2,
      vacantAreaM2: sumAreas([lettableAreaM2, -letAreaM2]),
      occupancyRate: ratio(letAreaM2, lettableAreaM2),
      floors,
      floorsLeft: context.floorsLeft,
      ...ownerBalance(
        facts,
        daysOwnedInUse(
          { first, last },
          facts,
          context.ownedPeriods.length > 0 ? context.ownedPeriods : [{ ownedFrom: facts.useStart, ownedTo: null }],
        ),
        year,
      ),
      investments: context.investments,
      leasesEndingAfterHeadLease: facts.leasesEndingAfterHeadLease,
    };
    switch (report.format) {
      case 'json':
        return ownerReportJson(data);
      case 'csv':
        return ownerReportCsv(data);
      case 'xlsx':
        return ownerReportXlsx(data);
      case 'pdf':
        return ownerReportPdf(data);
    }
  }

  private async monitorData(city: string, period: string): Promise<MunicipalityMonitorReport> {
    const { first, last } = periodRange(period);
    const [counts, months, time] = await Promise.all([
      this.reports.cityCounts(city, first, last),
      this.reports.cityTrend(city, trendMonths(last)),
      this.reports.cityTime(city, first, last),
    ]);
    const trend = months.map((month): MonitorTrendPoint => {
      // The city's total of tenants is masked where a count of fewer than five would be: as the month's own monitor shows it.
      const totals = monitorTotals([{ ...NO_COUNTS, ...month }]);
      return {
        period: month.period,
        lettableAreaM2: totals.lettableAreaM2,
        letAreaM2: totals.letAreaM2,
        occupancyRate: totals.occupancyRate,
        tenants: totals.tenants,
      };
    });
    const figures = monitorFigures(counts);
    return {
      city,
      period,
      asOf: last,
      generatedOn: this.clock.today(),
      ...figures,
      trend,
      timeAccount: monitorTimeAccount(figures.buildings, time),
    };
  }

  private async monitorReport(report: Report): Promise<Buffer> {
    const data = await this.monitorData(report.city!, report.period);
    switch (report.format) {
      case 'json':
        return monitorJson(data);
      case 'csv':
        return monitorCsv(data);
      case 'xlsx':
        return monitorXlsx(data);
      case 'pdf':
        return monitorPdf(data);
    }
  }
}

/** A building's counts with nothing in them, to complete the trend's totals of a month. */
const NO_COUNTS: BuildingCounts = {
  buildingId: '',
  name: '',
  kind: 'temporary',
  useEnd: null,
  lettableAreaM2: 0,
  letAreaM2: 0,
  spaces: 0,
  spacesLet: 0,
  tenants: 0,
  localTenants: 0,
  bands: [],
  disciplines: [],
  waitingList: 0,
  municipalInvestmentCents: 0,
};

/** The twelve months up to the one of `last`, oldest first: the monitor's trend shows the city at the end of each. */
function trendMonths(last: string): { first: string; last: string }[] {
  return Array.from({ length: 12 }, (_, index) => periodRange(addMonths(`${last.slice(0, 7)}-01`, index - 11).slice(0, 7)));
}
