import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { VacancyRules } from './vacancy-clock.js';
import { VacancyConsultation, VacancyDecision, VacancyReport } from './vacancy-file.entity.js';
import { VacancyPeriod } from './vacancy-period.entity.js';
import { VacancyRuleSet } from './vacancy-rule-set.entity.js';

/** An open period that nothing is due on yet, with what the clock needs of its property. */
export interface WaitingVacancy {
  periodId: string;
  propertyId: string;
  propertyName: string;
  address: string;
  ownerId: string;
  city: string;
  useCategory: string;
  vacantSince: string;
}

@Injectable()
export class VacancyFilesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async ruleSets(city?: string): Promise<VacancyRuleSet[]> {
    const query = this.dataSource.getRepository(VacancyRuleSet).createQueryBuilder('rules');
    if (city !== undefined) query.where('lower(rules.city) = lower(:city)', { city });
    return query.orderBy('rules.city', 'ASC').addOrderBy('rules.valid_from', 'ASC').getMany();
  }

  insertRuleSet(values: Omit<VacancyRuleSet, 'id'>): Promise<VacancyRuleSet> {
    const repository = this.dataSource.getRepository(VacancyRuleSet);
    return repository.save(repository.create(values));
  }

  async waitingVacancies(manager: EntityManager = this.dataSource.manager): Promise<WaitingVacancy[]> {
    const rows = await manager.query<
      {
        period_id: string;
        property_id: string;
        name: string;
        address: string;
        owner_id: string;
        city: string;
        use_category: string;
        vacant_since: string;
      }[]
    >(
      `SELECT v.id AS period_id, p.id AS property_id, p.name, p.address, p.owner_id, p.city, p.use_category, to_char(v.vacant_since, 'YYYY-MM-DD') AS vacant_since
         FROM vacancy_period v JOIN property p ON p.id = v.property_id
        WHERE v.status = 'open' AND v.ended_on IS NULL
        ORDER BY v.vacant_since, v.id`,
    );
    return rows.map((row) => ({
      periodId: row.period_id,
      propertyId: row.property_id,
      propertyName: row.name,
      address: row.address,
      ownerId: row.owner_id,
      city: row.city,
      useCategory: row.use_category,
      vacantSince: row.vacant_since,
    }));
  }

  /** Marks the periods due, each with its date, if still open; returns the ids it moved (a repeated run moves none). */
  async markDue(manager: EntityManager, due: { periodId: string; reportDueOn: string }[]): Promise<string[]> {
    if (due.length === 0) return [];
    // An UPDATE answers [rows, count].
    const [rows] = await manager.query<[{ id: string }[], number]>(
      `UPDATE vacancy_period v SET status = 'report-due', report_due_on = d.due
         FROM unnest($1::uuid[], $2::date[]) AS d(id, due)
        WHERE v.id = d.id AND v.status = 'open'
        RETURNING v.id`,
      [due.map((row) => row.periodId), due.map((row) => row.reportDueOn)],
    );
    return rows.map((row) => row.id);
  }

  lockPeriod(manager: EntityManager, id: string): Promise<VacancyPeriod | null> {
    return manager
      .getRepository(VacancyPeriod)
      .createQueryBuilder('period')
      .setLock('pessimistic_write')
      .where('period.id = :id', { id })
      .getOne();
  }

  findPeriod(id: string): Promise<VacancyPeriod | null> {
    return this.dataSource.getRepository(VacancyPeriod).findOne({ where: { id } });
  }

  async setStatus(manager: EntityManager, id: string, status: VacancyPeriod['status']): Promise<void> {
    await manager.getRepository(VacancyPeriod).update({ id }, { status });
  }

  insertReport(manager: EntityManager, values: Omit<VacancyReport, 'id' | 'createdAt'>): Promise<VacancyReport> {
    return manager.getRepository(VacancyReport).save(manager.getRepository(VacancyReport).create(values));
  }

  insertConsultation(manager: EntityManager, values: Omit<VacancyConsultation, 'id' | 'createdAt'>): Promise<VacancyConsultation> {
    return manager.getRepository(VacancyConsultation).save(manager.getRepository(VacancyConsultation).create(values));
  }

  insertDecision(manager: EntityManager, values: Omit<VacancyDecision, 'id' | 'createdAt'>): Promise<VacancyDecision> {
    return manager.getRepository(VacancyDecision).save(manager.getRepository(VacancyDecision).create(values));
  }

  async fileOf(
    periodId: string,
  ): Promise<{ report: VacancyReport | null; consultations: VacancyConsultation[]; decision: VacancyDecision | null }> {
    const manager = this.dataSource.manager;
    const [report, consultations, decision] = await Promise.all([
      manager.findOne(VacancyReport, { where: { vacancyPeriodId: periodId } }),
      manager.find(VacancyConsultation, { where: { vacancyPeriodId: periodId }, order: { heldOn: 'ASC', createdAt: 'ASC' } }),
      manager.findOne(VacancyDecision, { where: { vacancyPeriodId: periodId } }),
    ]);
    return { report, consultations, decision };
  }
}

export function toRules(set: VacancyRuleSet): VacancyRules {
  return {
    city: set.city,
    validFrom: set.validFrom,
    useCategories: set.useCategories,
    reportAfterMonths: set.reportAfterMonths,
    consultationWithinMonths: set.consultationWithinMonths,
    nominationAfterMonths: set.nominationAfterMonths,
    fineTiers: set.fineTiers,
  };
}
