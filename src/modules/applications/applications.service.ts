import { Injectable } from '@nestjs/common';
import type { Principal } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { ForbiddenError, InputError, NotFoundError, RuleError } from '../../common/errors/domain-error.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import { FloorsService } from '../floors/floors.service.js';
import { type Application, type ApplicationRound, APPLICATION_STATUSES, type ApplicationStatus } from './application.entity.js';
import { canMove, totalRequestedArea } from './application-rules.js';
import { TransitionRefusedError } from './applications.errors.js';
import { ApplicationsRepository, type RankingRow } from './applications.repository.js';
import { roundOutlivesDeparture } from '../floors/floor-departure.js';
import type { CreateApplicationDto, CreateRoundDto, ReviewDto } from './dto/application.dto.js';

@Injectable()
export class ApplicationsService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly buildings: BuildingsService,
    private readonly floors: FloorsService,
    private readonly clock: Clock,
  ) {}

  async createRound(
    buildingId: string,
    input: CreateRoundDto,
    principal: Principal,
  ): Promise<{ round: ApplicationRound; floorIds: string[] }> {
    await this.buildings.getVisible(buildingId, principal);
    if (input.closesOn < input.opensOn)
      throw new RuleError('round_closes_before_it_opens', 'A round must close on or after it opens', [
        { field: 'closesOn', message: 'before opensOn' },
      ]);
    const ofBuilding = new Set(
      (await this.floors.listOverview(buildingId, principal, { limit: 1000, offset: 0 })).items.map((floor) => floor.id),
    );
    const foreign = input.floorIds.filter((floorId) => !ofBuilding.has(floorId));
    if (foreign.length > 0)
      throw new RuleError(
        'floor_not_in_building',
        'Every floor of a round must be of its building',
        foreign.map((id) => ({ field: 'floorIds', message: `floor ${id} is not of this building` })),
      );
    const departures = await this.applications.departuresOf(input.floorIds);
    const departed = input.floorIds.filter((floorId) => roundOutlivesDeparture(input, departures.get(floorId) ?? null));
    if (departed.length > 0)
      throw new RuleError(
        'floor_left_broedplaats',
        'A round cannot offer floors that left the broedplaats',
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
    if (!round) throw new NotFoundError('application_round', id);
    await this.buildings.getVisible(round.buildingId, principal).catch(() => {
      throw new NotFoundError('application_round', id);
    });
    return { round, floorIds: await this.applications.floorIdsOfRound(id) };
  }

  /** Any signed-in user may apply for a group and becomes its contact. */
  async apply(roundId: string, input: CreateApplicationDto, principal: Principal): Promise<Application> {
    const { floorIds } = await this.getRound(roundId, principal);
    const offered = new Set(floorIds);
    const unknown = input.preferredFloorIds.filter((floorId) => !offered.has(floorId));
    if (unknown.length > 0)
      throw new InputError(unknown.map((id) => ({ field: 'preferredFloorIds', message: `floor ${id} is not offered in this round` })));
    const emails = input.members.map((member) => member.email.trim().toLowerCase());
    if (new Set(emails).size !== emails.length)
      throw new InputError([{ field: 'members', message: 'each member needs an e-mail address of their own' }]);
    return this.applications.insertApplication(
      { roundId, groupName: input.groupName.trim(), plan: input.plan.trim(), contactUserId: principal.userId },
      input.preferredFloorIds,
      input.members.map((member, index) => ({
        name: member.name.trim(),
        email: emails[index]!,
        discipline: member.discipline.trim(),
        postcode: member.postcode ?? null,
        requestedAreaM2: member.requestedAreaM2,
      })),
    );
  }

  /** Staff see every application; others only those they speak for or are a member of. */
  async getVisible(id: string, principal: Principal): Promise<Application> {
    const application = await this.applications.findApplication(id);
    if (!application) throw new NotFoundError('application', id);
    if (principal.role === 'admin') return application;
    if (!(await this.applications.isParticipant(id, principal.userId))) throw new NotFoundError('application', id);
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
    const application = await this.requireContactOrAdmin(id, principal);
    const round = (await this.applications.findRound(application.roundId))!;
    const today = this.clock.today();
    if (today < round.opensOn || today > round.closesOn) {
      throw new RuleError('round_not_open', `The round takes applications from ${round.opensOn} to ${round.closesOn}`);
    }
    const requested = totalRequestedArea(await this.applications.membersOf(id));
    const preferred = new Set(await this.applications.preferredFloorIdsOf(id));
    const floors = (await this.floors.listOverview(round.buildingId, principal, { limit: 1000, offset: 0 })).items.filter((floor) =>
      preferred.has(floor.id),
    );
    const largest = Math.max(0, ...floors.map((floor) => floor.lettableAreaM2));
    if (requested > largest) {
      throw new RuleError('group_too_large', `The group asks ${requested} m²; the largest preferred floor has ${largest} m²`, [
        { field: 'members', message: 'requested m² exceed the largest preferred floor' },
      ]);
    }
    return this.move(id, 'submitted', principal);
  }

  async withdraw(id: string, principal: Principal): Promise<Application> {
    await this.requireContactOrAdmin(id, principal);
    return this.move(id, 'withdrawn', principal);
  }

  waitlist(id: string, principal: Principal): Promise<Application> {
    return this.move(id, 'waitlisted', principal);
  }

  reject(id: string, principal: Principal): Promise<Application> {
    return this.move(id, 'rejected', principal);
  }

  /** One score per admin; a second review replaces the first. Only applications in the running are scored. */
  async review(id: string, input: ReviewDto, principal: Principal): Promise<void> {
    const application = await this.getVisible(id, principal);
    if (!['submitted', 'waitlisted'].includes(application.status)) {
      throw new RuleError('not_reviewable', `An application that is ${application.status} is not scored`);
    }
    await this.applications.upsertReview({
      applicationId: id,
      reviewerId: principal.userId,
      score: input.score,
      notes: input.notes?.trim() ?? null,
    });
  }

  async ranking(roundId: string, principal: Principal): Promise<RankingRow[]> {
    await this.getRound(roundId, principal);
    return this.applications.ranking(roundId);
  }

  private async move(id: string, to: ApplicationStatus, principal: Principal): Promise<Application> {
    const application = await this.getVisible(id, principal);
    if (!canMove(application.status, to)) throw new TransitionRefusedError(application.status, to);
    const from = APPLICATION_STATUSES.filter((status) => canMove(status, to));
    const moved = await this.applications.transaction((manager) => this.applications.transition(manager, id, from, to, principal.userId));
    if (!moved) throw new TransitionRefusedError((await this.applications.findApplication(id))!.status, to);
    return (await this.applications.findApplication(id))!;
  }

  private async requireContactOrAdmin(id: string, principal: Principal): Promise<Application> {
    const application = await this.getVisible(id, principal);
    if (principal.role !== 'admin' && application.contactUserId !== principal.userId) {
      throw new ForbiddenError('Only the group’s contact (or an admin) may do this');
    }
    return application;
  }
}
