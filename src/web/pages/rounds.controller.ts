import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { MAX_PAGE_LIMIT } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { AllocationsService } from '../../modules/applications/allocations.service.js';
import { APPLICATIONS_ERRORS } from '../../modules/applications/applications.errors.js';
import { ApplicationsService } from '../../modules/applications/applications.service.js';
import { AllocateDto, CreateRoundDto, ReviewDto } from '../../modules/applications/dto/application.dto.js';
import { BUILDINGS_ERRORS } from '../../modules/buildings/buildings.errors.js';
import { BuildingsService } from '../../modules/buildings/buildings.service.js';
import { FloorsService } from '../../modules/floors/floors.service.js';
import { checkedForm, checkedValues, integer, isoDate, refusalOf, text } from '../forms.js';
import { type FieldError, renderPage } from '../render.js';
import { WebPages } from '../session/web-page.decorator.js';
import { languageOf } from '../session/web-session.js';

type Form = Record<string, unknown>;

/** A floor as the round's forms show it: its level, and the group it went to, if taken. */
interface FloorChoice {
  id: string;
  level: number;
  name: string | null;
  takenBy: string | null;
}

/**
 * Application rounds in the browser: open one, see its applications ranked, score one (the form
 * shows the admin's own score and the mean so far), allocate a floor, waitlist or reject, and the
 * offers with their deadlines.
 */
@Controller()
@WebPages()
@Can('umbrella.workspace')
export class RoundPagesController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly allocations: AllocationsService,
    private readonly buildings: BuildingsService,
    private readonly floors: FloorsService,
  ) {}

  @Get('buildings/:id/rounds')
  async rounds(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) buildingId: string,
  ): Promise<string> {
    return this.renderRounds(request, reply, buildingId, { values: {}, errors: null });
  }

  @Post('buildings/:id/rounds')
  @HttpCode(200)
  async openRound(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) buildingId: string,
    @Body() form: Form,
  ): Promise<string | void> {
    const floorIds = checkedValues(form.floorIds);
    const checked = await checkedForm(languageOf(request), CreateRoundDto, {
      name: text(form.name),
      opensOn: isoDate(form.opensOn),
      closesOn: isoDate(form.closesOn),
      floorIds,
    });
    let errors = checked.errors;
    if (!errors) {
      try {
        const { round } = await this.applications.createRound(buildingId, checked.value!, request.principal!);
        void reply.redirect(`/rounds/${round.id}`, 303);
        return;
      } catch (error) {
        errors = refusalOf(error, languageOf(request));
      }
    }
    void reply.status(422);
    return this.renderRounds(request, reply, buildingId, { values: { ...form, floorIds }, errors });
  }

  @Get('rounds/:id')
  async round(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.application_round_not_found)) id: string,
  ): Promise<string> {
    const principal = request.principal!;
    const { round, floorIds } = await this.applications.getRound(id, principal);
    const [building, ranking, applications, floors] = await Promise.all([
      this.buildings.getVisible(round.buildingId, principal),
      this.applications.ranking(id, principal),
      this.applications.listOfRound(id, {}, principal, { limit: MAX_PAGE_LIMIT, offset: 0 }),
      this.floorChoices(round.buildingId, principal),
    ]);
    const roundFloors = floors.filter((floor) => floorIds.includes(floor.id));
    const offers = (
      await Promise.all(
        roundFloors.map((floor) => this.applications.listOffers({ mine: false, floorId: floor.id }, principal, { limit: 100, offset: 0 })),
      )
    ).flatMap((page) => page.items);
    const groupOf = new Map(applications.items.map((application) => [application.id, application.groupName]));
    const levelOf = new Map(roundFloors.map((floor) => [floor.id, floor.level]));
    return renderPage(request, reply, 'round', 'rounds.roundTitle', {
      round,
      building,
      ranking,
      applications: applications.items,
      floors: roundFloors,
      offers: offers.map((offer) => ({ ...offer, groupName: groupOf.get(offer.applicationId) ?? '', level: levelOf.get(offer.floorId) })),
    });
  }

  @Get('applications/:id')
  application(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.application_not_found)) id: string,
  ): Promise<string> {
    return this.renderApplication(request, reply, id, { values: {}, errors: null });
  }

  @Post('applications/:id/review')
  @HttpCode(200)
  async review(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.application_not_found)) id: string,
    @Body() form: Form,
  ): Promise<string | void> {
    const checked = await checkedForm(languageOf(request), ReviewDto, { score: integer(form.score), notes: text(form.notes) });
    return this.act(
      request,
      reply,
      id,
      form,
      checked.errors,
      () => this.applications.review(id, checked.value!, request.principal!),
      'scored',
    );
  }

  @Post('applications/:id/allocate')
  @HttpCode(200)
  async allocate(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.application_not_found)) id: string,
    @Body() form: Form,
  ): Promise<string | void> {
    const checked = await checkedForm(languageOf(request), AllocateDto, { floorId: text(form.floorId) });
    return this.act(
      request,
      reply,
      id,
      form,
      checked.errors,
      () => this.allocations.allocate(id, checked.value!.floorId, request.principal!),
      'allocated',
    );
  }

  @Post('applications/:id/waitlist')
  @HttpCode(200)
  waitlist(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.application_not_found)) id: string,
  ): Promise<string | void> {
    return this.act(request, reply, id, {}, null, () => this.applications.waitlist(id, request.principal!), 'waitlisted');
  }

  @Post('applications/:id/reject')
  @HttpCode(200)
  reject(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.application_not_found)) id: string,
  ): Promise<string | void> {
    return this.act(request, reply, id, {}, null, () => this.applications.reject(id, request.principal!), 'rejected');
  }

  /** Runs an action of the application's page: back to the page on success, the page with its refusal otherwise. */
  private async act(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    id: string,
    values: Form,
    invalid: FieldError[] | null,
    action: () => Promise<unknown>,
    done: string,
  ): Promise<string | void> {
    let errors = invalid;
    if (!errors) {
      try {
        await action();
        void reply.redirect(`/applications/${id}?done=${done}`, 303);
        return;
      } catch (error) {
        errors = refusalOf(error, languageOf(request));
      }
    }
    void reply.status(422);
    return this.renderApplication(request, reply, id, { values, errors });
  }

  private async renderApplication(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    id: string,
    form: { values: Form; errors: FieldError[] | null },
  ): Promise<string> {
    const principal = request.principal!;
    const application = await this.applications.getVisible(id, principal);
    const [{ round, floorIds }, details, own, ranking] = await Promise.all([
      this.applications.getRound(application.roundId, principal),
      this.applications.details(application),
      this.applications.ownReview(id, principal),
      this.applications.ranking(application.roundId, principal),
    ]);
    const floors = (await this.floorChoices(round.buildingId, principal)).filter((floor) => floorIds.includes(floor.id));
    const standing = ranking.find((row) => row.applicationId === id) ?? null;
    const done = (request.query as Form).done;
    return renderPage(request, reply, 'application', 'rounds.applicationTitle', {
      application,
      round,
      details,
      own,
      standing,
      floors,
      form,
      done,
    });
  }

  private async renderRounds(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    buildingId: string,
    form: { values: Form; errors: FieldError[] | null },
  ): Promise<string> {
    const principal = request.principal!;
    const building = await this.buildings.getVisible(buildingId, principal);
    const [rounds, floors] = await Promise.all([
      this.applications.listRounds(buildingId, principal, { limit: 100, offset: 0 }),
      this.floorChoices(buildingId, principal),
    ]);
    return renderPage(request, reply, 'rounds', 'rounds.title', { building, rounds: rounds.items, floors, form });
  }

  private async floorChoices(buildingId: string, principal: Principal): Promise<FloorChoice[]> {
    const { items } = await this.floors.listOverview(buildingId, principal, { limit: MAX_PAGE_LIMIT, offset: 0 });
    return items.map((floor) => ({ id: floor.id, level: floor.level, name: floor.name, takenBy: floor.groupName }));
  }
}
