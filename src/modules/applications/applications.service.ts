import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  applicationListScopeOf,
  mayActForApplication,
  mayReadApplication,
  requireCapability,
  staffUmbrellaOf,
} from '../../common/auth/access-policy.js';
import type { Page } from '../../common/pagination/page.js';
import type { Principal } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { ForbiddenError, InputError, NotFoundError, RuleError, whenNotFound } from '../../common/errors/domain-error.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import { FloorsService } from '../floors/floors.service.js';
import { FLOORS_ERRORS } from '../floors/floors.errors.js';
import type { Application, ApplicationRound, ApplicationStatus, FloorOffer, OfferStatus } from './application.entity.js';
import { canMove, statusesThatMayBecome, totalRequestedArea } from './application-rules.js';
import { APPLICATIONS_ERRORS, TransitionRefusedError } from './applications.errors.js';
import { ApplicationsRepository, type RankingRow } from './applications.repository.js';
import { roundOutlivesDeparture } from '../floors/floor-departure.js';
import type { CreateApplicationDto, CreateRoundDto, MemberDto, ReviewDto, UpdateApplicationDto } from './dto/application.dto.js';
import { requireCorrection } from '../../common/validation/correction.js';
import { actorOf, DomainEvents } from '../../events/domain-events.js';
import { changesBetween, changesOfDeletion } from '../../events/record-changes.js';
import type { NewMember } from './applications.repository.js';

/** What a group's application says, as a correction changes it and the audit log reports it. */
const AUDITED_FIELDS = ['groupName', 'plan', 'preferredFloorIds', 'members'] as const;

/** The members as they are stored: trimmed, e-mail in lower case, each address once. */
function normaliseMembers(members: MemberDto[]): NewMember[] {
  const emails = members.map((member) => member.email.trim().toLowerCase());
  if (new Set(emails).size !== emails.length)
    throw new InputError([{ field: 'members', message: 'each member needs an e-mail address of their own' }]);
  return members.map((member, index) => ({
    name: member.name.trim(),
    email: emails[index]!,
    discipline: member.discipline.trim(),
    postcode: member.postcode ?? null,
    requestedAreaM2: member.requestedAreaM2,
  }));
}

function refuseFloorsNotOffered(preferredFloorIds: string[], offeredFloorIds: string[]): void {
  const offered = new Set(offeredFloorIds);
  const unknown = preferredFloorIds.filter((floorId) => !offered.has(floorId));
  if (unknown.length > 0)
    throw new InputError(unknown.map((id) => ({ field: 'preferredFloorIds', message: `floor ${id} is not offered in this round` })));
}

@Injectable()
export class ApplicationsService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly buildings: BuildingsService,
    private readonly floors: FloorsService,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
  ) {}

  async createRound(
    buildingId: string,
    input: CreateRoundDto,
    principal: Principal,
  ): Promise<{ round: ApplicationRound; floorIds: string[] }> {
    requireCapability(principal, 'applications.review');
    await this.buildings.getVisible(buildingId, principal);
    if (input.closesOn < input.opensOn)
      throw new RuleError(APPLICATIONS_ERRORS.round_closes_before_it_opens, {}, [{ field: 'closesOn', message: 'before opensOn' }]);
    const ofBuilding = new Set(
      (await this.floors.listOverview(buildingId, principal, { limit: 1000, offset: 0 })).items.map((floor) => floor.id),
    );
    const foreign = input.floorIds.filter((floorId) => !ofBuilding.has(floorId));
    if (foreign.length > 0)
      throw new RuleError(
        FLOORS_ERRORS.floor_not_in_building,
        {},
        foreign.map((id) => ({ field: 'floorIds', message: `floor ${id} is not of this building` })),
      );
    const departures = await this.applications.departuresOf(input.floorIds);
    const departed = input.floorIds.filter((floorId) => roundOutlivesDeparture(input, departures.get(floorId) ?? null));
    if (departed.length > 0)
      throw new RuleError(
        FLOORS_ERRORS.floor_left_broedplaats,
        { leftOn: departures.get(departed[0]!)! },
        departed.map((id) => ({ field: 'floorIds', message: `floor ${id} left the broedplaats on ${departures.get(id)}` })),
      );
    const round = await this.applications.insertRound(
      { buildingId, name: input.name.trim(), opensOn: input.opensOn, closesOn: input.closesOn },
      input.floorIds,
    );
    return { round, floorIds: input.floorIds };
  }

  async getRound(id: string, principal: Principal): Promise<{ round: ApplicationRound; floorIds: string[] }> {
    const round = await this.applications.findRound(id);
    if (!round) throw new NotFoundError(APPLICATIONS_ERRORS.application_round_not_found, { id });
    await this.buildings
      .getVisible(round.buildingId, principal)
      .catch(whenNotFound(() => new NotFoundError(APPLICATIONS_ERRORS.application_round_not_found, { id })));
    return { round, floorIds: await this.applications.floorIdsOfRound(id) };
  }

  /** The rounds of a building, for whoever may see the building; each with its floors. */
  async listRounds(
    buildingId: string,
    principal: Principal,
    page: { limit: number; offset: number },
  ): Promise<Page<{ round: ApplicationRound; floorIds: string[] }>> {
    await this.buildings.getVisible(buildingId, principal);
    const rounds = await this.applications.findRoundsPage(buildingId, page);
    const floors = await this.applications.floorIdsOfRounds(rounds.items.map((round) => round.id));
    return { items: rounds.items.map((round) => ({ round, floorIds: floors.get(round.id)! })), total: rounds.total };
  }

  /** The rounds one may apply to today, in the buildings one may see, each with its floors. */
  async openRounds(principal: Principal): Promise<{ round: ApplicationRound; floorIds: string[] }[]> {
    requireCapability(principal, 'applications.apply');
    const rounds = await this.applications.findRoundsOpenOn(this.clock.today(), await this.buildings.visibleIds(principal));
    const floors = await this.applications.floorIdsOfRounds(rounds.map((round) => round.id));
    return rounds.map((round) => ({ round, floorIds: floors.get(round.id)! }));
  }

  async listOfRound(
    roundId: string,
    filter: { status?: ApplicationStatus },
    principal: Principal,
    page: { limit: number; offset: number },
  ): Promise<Page<Application>> {
    requireCapability(principal, 'applications.review');
    await this.getRound(roundId, principal);
    return this.applications.findApplicationsPage({ roundId, status: filter.status }, page);
  }

  /** Applications the user takes part in (admins: all, unless `mine`). */
  list(
    filter: { mine: boolean; status?: ApplicationStatus },
    principal: Principal,
    page: { limit: number; offset: number },
  ): Promise<Page<Application>> {
    requireCapability(principal, 'applications.read');
    return this.applications.findApplicationsPage({ status: filter.status, ...applicationListScopeOf(principal, filter.mine) }, page);
  }

  /** The offers still open whose reply is due on `day` (for their reminder). */
  openOffersReplyingBy(day: string): Promise<FloorOffer[]> {
    return this.applications.openOffersReplyingBy(day);
  }

  /** Offers to the groups the user takes part in (admins: all, unless `mine`). */
  listOffers(
    filter: { mine: boolean; status?: OfferStatus; floorId?: string },
    principal: Principal,
    page: { limit: number; offset: number },
  ): Promise<Page<FloorOffer>> {
    requireCapability(principal, 'applications.read');
    const { mine, ...rest } = filter;
    return this.applications.findOffersPage({ ...rest, ...applicationListScopeOf(principal, mine) }, page);
  }

  /** Any signed-in user may apply for a group and becomes its contact. */
  async apply(roundId: string, input: CreateApplicationDto, principal: Principal): Promise<Application> {
    requireCapability(principal, 'applications.apply');
    const { floorIds } = await this.getRound(roundId, principal);
    refuseFloorsNotOffered(input.preferredFloorIds, floorIds);
    const members = normaliseMembers(input.members);
    return this.applications.insertApplication(
      { roundId, groupName: input.groupName.trim(), plan: input.plan.trim(), contactUserId: principal.userId },
      input.preferredFloorIds,
      members,
    );
  }

  /** A draft's correction by its contact (or an admin); once submitted it stays as it was sent (422). */
  async update(id: string, input: UpdateApplicationDto, principal: Principal): Promise<Application> {
    requireCapability(principal, 'applications.apply');
    requireCorrection(input);
    const application = await this.requireContactOrAdmin(id, principal);
    if (input.preferredFloorIds)
      refuseFloorsNotOffered(input.preferredFloorIds, await this.applications.floorIdsOfRound(application.roundId));
    const members = input.members ? normaliseMembers(input.members) : undefined;
    return this.applications.transaction(async (manager) => {
      const locked = await this.applications.lockApplication(manager, id);
      if (!locked) throw new NotFoundError(APPLICATIONS_ERRORS.application_not_found, { id });
      if (locked.status !== 'draft') throw new RuleError(APPLICATIONS_ERRORS.application_not_draft, { status: locked.status });
      const before = await this.contentOf(manager, locked);
      const change = {
        ...(input.groupName !== undefined && { groupName: input.groupName.trim() }),
        ...(input.plan !== undefined && { plan: input.plan.trim() }),
      };
      const after = {
        ...before,
        ...change,
        ...(input.preferredFloorIds && { preferredFloorIds: input.preferredFloorIds }),
        ...(members && { members }),
      };
      const changes = changesBetween(before, after, AUDITED_FIELDS);
      if (changes.length > 0) {
        await this.applications.updateDraft(manager, id, change, input.preferredFloorIds, members);
        await this.events.record(manager, {
          type: 'application.updated',
          entityId: id,
          payload: { changes },
          actorUserId: actorOf(principal),
        });
      }
      return { ...locked, ...change };
    });
  }

  /** A draft only, by its contact (or an admin); a submitted application is withdrawn instead (422). */
  async remove(id: string, principal: Principal): Promise<void> {
    requireCapability(principal, 'applications.apply');
    await this.requireContactOrAdmin(id, principal);
    await this.applications.transaction(async (manager) => {
      const locked = await this.applications.lockApplication(manager, id);
      if (!locked) throw new NotFoundError(APPLICATIONS_ERRORS.application_not_found, { id });
      if (locked.status !== 'draft') throw new RuleError(APPLICATIONS_ERRORS.application_not_draft, { status: locked.status });
      const content = await this.contentOf(manager, locked);
      await this.applications.deleteApplication(manager, id);
      await this.events.record(manager, {
        type: 'application.deleted',
        entityId: id,
        payload: { changes: changesOfDeletion(content, AUDITED_FIELDS) },
        actorUserId: actorOf(principal),
      });
    });
  }

  private async contentOf(manager: EntityManager, application: Application) {
    const members = await this.applications.membersOf(application.id, manager);
    return {
      groupName: application.groupName,
      plan: application.plan,
      preferredFloorIds: await this.applications.preferredFloorIdsOf(application.id, manager),
      members: members.map(({ name, email, discipline, postcode, requestedAreaM2 }) => ({
        name,
        email,
        discipline,
        postcode,
        requestedAreaM2,
      })),
    };
  }

  /** Whether the round lies in a building of the umbrella whose staff the principal is. */
  private async isInStaffUmbrella(roundId: string, principal: Principal): Promise<boolean> {
    if (staffUmbrellaOf(principal) === null) return false;
    const round = await this.applications.findRound(roundId);
    return round !== null && (await this.buildings.isVisible(round.buildingId, principal));
  }

  /** Staff see every application; others only those they speak for or are a member of. */
  async getVisible(id: string, principal: Principal): Promise<Application> {
    requireCapability(principal, 'applications.read');
    const application = await this.applications.findApplication(id);
    if (!application) throw new NotFoundError(APPLICATIONS_ERRORS.application_not_found, { id });
    const withinUmbrella = await this.isInStaffUmbrella(application.roundId, principal);
    if (!mayReadApplication(principal, await this.applications.isParticipant(id, principal.userId), withinUmbrella))
      throw new NotFoundError(APPLICATIONS_ERRORS.application_not_found, { id });
    return application;
  }

  async details(application: Application) {
    const [preferredFloorIds, members, offers, history] = await Promise.all([
      this.applications.preferredFloorIdsOf(application.id),
      this.applications.membersOf(application.id),
      this.applications.offersOf(application.id),
      this.applications.eventsOf(application.id),
    ]);
    return { preferredFloorIds, members, offers, history };
  }

  /** Only within the round's dates, with members whose requested m² fit the largest preferred floor. */
  async submit(id: string, principal: Principal): Promise<Application> {
    requireCapability(principal, 'applications.apply');
    const application = await this.requireContactOrAdmin(id, principal);
    const round = (await this.applications.findRound(application.roundId))!;
    const today = this.clock.today();
    if (today < round.opensOn || today > round.closesOn) {
      throw new RuleError(APPLICATIONS_ERRORS.round_not_open, { opensOn: round.opensOn, closesOn: round.closesOn });
    }
    const requested = totalRequestedArea(await this.applications.membersOf(id));
    const preferred = new Set(await this.applications.preferredFloorIdsOf(id));
    const floors = (await this.floors.listOverview(round.buildingId, principal, { limit: 1000, offset: 0 })).items.filter((floor) =>
      preferred.has(floor.id),
    );
    const largest = Math.max(0, ...floors.map((floor) => floor.lettableAreaM2));
    if (requested > largest) {
      throw new RuleError(APPLICATIONS_ERRORS.group_too_large, { requested, largest }, [
        { field: 'members', message: 'requested m² exceed the largest preferred floor' },
      ]);
    }
    return this.move(id, 'submitted', principal);
  }

  async withdraw(id: string, principal: Principal): Promise<Application> {
    requireCapability(principal, 'applications.apply');
    await this.requireContactOrAdmin(id, principal);
    return this.move(id, 'withdrawn', principal);
  }

  async waitlist(id: string, principal: Principal): Promise<Application> {
    requireCapability(principal, 'applications.review');
    return this.move(id, 'waitlisted', principal);
  }

  async reject(id: string, principal: Principal): Promise<Application> {
    requireCapability(principal, 'applications.review');
    return this.move(id, 'rejected', principal);
  }

  /** One score per admin; a second review replaces the first. Only applications in the running are scored. */
  async review(id: string, input: ReviewDto, principal: Principal): Promise<void> {
    requireCapability(principal, 'applications.review');
    const application = await this.getVisible(id, principal);
    if (!['submitted', 'waitlisted'].includes(application.status)) {
      throw new RuleError(APPLICATIONS_ERRORS.not_reviewable, { status: application.status });
    }
    await this.applications.upsertReview({
      applicationId: id,
      reviewerId: principal.userId,
      score: input.score,
      notes: input.notes?.trim() ?? null,
    });
  }

  /** The reviewing admin's own score of the application (the form shows it beside the mean so far). */
  async ownReview(id: string, principal: Principal): Promise<{ score: number; notes: string | null } | null> {
    requireCapability(principal, 'applications.review');
    await this.getVisible(id, principal);
    return this.applications.findReview(id, principal.userId);
  }

  async ranking(roundId: string, principal: Principal): Promise<RankingRow[]> {
    requireCapability(principal, 'applications.review');
    await this.getRound(roundId, principal);
    return this.applications.ranking(roundId);
  }

  private async move(id: string, to: ApplicationStatus, principal: Principal): Promise<Application> {
    const application = await this.getVisible(id, principal);
    if (!canMove(application.status, to)) throw new TransitionRefusedError(application.status, to);
    const moved = await this.applications.transaction((manager) =>
      this.applications.transition(manager, id, statusesThatMayBecome(to), to, principal.userId),
    );
    if (!moved) throw new TransitionRefusedError((await this.applications.findApplication(id))!.status, to);
    return (await this.applications.findApplication(id))!;
  }

  private async requireContactOrAdmin(id: string, principal: Principal): Promise<Application> {
    const application = await this.getVisible(id, principal);
    if (!mayActForApplication(principal, application)) throw new ForbiddenError();
    return application;
  }
}
