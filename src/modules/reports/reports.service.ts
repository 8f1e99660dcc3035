import { Injectable } from '@nestjs/common';
import { type Principal, SYSTEM_PRINCIPAL } from '../../common/auth/principal.js';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../../common/errors/domain-error.js';
import { DocumentsService, type DocumentFile } from '../../documents/documents.service.js';
import { DomainEvents } from '../../events/domain-events.js';
import { JobQueue } from '../../jobs/job-queue.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import { ownedDaysWithin, ownerBalance } from '../owner-finance/balance.js';
import { periodRange } from '../../common/dates.js';
import { ratio, sumAreas } from '../../common/measures.js';
import { maskPeople, monitorTotals, toMonitorFigures } from './aggregates.js';
import type { RequestReportDto } from './dto/report.dto.js';
import type { Report } from './report.entity.js';
import {
  monitorCsv,
  monitorJson,
  monitorPdf,
  type MunicipalityMonitorReport,
  type OwnerOccupancyReport,
  ownerReportCsv,
  ownerReportJson,
  ownerReportPdf,
} from './report-documents.js';
import { ReportsRepository } from './reports.repository.js';

const CONTENT_TYPES = { json: 'application/json', csv: 'text/csv; charset=utf-8', pdf: 'application/pdf' } as const;

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
    private readonly events: DomainEvents,
  ) {}

  async request(input: RequestReportDto, principal: Principal): Promise<Report> {
    let buildingId: string | null = null;
    let city: string | null = null;
    if (input.kind === 'owner-occupancy') {
      if (principal.role === 'municipality') throw new ForbiddenError('The city sees aggregates in its monitor, not an owner’s books');
      if (!input.buildingId) throw new InputError([{ field: 'buildingId', message: 'buildingId is required for owner-occupancy' }]);
      buildingId = (await this.buildings.getVisible(input.buildingId, principal)).id;
    } else {
      if (principal.role === 'owner') throw new ForbiddenError('The monitor is for the municipality and the umbrella');
      const ownCity = principal.role === 'municipality' ? await this.reports.municipalityCity(principal.organisationId ?? '') : null;
      city = input.city ?? ownCity;
      if (!city) throw new InputError([{ field: 'city', message: 'city is required for municipality-monitor' }]);
      if (principal.role === 'municipality' && city.toLowerCase() !== ownCity?.toLowerCase())
        throw new ForbiddenError('A municipality monitors its own city');
    }
    const report = await this.reports.insert({
      kind: input.kind,
      buildingId,
      city,
      period: input.period,
      format: input.format,
      requestedBy: principal.userId === SYSTEM_PRINCIPAL.userId ? null : principal.userId,
    });
    await this.jobs.enqueue('reports.generate', { reportId: report.id }, { jobId: `report:${report.id}` });
    return report;
  }

  /** The requester and admins read a report; anyone else is told it does not exist. */
  async getVisible(id: string, principal: Principal): Promise<Report> {
    const report = await this.reports.find(id);
    if (!report || (principal.role !== 'admin' && report.requestedBy !== principal.userId)) throw new NotFoundError('report', id);
    return report;
  }

  async file(id: string, principal: Principal): Promise<DocumentFile> {
    const report = await this.getVisible(id, principal);
    if (!report.documentId) throw new ConflictError('report_not_ready', `The report is ${report.status}`);
    return this.documents.read(report.documentId);
  }

  /** Computes and stores the report; a report already stored is left as it is. */
  async generate(id: string): Promise<void> {
    const report = await this.reports.find(id);
    if (!report || report.documentId) return;
    await this.reports.progress(id, 'running', 10);
    const bytes = report.kind === 'owner-occupancy' ? await this.ownerReport(report) : await this.monitorReport(report);
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
    await this.reports.markFailed(id, error.message);
  }

  /** For the schedule: every municipality's monitor of a period, as JSON and PDF. */
  async requestMonitorsFor(period: string, principal: Principal): Promise<void> {
    for (const city of await this.reports.municipalityCities()) {
      for (const format of ['json', 'pdf'] as const) await this.request({ kind: 'municipality-monitor', city, period, format }, principal);
    }
  }

  private async ownerReport(report: Report): Promise<Buffer> {
    const { first, last } = periodRange(report.period);
    const facts = await this.reports.ownerFacts(report.buildingId!, last);
    const year = Number(report.period.slice(0, 4));
    const lettableAreaM2 = sumAreas(facts.floors.map((floor) => floor.lettableAreaM2));
    const letAreaM2 = sumAreas(facts.floors.map((floor) => floor.letAreaM2));
    const data: OwnerOccupancyReport = {
      buildingId: facts.buildingId,
      name: facts.name,
      period: report.period,
      asOf: last,
      lettableAreaM2,
      letAreaM2,
      vacantAreaM2: sumAreas([lettableAreaM2, -letAreaM2]),
      occupancyRate: ratio(letAreaM2, lettableAreaM2),
      floors: facts.floors,
      ...ownerBalance(facts, ownedDaysWithin({ first, last }, facts), year),
      leasesEndingAfterHeadLease: maskPeople(facts.leasesEndingAfterHeadLease),
    };
    return report.format === 'json' ? ownerReportJson(data) : report.format === 'csv' ? ownerReportCsv(data) : ownerReportPdf(data);
  }

  private async monitorReport(report: Report): Promise<Buffer> {
    const { first, last } = periodRange(report.period);
    const counts = await this.reports.cityCounts(report.city!, first, last);
    const data: MunicipalityMonitorReport = {
      city: report.city!,
      period: report.period,
      asOf: last,
      totals: monitorTotals(counts),
      buildings: counts.map(toMonitorFigures),
    };
    return report.format === 'json' ? monitorJson(data) : report.format === 'csv' ? monitorCsv(data) : monitorPdf(data);
  }
}
