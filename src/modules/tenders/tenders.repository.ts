import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  ConversionSubsidyScheme,
  Tender,
  TenderAward,
  TenderCriterion,
  TenderProposal,
  TenderReviewer,
  TenderScore,
} from './tender.entity.js';

export interface TenderDetails {
  tender: Tender;
  criteria: TenderCriterion[];
  reviewerIds: string[];
  award: TenderAward | null;
}

@Injectable()
export class TendersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insertTender(
    manager: EntityManager,
    values: Omit<Tender, 'id' | 'createdAt'>,
    criteria: { name: string; weight: number }[],
    reviewerIds: string[],
  ): Promise<Tender> {
    const tender = await manager.getRepository(Tender).save(manager.getRepository(Tender).create(values));
    await manager.insert(
      TenderCriterion,
      criteria.map((criterion, index) => ({ tenderId: tender.id, position: index + 1, ...criterion })),
    );
    await manager.insert(
      TenderReviewer,
      reviewerIds.map((userId) => ({ tenderId: tender.id, userId })),
    );
    return tender;
  }

  async findDetails(id: string): Promise<TenderDetails | null> {
    const tender = await this.dataSource.getRepository(Tender).findOneBy({ id });
    if (!tender) return null;
    const [criteria, reviewers, award] = await Promise.all([
      this.dataSource.getRepository(TenderCriterion).find({ where: { tenderId: id }, order: { position: 'ASC' } }),
      this.dataSource.getRepository(TenderReviewer).find({ where: { tenderId: id }, order: { userId: 'ASC' } }),
      this.dataSource.getRepository(TenderAward).findOneBy({ tenderId: id }),
    ]);
    return { tender, criteria, reviewerIds: reviewers.map((reviewer) => reviewer.userId), award };
  }

  /** Tenders, newest first: all, or those run by one organisation, or those a user reviews. */
  async findTenders(filter: { runById?: string; reviewerId?: string; propertyId?: string }): Promise<Tender[]> {
    const query = this.dataSource.getRepository(Tender).createQueryBuilder('tender').where('TRUE');
    if (filter.runById) query.andWhere('tender.run_by_id = :runById', { runById: filter.runById });
    if (filter.propertyId) query.andWhere('tender.property_id = :propertyId', { propertyId: filter.propertyId });
    if (filter.reviewerId) {
      query.andWhere('EXISTS (SELECT 1 FROM tender_reviewer r WHERE r.tender_id = tender.id AND r.user_id = :reviewerId)', {
        reviewerId: filter.reviewerId,
      });
    }
    return query.orderBy('tender.created_at', 'DESC').addOrderBy('tender.id', 'ASC').limit(1000).getMany();
  }

  insertProposal(
    values: Omit<TenderProposal, 'id' | 'submittedAt' | 'status' | 'motivation'>,
    manager: EntityManager,
  ): Promise<TenderProposal> {
    const repository = manager.getRepository(TenderProposal);
    return repository.save(repository.create({ ...values, status: 'submitted', motivation: null }));
  }

  findProposal(id: string): Promise<TenderProposal | null> {
    return this.dataSource.getRepository(TenderProposal).findOneBy({ id });
  }

  /** A tender's proposals (or one umbrella's), in the order they came in. */
  findProposals(tenderId: string, umbrellaId?: string): Promise<TenderProposal[]> {
    return this.dataSource.getRepository(TenderProposal).find({
      where: umbrellaId ? { tenderId, umbrellaId } : { tenderId },
      order: { submittedAt: 'ASC', id: 'ASC' },
    });
  }

  /** The names of umbrellas, by id. */
  async umbrellaNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.query<{ organisation_id: string; name: string }[]>(
      'SELECT organisation_id, name FROM organisation_party WHERE organisation_id = ANY($1)',
      [ids],
    );
    return new Map(rows.map((row) => [row.organisation_id, row.name]));
  }

  /** Replaces one reviewer's scores of one proposal. */
  async replaceScores(
    manager: EntityManager,
    proposalId: string,
    reviewerId: string,
    scores: { criterion: number; score: number }[],
  ): Promise<void> {
    await manager.delete(TenderScore, { proposalId, reviewerId });
    await manager.insert(
      TenderScore,
      scores.map((score) => ({ proposalId, reviewerId, criterionPosition: score.criterion, score: score.score })),
    );
  }

  async scoresOf(tenderId: string): Promise<TenderScore[]> {
    return this.dataSource
      .getRepository(TenderScore)
      .createQueryBuilder('score')
      .innerJoin(TenderProposal, 'proposal', 'proposal.id = score.proposal_id')
      .where('proposal.tender_id = :tenderId', { tenderId })
      .getMany();
  }

  /** The award row first: its primary key (the tender) lets only one award through; a second waits, then fails. */
  async insertAward(manager: EntityManager, values: { tenderId: string; proposalId: string; awardedBy: string | null }): Promise<void> {
    await manager.insert(TenderAward, { ...values, buildingId: null });
  }

  async setAwardBuilding(manager: EntityManager, tenderId: string, buildingId: string): Promise<void> {
    await manager.update(TenderAward, { tenderId }, { buildingId });
  }

  async settleProposals(manager: EntityManager, awardedId: string, rejected: { proposalId: string; motivation: string }[]): Promise<void> {
    await manager.update(TenderProposal, { id: awardedId }, { status: 'awarded' });
    for (const { proposalId, motivation } of rejected) {
      await manager.update(TenderProposal, { id: proposalId }, { status: 'rejected', motivation });
    }
  }

  /** The conversion subsidy scheme of a city in force on a day, if any. */
  schemeOn(city: string, day: string): Promise<ConversionSubsidyScheme | null> {
    return this.dataSource
      .getRepository(ConversionSubsidyScheme)
      .createQueryBuilder('scheme')
      .where('lower(scheme.city) = lower(:city)', { city })
      .andWhere('scheme.valid_from <= :day AND (scheme.valid_until IS NULL OR scheme.valid_until > :day)', { day })
      .orderBy('scheme.valid_from', 'DESC')
      .getOne();
  }

  /** The municipality organisation of a city (the party that pays its subsidy), if one is recorded. */
  async municipalityOf(city: string): Promise<string | null> {
    const rows = await this.dataSource.query<{ organisation_id: string }[]>(
      `SELECT organisation_id FROM organisation_party WHERE kind = 'municipality' AND lower(city) = lower($1) ORDER BY organisation_id LIMIT 1`,
      [city],
    );
    return rows[0]?.organisation_id ?? null;
  }

  /** The role and organisation of users named as reviewers. */
  async usersOf(ids: string[]): Promise<{ userId: string; role: string; organisationId: string | null }[]> {
    const rows = await this.dataSource.query<{ user_id: string; role: string; organisation_id: string | null }[]>(
      'SELECT user_id, role, organisation_id FROM user_contact WHERE user_id = ANY($1)',
      [ids],
    );
    return rows.map((row) => ({ userId: row.user_id, role: row.role, organisationId: row.organisation_id }));
  }
}
