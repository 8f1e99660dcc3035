import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { mayFileVacancyReport, requireCapability } from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { translateConstraintViolations } from '../../common/database/pg-errors.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../../common/errors/domain-error.js';
import { actorOf, DomainEvents } from '../../events/domain-events.js';
import type { DecideVacancyDto, FileReportDto, RecordConsultationDto } from './dto/vacancy-file.dto.js';
import { PROPERTIES_ERRORS } from './properties.errors.js';
import { PropertiesService, type PropertyRecord } from './properties.service.js';
import { type VacancyDeadlines, vacancyDeadlines } from './vacancy-clock.js';
import type { VacancyConsultation, VacancyDecision, VacancyReport } from './vacancy-file.entity.js';
import { toRules, VacancyFilesRepository } from './vacancy-files.repository.js';
import type { VacancyPeriod, VacancyStatus } from './vacancy-period.entity.js';
import type { VacancyRuleSet } from './vacancy-rule-set.entity.js';

/** A vacancy's file as the owner and the city read it: the period, its property, what was filed and its deadlines. */
export interface VacancyFile {
  period: VacancyPeriod;
  record: PropertyRecord;
  report: VacancyReport | null;
  consultations: VacancyConsultation[];
  decision: VacancyDecision | null;
  deadlines: VacancyDeadlines;
}

/** The life cycle: which states each step may start from. */
const STEPS: Record<'report' | 'consult' | 'decide', readonly VacancyStatus[]> = {
  report: ['open', 'report-due'],
  consult: ['reported', 'consulted'],
  decide: ['consulted'],
};

/**
 * The vacancy file under the Leegstandwet: the daily run marks reports due by the city's bylaw, the
 * owner files its report once, the city records consultations and one decision. A step outside the
 * life cycle is 422; each step is an event.
 */
@Injectable()
export class VacancyFilesService {
  private readonly logger = new Logger('VacancyFiles');

  constructor(
    private readonly files: VacancyFilesRepository,
    private readonly properties: PropertiesService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  ruleSets(city?: string): Promise<VacancyRuleSet[]> {
    return this.files.ruleSets(city);
  }

  async file(periodId: string, principal: Principal): Promise<VacancyFile> {
    const period = await this.files.findPeriod(periodId);
    if (!period) throw new NotFoundError(PROPERTIES_ERRORS.vacancy_period_not_found, { id: periodId });
    const record = await this.properties.get(period.propertyId, principal).catch((error: unknown) => {
      throw error instanceof NotFoundError ? new NotFoundError(PROPERTIES_ERRORS.vacancy_period_not_found, { id: periodId }) : error;
    });
    const [filed, rules] = await Promise.all([this.files.fileOf(periodId), this.files.ruleSets(record.property.city)]);
    const deadlines = vacancyDeadlines(
      {
        city: record.property.city,
        useCategory: record.property.useCategory,
        vacantSince: period.vacantSince,
        reportedOn: filed.report?.filedOn ?? null,
      },
      rules.map(toRules),
    );
    return { period, record, ...filed, deadlines };
  }

  /**
   * Opens the periods of uses that ended, then marks every open period whose report is due by `day` (by the bylaw in force when it began) and
   * tells the owner (`vacancy.report_due`, which mail consumes). One transaction: a repeated or
   * parallel run moves nothing twice.
   */
  async markDue(day: string): Promise<number> {
    await this.properties.openVacanciesForEndedUses(day);
    const rules = (await this.files.ruleSets()).map(toRules);
    const waiting = await this.files.waitingVacancies();
    const due = waiting.flatMap((vacancy) => {
      const { reportDueOn, reportFineCents } = vacancyDeadlines({ ...vacancy, reportedOn: null }, rules);
      return reportDueOn !== null && reportDueOn <= day ? [{ ...vacancy, reportDueOn, reportFineCents }] : [];
    });
    const moved = await this.files.transaction(async (manager) => {
      const ids = new Set(await this.files.markDue(manager, due));
      for (const vacancy of due.filter((candidate) => ids.has(candidate.periodId))) {
        await this.events.record(manager, {
          type: 'vacancy.report_due',
          entityId: vacancy.periodId,
          payload: {
            propertyId: vacancy.propertyId,
            ownerId: vacancy.ownerId,
            propertyName: vacancy.propertyName,
            address: vacancy.address,
            vacantSince: vacancy.vacantSince,
            reportDueOn: vacancy.reportDueOn,
            fineCents: vacancy.reportFineCents,
          },
          actorUserId: null,
        });
      }
      return ids.size;
    });
    if (moved > 0) this.logger.log({ message: 'vacancy reports due', day, count: moved });
    return moved;
  }

  /** The owner's report: filed once (another step on a reported file is 422), with the vacant m² of the property's own floors. */
  async fileReport(periodId: string, input: FileReportDto, principal: Principal): Promise<VacancyFile> {
    requireCapability(principal, 'properties.write');
    const { record } = await this.file(periodId, principal);
    if (!mayFileVacancyReport(principal, record.property)) throw new ForbiddenError(PROPERTIES_ERRORS.not_the_owner);
    const today = this.clock.today();
    notAfter(input.vacantSince, today, 'vacantSince');
    const problems = input.floors.flatMap((floor, index) => {
      const known = record.floors.find((candidate) => candidate.level === floor.level);
      if (!known) return [{ field: `floors.${index}.level`, message: 'the property has no such floor' }];
      if (floor.vacantM2 > known.totalM2)
        return [{ field: `floors.${index}.vacantM2`, message: `more than the floor's ${known.totalM2} m²` }];
      if (input.floors.findIndex((other) => other.level === floor.level) !== index)
        return [{ field: `floors.${index}.level`, message: 'listed twice' }];
      return [];
    });
    if (problems.length > 0) throw new RuleError(PROPERTIES_ERRORS.report_floor_unknown, {}, problems);
    await translateConstraintViolations(
      () =>
        this.files.transaction(async (manager) => {
          const period = await this.stepFrom(manager, periodId, 'report');
          await this.files.insertReport(manager, {
            vacancyPeriodId: periodId,
            filedOn: today,
            vacantSince: input.vacantSince,
            reason: input.reason,
            prospects: input.prospects.trim(),
            floors: input.floors.map((floor) => ({ level: floor.level, vacantM2: floor.vacantM2 })),
            filedBy: actorOf(principal),
          });
          await this.files.setStatus(manager, periodId, 'reported');
          await this.events.record(manager, {
            type: 'vacancy.reported',
            entityId: periodId,
            payload: { propertyId: period.propertyId, filedOn: today, vacantSince: input.vacantSince, reason: input.reason },
            actorUserId: actorOf(principal),
          });
        }),
      { uq_vacancy_report_period: () => new ConflictError(PROPERTIES_ERRORS.report_already_filed) },
    );
    return this.file(periodId, principal);
  }

  /** The city records a consultation with the owner (after the report; more than one may follow). */
  async recordConsultation(periodId: string, input: RecordConsultationDto, principal: Principal): Promise<VacancyFile> {
    requireCapability(principal, 'vacancy-files.decide');
    const { report } = await this.file(periodId, principal);
    notAfter(input.heldOn, this.clock.today(), 'heldOn');
    if (report && input.heldOn < report.filedOn) {
      throw new RuleError(PROPERTIES_ERRORS.consultation_before_report, { filedOn: report.filedOn }, [
        { field: 'heldOn', message: `must be on or after ${report.filedOn}` },
      ]);
    }
    await this.files.transaction(async (manager) => {
      const period = await this.stepFrom(manager, periodId, 'consult');
      await this.files.insertConsultation(manager, {
        vacancyPeriodId: periodId,
        heldOn: input.heldOn,
        parties: input.parties.trim(),
        outcome: input.outcome.trim(),
        nextStep: input.nextStep.trim(),
        recordedBy: actorOf(principal),
      });
      await this.files.setStatus(manager, periodId, 'consulted');
      await this.events.record(manager, {
        type: 'vacancy.consultation_held',
        entityId: periodId,
        payload: { propertyId: period.propertyId, heldOn: input.heldOn, nextStep: input.nextStep.trim() },
        actorUserId: actorOf(principal),
      });
    });
    return this.file(periodId, principal);
  }

  /** The city's decision after consultation: once. */
  async decide(periodId: string, input: DecideVacancyDto, principal: Principal): Promise<VacancyFile> {
    requireCapability(principal, 'vacancy-files.decide');
    await this.file(periodId, principal);
    const today = this.clock.today();
    await this.files.transaction(async (manager) => {
      const period = await this.stepFrom(manager, periodId, 'decide');
      await this.files.insertDecision(manager, {
        vacancyPeriodId: periodId,
        decidedOn: today,
        kind: input.kind,
        motivation: input.motivation.trim(),
        decidedBy: actorOf(principal),
      });
      await this.files.setStatus(manager, periodId, 'decided');
      await this.events.record(manager, {
        type: 'vacancy.decided',
        entityId: periodId,
        payload: { propertyId: period.propertyId, decidedOn: today, kind: input.kind },
        actorUserId: actorOf(principal),
      });
    });
    return this.file(periodId, principal);
  }

  /** Locks the period and checks that the step may start from its state (422 naming both otherwise). */
  private async stepFrom(manager: EntityManager, periodId: string, step: keyof typeof STEPS): Promise<VacancyPeriod> {
    const period = await this.files.lockPeriod(manager, periodId);
    if (!period) throw new NotFoundError(PROPERTIES_ERRORS.vacancy_period_not_found, { id: periodId });
    if (!STEPS[step].includes(period.status)) {
      throw new RuleError(PROPERTIES_ERRORS.transition_not_allowed, { status: period.status, step }, [
        { field: 'status', message: `${step} needs ${STEPS[step].join(' or ')}` },
      ]);
    }
    return period;
  }
}

function notAfter(date: string, today: string, field: string): void {
  if (date > today) throw new RuleError(PROPERTIES_ERRORS.date_in_future, { today }, [{ field, message: `must not be after ${today}` }]);
}
