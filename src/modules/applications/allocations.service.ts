import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { mayActForApplication, requireCapability } from '../../common/auth/access-policy.js';
import { type Principal, SYSTEM_PRINCIPAL } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { translateConstraintViolations } from '../../common/database/pg-errors.js';
import { addDays } from '../../common/dates.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleError, whenNotFound } from '../../common/errors/domain-error.js';
import { actorOf, DomainEvents } from '../../events/domain-events.js';
import { FloorsService } from '../floors/floors.service.js';
import { TenantsService } from '../tenants/tenants.service.js';
import type { FloorOffer } from './application.entity.js';
import { canMove, statusesThatMayBecome } from './application-rules.js';
import { APPLICATIONS_ERRORS, TransitionRefusedError } from './applications.errors.js';
import { ApplicationsRepository } from './applications.repository.js';
import { ApplicationsService } from './applications.service.js';

function floorAlreadyAllocated(): ConflictError {
  return new ConflictError(APPLICATIONS_ERRORS.floor_already_allocated, {}, [{ field: 'floorId', message: 'already allocated' }]);
}

export interface Allocation {
  applicationId: string;
  floorId: string;
  tenantIds: string[];
}

/** One floor, one group: allocation, release, and offers of free floors to the waiting list. */
@Injectable()
export class AllocationsService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly applicationsService: ApplicationsService,
    private readonly floors: FloorsService,
    private readonly tenants: TenantsService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Gives the floor to the group and makes each member a tenant (a maker already known by e-mail
   * is reused), all in one transaction. The floor's unique current allocation settles a race.
   */
  async allocate(applicationId: string, floorId: string, principal: Principal): Promise<Allocation> {
    requireCapability(principal, 'applications.review');
    const application = await this.applicationsService.getVisible(applicationId, principal);
    const roundFloors = await this.applications.floorIdsOfRound(application.roundId);
    if (!roundFloors.includes(floorId)) {
      throw new RuleError(APPLICATIONS_ERRORS.floor_not_in_round, {}, [{ field: 'floorId', message: 'not in the round' }]);
    }
    if (!canMove(application.status, 'allocated')) throw new TransitionRefusedError(application.status, 'allocated');
    return this.allocateAtomically(applicationId, floorId, principal);
  }

  private async allocateAtomically(
    applicationId: string,
    floorId: string,
    principal: Principal,
    first?: (manager: EntityManager) => Promise<void>,
  ): Promise<Allocation> {
    const actorUserId = actorOf(principal);
    const { allocation, passedOn } = await translateConstraintViolations(
      () =>
        this.applications.transaction(async (manager) => {
          await this.applications.lockFloor(manager, floorId);
          await first?.(manager);
          const locked = (await this.applications.lockApplication(manager, applicationId))!;
          if (
            !(await this.applications.transition(manager, applicationId, statusesThatMayBecome('allocated'), 'allocated', principal.userId))
          ) {
            throw new TransitionRefusedError(locked.status, 'allocated');
          }
          const allocationId = await this.applications.insertAllocation(manager, floorId, applicationId, this.clock.today());
          const members = await this.applications.membersOf(applicationId, manager);
          const tenantIds = await this.tenants.findOrCreateMany(members, manager);
          await this.applications.linkTenants(manager, allocationId, tenantIds);
          await this.events.record(manager, {
            type: 'application.allocated',
            entityId: applicationId,
            actorUserId,
            payload: { floorId, allocationId, tenantIds },
          });
          await this.withdrawOpenOffers(manager, floorId, 'allocated', actorUserId);
          // The group has its floor: its offers of other floors no longer stand, and those floors pass to the next group.
          const passedOn: string[] = [];
          for (const offer of await this.applications.withdrawOpenOffersOf(manager, applicationId)) {
            await this.events.record(manager, {
              type: 'offer.withdrawn',
              entityId: offer.id,
              actorUserId,
              payload: { floorId: offer.floorId, applicationId, because: 'group-allocated' },
            });
            passedOn.push(offer.floorId);
          }
          return { allocation: { applicationId, floorId, tenantIds }, passedOn };
        }),
      { uq_floor_allocation_current: floorAlreadyAllocated },
    );
    for (const floor of passedOn) await this.offerFloor(floor, principal);
    return allocation;
  }

  /** Ends the floor's allocation (the group's application becomes `released`); the best waitlisted group that wants it gets an offer. */
  async release(floorId: string, principal: Principal): Promise<FloorOffer | null> {
    requireCapability(principal, 'applications.review');
    await this.floors.getVisible(floorId, principal);
    const actorUserId = actorOf(principal);
    await this.applications.transaction(async (manager) => {
      await this.applications.lockFloor(manager, floorId);
      const applicationId = await this.applications.releaseFloor(manager, floorId, this.clock.today());
      if (!applicationId) throw new RuleError(APPLICATIONS_ERRORS.floor_not_allocated);
      await this.applications.transition(manager, applicationId, statusesThatMayBecome('released'), 'released', principal.userId);
      await this.events.record(manager, { type: 'application.released', entityId: applicationId, actorUserId, payload: { floorId } });
      await this.withdrawOpenOffers(manager, floorId, 'released', actorUserId);
    });
    return this.offerFloor(floorId, principal);
  }

  /** A floor that was allocated or released takes back the offers still open on it. */
  private async withdrawOpenOffers(
    manager: EntityManager,
    floorId: string,
    because: 'allocated' | 'released',
    actorUserId: string | null,
  ): Promise<void> {
    for (const offer of await this.applications.withdrawOpenOffersOn(manager, floorId)) {
      await this.events.record(manager, {
        type: 'offer.withdrawn',
        entityId: offer.id,
        actorUserId,
        payload: { floorId, applicationId: offer.applicationId, because },
      });
    }
  }

  /** Offers each free floor of a round to the best waitlisted group that wants it. */
  async offerFreeFloors(roundId: string, principal: Principal): Promise<FloorOffer[]> {
    requireCapability(principal, 'applications.review');
    await this.applicationsService.getRound(roundId, principal);
    const offers: FloorOffer[] = [];
    for (const floorId of await this.applications.freeFloorsOfRound(roundId)) {
      const offer = await this.offerFloor(floorId, principal);
      if (offer) offers.push(offer);
    }
    return offers;
  }

  /** Accepting allocates the floor; closing the offer and allocating are one transaction. */
  async accept(offerId: string, principal: Principal): Promise<Allocation> {
    const offer = await this.answerable(offerId, principal);
    return this.allocateAtomically(offer.applicationId, offer.floorId, principal, async (manager) => {
      if (await this.applications.isAllocated(manager, offer.floorId)) throw floorAlreadyAllocated();
      if (!(await this.applications.closeOffer(manager, offerId, 'accepted'))) throw new RuleError(APPLICATIONS_ERRORS.offer_closed);
    });
  }

  async decline(offerId: string, principal: Principal): Promise<FloorOffer | null> {
    const offer = await this.answerable(offerId, principal);
    const closed = await this.applications.transaction((manager) => this.applications.closeOffer(manager, offerId, 'declined'));
    if (!closed) throw new RuleError(APPLICATIONS_ERRORS.offer_closed);
    return this.offerFloor(offer.floorId, principal);
  }

  /** Open offers past their reply date expire and pass to the next group; run by a queued job. */
  async expireOverdueOffers(): Promise<number> {
    const overdue = await this.applications.openOffersPast(this.clock.today());
    for (const offer of overdue) {
      const closed = await this.applications.transaction(async (manager) => {
        if (!(await this.applications.closeOffer(manager, offer.id, 'expired'))) return false;
        await this.events.record(manager, {
          type: 'offer.expired',
          entityId: offer.id,
          actorUserId: null,
          payload: { floorId: offer.floorId, applicationId: offer.applicationId },
        });
        return true;
      });
      if (closed) await this.offerFloor(offer.floorId, SYSTEM_PRINCIPAL);
    }
    return overdue.length;
  }

  private async offerFloor(floorId: string, principal: Principal): Promise<FloorOffer | null> {
    const applicationId = await this.applications.nextCandidate(floorId);
    if (!applicationId) return null;
    const replyBy = addDays(this.clock.today(), this.config.applications.offerReplyDays);
    const offerId = await this.applications.transaction(async (manager) => {
      await this.applications.lockFloor(manager, floorId);
      const id = await this.applications.insertOffer(manager, floorId, applicationId, replyBy);
      if (id) {
        await this.events.record(manager, {
          type: 'offer.made',
          entityId: id,
          actorUserId: actorOf(principal),
          payload: { floorId, applicationId, replyBy },
        });
      }
      return id;
    });
    return offerId ? this.applications.findOffer(offerId) : null;
  }

  /** The offer, if this user may answer it (the group's contact or an admin) and its date has not passed. */
  private async answerable(offerId: string, principal: Principal): Promise<FloorOffer> {
    requireCapability(principal, 'applications.apply');
    const offer = await this.applications.findOffer(offerId);
    if (!offer) throw new NotFoundError(APPLICATIONS_ERRORS.offer_not_found, { id: offerId });
    const application = await this.applicationsService
      .getVisible(offer.applicationId, principal)
      .catch(whenNotFound(() => new NotFoundError(APPLICATIONS_ERRORS.offer_not_found, { id: offerId })));
    if (!mayActForApplication(principal, application)) throw new ForbiddenError();
    if (offer.status !== 'open') throw new RuleError(APPLICATIONS_ERRORS.offer_closed);
    if (this.clock.today() > offer.replyBy) throw new RuleError(APPLICATIONS_ERRORS.offer_expired, { replyBy: offer.replyBy });
    return offer;
  }

  /** Per building, how many offers wait for an answer (the dashboard). */
  openOffersPerBuilding(buildingIds: string[], principal: Principal): Promise<Map<string, number>> {
    requireCapability(principal, 'applications.review');
    return this.applications.countOpenOffers(buildingIds);
  }
}
