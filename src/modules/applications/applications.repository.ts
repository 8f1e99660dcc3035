import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Page } from '../../common/pagination/page.js';
import {
  Application,
  ApplicationEvent,
  ApplicationMember,
  ApplicationPreferredFloor,
  ApplicationReview,
  ApplicationRound,
  ApplicationRoundFloor,
  type ApplicationStatus,
  FloorOffer,
  type OfferStatus,
} from './application.entity.js';

export interface RankingRow {
  applicationId: string;
  groupName: string;
  status: ApplicationStatus;
  meanScore: number | null;
  reviews: number;
  submittedAt: Date | null;
}

export type NewMember = Omit<ApplicationMember, 'id' | 'applicationId'>;

export interface ApplicationFilter {
  roundId?: string;
  status?: ApplicationStatus;
  /** Only applications this user is the contact or a member (by e-mail) of. */
  participantUserId?: string;
  /** Only applications to rounds in this umbrella's buildings. */
  umbrellaId?: string;
}

export interface OfferFilter {
  status?: OfferStatus;
  floorId?: string;
  applicationId?: string;
  participantUserId?: string;
  umbrellaId?: string;
}

/** An application to a round in one of the umbrella's buildings (the umbrella's staff see those only). */
function whereInUmbrella<T extends object>(query: SelectQueryBuilder<T>, applicationIdColumn: string, umbrellaId: string): void {
  query.andWhere(
    `EXISTS (SELECT 1 FROM application ua JOIN application_round ur ON ur.id = ua.round_id
              JOIN building_register ub ON ub.building_id = ur.building_id
              WHERE ua.id = ${applicationIdColumn} AND ub.umbrella_id = :umbrellaId)`,
    { umbrellaId },
  );
}

/** The same test as `isParticipant`, as a condition on a list's application id. */
function whereParticipant<T extends object>(query: SelectQueryBuilder<T>, applicationIdColumn: string, userId: string): void {
  query.andWhere(
    `(EXISTS (SELECT 1 FROM application pa WHERE pa.id = ${applicationIdColumn} AND pa.contact_user_id = :participantUserId)
      OR EXISTS (SELECT 1 FROM application_member pm JOIN user_email pu ON pu.email = pm.email
                  WHERE pm.application_id = ${applicationIdColumn} AND pu.user_id = :participantUserId))`,
    { participantUserId: userId },
  );
}

@Injectable()
export class ApplicationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  // ── rounds ────────────────────────────────────────────────────────────────────────────

  insertRound(values: Omit<ApplicationRound, 'id' | 'createdAt'>, floorIds: string[]): Promise<ApplicationRound> {
    return this.dataSource.transaction(async (manager) => {
      const round = await manager.save(manager.create(ApplicationRound, values));
      await manager.insert(
        ApplicationRoundFloor,
        floorIds.map((floorId) => ({ roundId: round.id, floorId })),
      );
      return round;
    });
  }

  findRound(id: string): Promise<ApplicationRound | null> {
    return this.dataSource.manager.findOneBy(ApplicationRound, { id });
  }

  /** The floors among these that left the broedplaats, with the day they left (the handovers' view). */
  async departuresOf(floorIds: string[]): Promise<Map<string, string>> {
    const rows = await this.dataSource.query<{ floor_id: string; left_on: string }[]>(
      `SELECT floor_id, to_char(left_on, 'YYYY-MM-DD') AS left_on FROM floor_departure WHERE floor_id = ANY($1::uuid[])`,
      [floorIds],
    );
    return new Map(rows.map((row) => [row.floor_id, row.left_on]));
  }

  async findRoundsPage(buildingId: string, page: { limit: number; offset: number }): Promise<Page<ApplicationRound>> {
    const [items, total] = await this.dataSource
      .getRepository(ApplicationRound)
      .createQueryBuilder('round')
      .where('round.building_id = :buildingId', { buildingId })
      .orderBy('round.opens_on', 'DESC')
      .addOrderBy('round.id')
      .take(page.limit)
      .skip(page.offset)
      .getManyAndCount();
    return { items, total };
  }

  /** The rounds of these buildings open on the day (opened, not yet closed), closing soonest first. */
  findRoundsOpenOn(today: string, buildingIds: string[]): Promise<ApplicationRound[]> {
    return this.dataSource
      .getRepository(ApplicationRound)
      .createQueryBuilder('round')
      .where('round.building_id = ANY(:buildingIds)', { buildingIds })
      .andWhere('round.opens_on <= :today AND round.closes_on >= :today', { today })
      .orderBy('round.closes_on', 'ASC')
      .addOrderBy('round.id')
      .getMany();
  }

  /** The floors of many rounds in one query. */
  async floorIdsOfRounds(roundIds: string[]): Promise<Map<string, string[]>> {
    const byRound = new Map<string, string[]>(roundIds.map((id) => [id, []]));
    if (roundIds.length === 0) return byRound;
    const rows = await this.dataSource
      .getRepository(ApplicationRoundFloor)
      .createQueryBuilder('rf')
      .where('rf.round_id = ANY(:roundIds)', { roundIds })
      .getMany();
    for (const row of rows) byRound.get(row.roundId)?.push(row.floorId);
    return byRound;
  }

  async floorIdsOfRound(roundId: string): Promise<string[]> {
    const rows = await this.dataSource.manager.findBy(ApplicationRoundFloor, { roundId });
    return rows.map((row) => row.floorId);
  }

  // ── applications ──────────────────────────────────────────────────────────────────────

  insertApplication(
    values: Pick<Application, 'roundId' | 'groupName' | 'plan' | 'contactUserId'>,
    preferredFloorIds: string[],
    members: NewMember[],
  ): Promise<Application> {
    return this.dataSource.transaction(async (manager) => {
      const application = await manager.save(manager.create(Application, { ...values, status: 'draft', submittedAt: null }));
      await manager.insert(
        ApplicationPreferredFloor,
        preferredFloorIds.map((floorId, index) => ({ applicationId: application.id, floorId, position: index + 1 })),
      );
      await manager.insert(
        ApplicationMember,
        members.map((member) => ({ ...member, applicationId: application.id })),
      );
      await manager.insert(ApplicationEvent, {
        applicationId: application.id,
        fromStatus: null,
        toStatus: 'draft',
        byUserId: values.contactUserId,
      });
      return application;
    });
  }

  findApplication(id: string, manager: EntityManager = this.dataSource.manager): Promise<Application | null> {
    return manager.findOneBy(Application, { id });
  }

  lockApplication(manager: EntityManager, id: string): Promise<Application | null> {
    return manager
      .getRepository(Application)
      .createQueryBuilder('application')
      .setLock('pessimistic_write')
      .where('application.id = :id', { id })
      .getOne();
  }

  membersOf(applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<ApplicationMember[]> {
    return manager.find(ApplicationMember, { where: { applicationId }, order: { name: 'ASC' } });
  }

  async preferredFloorIdsOf(applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await manager.find(ApplicationPreferredFloor, { where: { applicationId }, order: { position: 'ASC' } });
    return rows.map((row) => row.floorId);
  }

  /** A draft's correction in the caller's transaction: the lists given replace the old ones whole. */
  async updateDraft(
    manager: EntityManager,
    id: string,
    change: Partial<Pick<Application, 'groupName' | 'plan'>>,
    preferredFloorIds: string[] | undefined,
    members: NewMember[] | undefined,
  ): Promise<void> {
    if (Object.keys(change).length > 0) await manager.update(Application, { id }, change);
    if (preferredFloorIds) {
      await manager.delete(ApplicationPreferredFloor, { applicationId: id });
      await manager.insert(
        ApplicationPreferredFloor,
        preferredFloorIds.map((floorId, index) => ({ applicationId: id, floorId, position: index + 1 })),
      );
    }
    if (members) {
      await manager.delete(ApplicationMember, { applicationId: id });
      await manager.insert(
        ApplicationMember,
        members.map((member) => ({ ...member, applicationId: id })),
      );
    }
  }

  /** A draft with its floors, members and history (they cascade). */
  async deleteApplication(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(Application, { id });
  }

  eventsOf(applicationId: string): Promise<ApplicationEvent[]> {
    return this.dataSource.manager.find(ApplicationEvent, { where: { applicationId }, order: { at: 'ASC' } });
  }

  offersOf(applicationId: string): Promise<FloorOffer[]> {
    return this.dataSource.manager.find(FloorOffer, { where: { applicationId }, order: { createdAt: 'ASC' } });
  }

  /** Applications of a round, or those a user takes part in (`participantUserId`), newest first. */
  async findApplicationsPage(filter: ApplicationFilter, page: { limit: number; offset: number }): Promise<Page<Application>> {
    const query = this.dataSource.getRepository(Application).createQueryBuilder('application').where('TRUE');
    if (filter.roundId) query.andWhere('application.round_id = :roundId', { roundId: filter.roundId });
    if (filter.status) query.andWhere('application.status = :status', { status: filter.status });
    if (filter.participantUserId) whereParticipant(query, 'application.id', filter.participantUserId);
    if (filter.umbrellaId) whereInUmbrella(query, 'application.id', filter.umbrellaId);
    const [items, total] = await query
      .orderBy('application.created_at', 'DESC')
      .addOrderBy('application.id')
      .take(page.limit)
      .skip(page.offset)
      .getManyAndCount();
    return { items, total };
  }

  async findOffersPage(filter: OfferFilter, page: { limit: number; offset: number }): Promise<Page<FloorOffer>> {
    const query = this.dataSource.getRepository(FloorOffer).createQueryBuilder('offer').where('TRUE');
    if (filter.status) query.andWhere('offer.status = :status', { status: filter.status });
    if (filter.floorId) query.andWhere('offer.floor_id = :floorId', { floorId: filter.floorId });
    if (filter.applicationId) query.andWhere('offer.application_id = :applicationId', { applicationId: filter.applicationId });
    if (filter.participantUserId) whereParticipant(query, 'offer.application_id', filter.participantUserId);
    if (filter.umbrellaId) whereInUmbrella(query, 'offer.application_id', filter.umbrellaId);
    const [items, total] = await query
      .orderBy('offer.created_at', 'DESC')
      .addOrderBy('offer.id')
      .take(page.limit)
      .skip(page.offset)
      .getManyAndCount();
    return { items, total };
  }

  /** Whether the user speaks for the group or is one of its members (by e-mail). */
  async isParticipant(applicationId: string, userId: string): Promise<boolean> {
    const [row] = await this.dataSource.query<{ participant: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM application a WHERE a.id = $1 AND a.contact_user_id = $2)
           OR EXISTS (SELECT 1 FROM application_member m JOIN user_email u ON u.email = m.email WHERE m.application_id = $1 AND u.user_id = $2) AS participant`,
      [applicationId, userId],
    );
    return row?.participant ?? false;
  }

  /** Moves the application if it is in one of `from`; records who did it. False when it was not. */
  async transition(
    manager: EntityManager,
    applicationId: string,
    from: ApplicationStatus[],
    to: ApplicationStatus,
    byUserId: string | null,
  ): Promise<boolean> {
    const [rows] = await manager.query<[{ from_status: ApplicationStatus }[], number]>(
      `UPDATE application a SET status = $3, submitted_at = CASE WHEN $3 = 'submitted' THEN now() ELSE a.submitted_at END
         FROM (SELECT id, status AS from_status FROM application WHERE id = $1 FOR UPDATE) old
        WHERE a.id = old.id AND old.from_status = ANY($2)
        RETURNING old.from_status`,
      [applicationId, from, to],
    );
    if (rows.length === 0) return false;
    await manager.insert(ApplicationEvent, { applicationId, fromStatus: rows[0]!.from_status, toStatus: to, byUserId });
    return true;
  }

  // ── reviews and ranking ───────────────────────────────────────────────────────────────

  async upsertReview(review: Pick<ApplicationReview, 'applicationId' | 'reviewerId' | 'score' | 'notes'>): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO application_review (application_id, reviewer_id, score, notes) VALUES ($1, $2, $3, $4)
       ON CONFLICT (application_id, reviewer_id) DO UPDATE SET score = EXCLUDED.score, notes = EXCLUDED.notes, reviewed_at = now()`,
      [review.applicationId, review.reviewerId, review.score, review.notes],
    );
  }

  /** Applications in the running, best mean score first, then the earliest submitted. */
  async ranking(roundId: string): Promise<RankingRow[]> {
    const rows = await this.dataSource.query<
      { id: string; group_name: string; status: ApplicationStatus; mean: string | null; reviews: number; submitted_at: Date | null }[]
    >(
      `SELECT a.id, a.group_name, a.status, round(avg(r.score), 2) AS mean, count(r.score)::int AS reviews, a.submitted_at
         FROM application a LEFT JOIN application_review r ON r.application_id = a.id
        WHERE a.round_id = $1 AND a.status IN ('submitted', 'waitlisted', 'allocated')
        GROUP BY a.id
        ORDER BY avg(r.score) DESC NULLS LAST, a.submitted_at ASC, a.id`,
      [roundId],
    );
    return rows.map((row) => ({
      applicationId: row.id,
      groupName: row.group_name,
      status: row.status,
      meanScore: row.mean === null ? null : Number(row.mean),
      reviews: row.reviews,
      submittedAt: row.submitted_at,
    }));
  }

  // ── allocation ────────────────────────────────────────────────────────────────────────

  async insertAllocation(manager: EntityManager, floorId: string, applicationId: string, allocatedOn: string): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO floor_allocation (floor_id, application_id, allocated_on) VALUES ($1, $2, $3) RETURNING id`,
      [floorId, applicationId, allocatedOn],
    );
    return row!.id;
  }

  async linkTenants(manager: EntityManager, allocationId: string, tenantIds: string[]): Promise<void> {
    await manager.query(`INSERT INTO allocation_tenant (allocation_id, tenant_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [
      allocationId,
      tenantIds,
    ]);
  }

  /**
   * Serialises the writes that decide a floor's fate (allocate, accept, release, offer) until the
   * transaction ends, so an offer is never made for a floor another transaction is allocating.
   */
  async lockFloor(manager: EntityManager, floorId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('floor_allocation:' || $1, 0))`, [floorId]);
  }

  async isAllocated(manager: EntityManager, floorId: string): Promise<boolean> {
    const [row] = await manager.query<{ allocated: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM floor_allocation WHERE floor_id = $1 AND released_on IS NULL) AS allocated`,
      [floorId],
    );
    return row?.allocated ?? false;
  }

  /** Ends the floor's current allocation; the application it was given to, or null when it had none. */
  async releaseFloor(manager: EntityManager, floorId: string, releasedOn: string): Promise<string | null> {
    const [rows] = await manager.query<[{ application_id: string }[], number]>(
      `UPDATE floor_allocation SET released_on = $2 WHERE floor_id = $1 AND released_on IS NULL RETURNING application_id`,
      [floorId, releasedOn],
    );
    return rows[0]?.application_id ?? null;
  }

  // ── offers ────────────────────────────────────────────────────────────────────────────

  /**
   * The best waitlisted application that wants the floor, has no open offer and was not offered
   * this floor before (so a declined or expired offer passes to the next).
   */
  async nextCandidate(floorId: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ id: string }[]>(
      `SELECT a.id
         FROM application a
         JOIN application_preferred_floor p ON p.application_id = a.id AND p.floor_id = $1
         LEFT JOIN application_review r ON r.application_id = a.id
        WHERE a.status = 'waitlisted'
          AND NOT EXISTS (SELECT 1 FROM floor_offer o WHERE o.application_id = a.id AND (o.status = 'open' OR o.floor_id = $1))
        GROUP BY a.id
        ORDER BY avg(r.score) DESC NULLS LAST, a.submitted_at ASC, a.id
        LIMIT 1`,
      [floorId],
    );
    return row?.id ?? null;
  }

  /** Floors of a round with no current allocation and no open offer. */
  async freeFloorsOfRound(roundId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ floor_id: string }[]>(
      `SELECT rf.floor_id FROM application_round_floor rf JOIN floor_level f ON f.floor_id = rf.floor_id
        WHERE rf.round_id = $1
          AND NOT EXISTS (SELECT 1 FROM floor_allocation x WHERE x.floor_id = rf.floor_id AND x.released_on IS NULL)
          AND NOT EXISTS (SELECT 1 FROM floor_offer o WHERE o.floor_id = rf.floor_id AND o.status = 'open')
        ORDER BY f.level`,
      [roundId],
    );
    return rows.map((row) => row.floor_id);
  }

  /** The new offer's id, or null when the floor got an open offer or a group meanwhile (call under `lockFloor`). */
  async insertOffer(manager: EntityManager, floorId: string, applicationId: string, replyBy: string): Promise<string | null> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO floor_offer (floor_id, application_id, reply_by)
       SELECT $1, $2, $3 WHERE NOT EXISTS (SELECT 1 FROM floor_allocation WHERE floor_id = $1 AND released_on IS NULL)
       ON CONFLICT (floor_id) WHERE status = 'open' DO NOTHING RETURNING id`,
      [floorId, applicationId, replyBy],
    );
    return rows[0]?.id ?? null;
  }

  findOffer(id: string): Promise<FloorOffer | null> {
    return this.dataSource.manager.findOneBy(FloorOffer, { id });
  }

  /** Closes an open offer; false when it was no longer open. */
  async closeOffer(manager: EntityManager, offerId: string, status: Exclude<OfferStatus, 'open'>): Promise<boolean> {
    const [rows] = await manager.query<[unknown[], number]>(
      `UPDATE floor_offer SET status = $2, answered_at = now() WHERE id = $1 AND status = 'open' RETURNING id`,
      [offerId, status],
    );
    return rows.length > 0;
  }

  /** Withdraws the floor's open offers (it was allocated or released); the offers withdrawn. */
  async withdrawOpenOffersOn(manager: EntityManager, floorId: string): Promise<{ id: string; applicationId: string }[]> {
    const [rows] = await manager.query<[{ id: string; application_id: string }[], number]>(
      `UPDATE floor_offer SET status = 'withdrawn', answered_at = now() WHERE floor_id = $1 AND status = 'open' RETURNING id, application_id`,
      [floorId],
    );
    return rows.map((row) => ({ id: row.id, applicationId: row.application_id }));
  }

  /** Withdraws the group's open offers (it was given a floor); the offers withdrawn. */
  async withdrawOpenOffersOf(manager: EntityManager, applicationId: string): Promise<{ id: string; floorId: string }[]> {
    const [rows] = await manager.query<[{ id: string; floor_id: string }[], number]>(
      `UPDATE floor_offer SET status = 'withdrawn', answered_at = now() WHERE application_id = $1 AND status = 'open' RETURNING id, floor_id`,
      [applicationId],
    );
    return rows.map((row) => ({ id: row.id, floorId: row.floor_id }));
  }

  openOffersReplyingBy(day: string): Promise<FloorOffer[]> {
    return this.dataSource.getRepository(FloorOffer).findBy({ status: 'open', replyBy: day });
  }

  async openOffersPast(today: string): Promise<FloorOffer[]> {
    return this.dataSource
      .getRepository(FloorOffer)
      .createQueryBuilder('offer')
      .where(`offer.status = 'open' AND offer.reply_by < :today`, { today })
      .getMany();
  }

  /** Per building, its open offers; buildings without one are absent. */
  async countOpenOffers(buildingIds: string[]): Promise<Map<string, number>> {
    const rows = await this.dataSource.query<{ building_id: string; n: string }[]>(
      `SELECT r.building_id, count(*) AS n
         FROM floor_offer o JOIN application a ON a.id = o.application_id JOIN application_round r ON r.id = a.round_id
        WHERE o.status = 'open' AND r.building_id = ANY($1::uuid[])
        GROUP BY r.building_id`,
      [buildingIds],
    );
    return new Map(rows.map((row) => [row.building_id, Number(row.n)]));
  }

  /** The score and notes this reviewer gave the application, if any. */
  async findReview(applicationId: string, reviewerId: string): Promise<{ score: number; notes: string | null } | null> {
    const [row] = await this.dataSource.query<{ score: number; notes: string | null }[]>(
      `SELECT score, notes FROM application_review WHERE application_id = $1 AND reviewer_id = $2`,
      [applicationId, reviewerId],
    );
    return row ?? null;
  }
}
