import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { mayActForApplication } from '../../common/auth/access-policy.js';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { MAX_PAGE_LIMIT } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import type { Application } from '../../modules/applications/application.entity.js';
import { AllocationsService } from '../../modules/applications/allocations.service.js';
import { APPLICATIONS_ERRORS } from '../../modules/applications/applications.errors.js';
import { ApplicationsService } from '../../modules/applications/applications.service.js';
import { CreateApplicationDto } from '../../modules/applications/dto/application.dto.js';
import { BuildingsService } from '../../modules/buildings/buildings.service.js';
import { FloorsService } from '../../modules/floors/floors.service.js';
import { checkedForm, checkedValues, decimal, errorsFor, id, refusalOf, text } from '../forms.js';
import { type FieldError, renderPage } from '../render.js';
import { WebPages } from '../session/web-page.decorator.js';
import { languageOf } from '../session/web-session.js';
import { openOffersOf } from './maker-offers.js';

type Form = Record<string, unknown>;

/** A member's row of the form, as typed (so a refused form shows it again unchanged). */
interface MemberRow {
  name: string;
  email: string;
  discipline: string;
  area: string;
}

/** The application form as typed: the group, its plan, the floors it prefers and its members. */
interface ApplicationForm {
  groupName: string;
  plan: string;
  preferredFloorIds: string[];
  members: MemberRow[];
}

const BLANK_MEMBER: MemberRow = { name: '', email: '', discipline: '', area: '' };

/** The members' rows of a posted form (repeated fields, one per row), in the order shown. */
function memberRowsOf(form: Form): MemberRow[] {
  const [names, emails, disciplines, areas] = ['memberName', 'memberEmail', 'memberDiscipline', 'memberArea'].map((field) =>
    checkedValues(form[field]),
  );
  return names!.map((name, index) => ({
    name,
    email: emails![index] ?? '',
    discipline: disciplines![index] ?? '',
    area: areas![index] ?? '',
  }));
}

function applicationFormOf(form: Form): ApplicationForm {
  return {
    groupName: typeof form.groupName === 'string' ? form.groupName : '',
    plan: typeof form.plan === 'string' ? form.plan : '',
    preferredFloorIds: checkedValues(form.preferredFloorIds),
    members: memberRowsOf(form),
  };
}

function isBlank(row: MemberRow): boolean {
  return Object.values(row).every((value) => value.trim() === '');
}

/** What the form says, in the API's own shape, for the API's own DTO to check; rows left wholly empty are no member. */
function applicationInput(form: ApplicationForm): Record<string, unknown> {
  return {
    groupName: text(form.groupName),
    plan: text(form.plan),
    preferredFloorIds: form.preferredFloorIds,
    members: form.members
      .filter((row) => !isBlank(row))
      .map((row) => ({
        name: text(row.name),
        email: text(row.email),
        discipline: text(row.discipline),
        requestedAreaM2: decimal(row.area),
      })),
  };
}

/**
 * The maker's applications: apply with a group to an open round (the joint plan, the floors wanted, the
 * members), keep it as a draft and come back to it, submit it while the round is open, follow its status,
 * and answer an offer of a floor. The member rows are plain form fields: adding or removing one posts
 * the form back (nothing saved), so it works without script.
 */
@Controller('my')
@WebPages()
@Can('portal.maker')
export class MakerApplicationPagesController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly allocations: AllocationsService,
    private readonly buildings: BuildingsService,
    private readonly floors: FloorsService,
  ) {}

  @Get('applications')
  async list(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('done') done?: string,
  ): Promise<string> {
    const principal = request.principal!;
    const [mine, offers, openRounds] = await Promise.all([
      this.applications.list({ mine: true }, principal, { limit: MAX_PAGE_LIMIT, offset: 0 }),
      openOffersOf(principal, this.offerSources()),
      this.roundChoices(principal),
    ]);
    const roundNames = new Map(
      await Promise.all(
        [...new Set(mine.items.map((application) => application.roundId))].map(
          async (roundId) => [roundId, (await this.applications.getRound(roundId, principal)).round.name] as const,
        ),
      ),
    );
    return renderPage(request, reply, 'maker-applications', 'maker.applications.title', {
      applications: mine.items,
      roundNames,
      offers,
      openRounds,
      done: ['accepted', 'declined', 'deleted'].includes(done ?? '') ? done : null,
    });
  }

  @Get('applications/new')
  async newApplication(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('roundId') roundId?: string,
  ): Promise<string> {
    const round = id(roundId);
    if (!round) {
      void reply.redirect('/my/applications', 303);
      return '';
    }
    return this.renderForm(request, reply, { roundId: round, application: null }, blankForm(), null);
  }

  @Post('applications/new')
  @HttpCode(200)
  async create(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() form: Form,
  ): Promise<string | void> {
    const roundId = id(form.roundId);
    if (!roundId) {
      void reply.redirect('/my/applications', 303);
      return;
    }
    const typed = applicationFormOf(form);
    const edited = editedRows(typed, form);
    if (edited) return this.renderForm(request, reply, { roundId, application: null }, edited, null);
    const checked = await checkedForm(languageOf(request), CreateApplicationDto, applicationInput(typed));
    let errors = checked.errors;
    if (!errors) {
      try {
        const created = await this.applications.apply(roundId, checked.value!, request.principal!);
        if (form.action === 'submit') await this.applications.submit(created.id, request.principal!);
        void reply.redirect(`/my/applications/${created.id}?done=${form.action === 'submit' ? 'submitted' : 'saved'}`, 303);
        return;
      } catch (error) {
        errors = refusalOf(error, languageOf(request));
      }
    }
    void reply.status(422);
    return this.renderForm(request, reply, { roundId, application: null }, typed, errors);
  }

  @Get('applications/:id')
  async application(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.application_not_found)) applicationId: string,
    @Query('done') done?: string,
  ): Promise<string> {
    const principal = request.principal!;
    const application = await this.applications.getVisible(applicationId, principal);
    const details = await this.applications.details(application);
    const notice = ['saved', 'submitted'].includes(done ?? '') ? done : null;
    if (application.status === 'draft' && mayActForApplication(principal, application)) {
      const form: ApplicationForm = {
        groupName: application.groupName,
        plan: application.plan,
        preferredFloorIds: details.preferredFloorIds,
        members: details.members.map((member) => ({
          name: member.name,
          email: member.email,
          discipline: member.discipline,
          area: String(member.requestedAreaM2),
        })),
      };
      return this.renderForm(request, reply, { roundId: application.roundId, application }, form, null, notice);
    }
    const [{ round }, offers] = await Promise.all([
      this.applications.getRound(application.roundId, principal),
      openOffersOf(principal, this.offerSources()),
    ]);
    const floors = await this.floorsOfRound(round.buildingId, details.preferredFloorIds, principal);
    return renderPage(request, reply, 'maker-application', 'maker.application.title', {
      application,
      details,
      round,
      floors,
      offers: offers.filter((view) => view.offer.applicationId === application.id),
      done: notice,
    });
  }

  @Post('applications/:id')
  @HttpCode(200)
  async save(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.application_not_found)) applicationId: string,
    @Body() form: Form,
  ): Promise<string | void> {
    const principal = request.principal!;
    const application = await this.applications.getVisible(applicationId, principal);
    const typed = applicationFormOf(form);
    const edited = editedRows(typed, form);
    if (edited) return this.renderForm(request, reply, { roundId: application.roundId, application }, edited, null);
    const checked = await checkedForm(languageOf(request), CreateApplicationDto, applicationInput(typed));
    let errors = checked.errors;
    if (!errors) {
      try {
        await this.applications.update(applicationId, checked.value!, principal);
        if (form.action === 'submit') await this.applications.submit(applicationId, principal);
        void reply.redirect(`/my/applications/${applicationId}?done=${form.action === 'submit' ? 'submitted' : 'saved'}`, 303);
        return;
      } catch (error) {
        errors = refusalOf(error, languageOf(request));
      }
    }
    void reply.status(422);
    return this.renderForm(request, reply, { roundId: application.roundId, application }, typed, errors);
  }

  @Post('applications/:id/delete')
  async remove(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.application_not_found)) applicationId: string,
  ): Promise<void> {
    await this.applications.remove(applicationId, request.principal!);
    void reply.redirect('/my/applications?done=deleted', 303);
  }

  @Post('offers/:id/accept')
  async accept(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.offer_not_found)) offerId: string,
  ): Promise<void> {
    await this.allocations.accept(offerId, request.principal!);
    void reply.redirect('/my/applications?done=accepted', 303);
  }

  @Post('offers/:id/decline')
  async decline(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', new IdParam(APPLICATIONS_ERRORS.offer_not_found)) offerId: string,
  ): Promise<void> {
    await this.allocations.decline(offerId, request.principal!);
    void reply.redirect('/my/applications?done=declined', 303);
  }

  private async renderForm(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    target: { roundId: string; application: Application | null },
    values: ApplicationForm,
    errors: FieldError[] | null,
    done: string | null = null,
  ): Promise<string> {
    const principal = request.principal!;
    const { round, floorIds } = await this.applications.getRound(target.roundId, principal);
    const [building, floors] = await Promise.all([
      this.buildings.getVisible(round.buildingId, principal),
      this.floorsOfRound(round.buildingId, floorIds, principal),
    ]);
    return renderPage(
      request,
      reply,
      'maker-application-form',
      target.application ? 'maker.application.editTitle' : 'maker.application.newTitle',
      {
        application: target.application,
        round,
        building,
        floors,
        values: { ...values, members: values.members.length > 0 ? values.members : [BLANK_MEMBER] },
        errors,
        errorsFor: (field: string) => errorsFor(errors, field),
        done,
      },
    );
  }

  private offerSources() {
    return { applications: this.applications, floors: this.floors, buildings: this.buildings };
  }

  /** The floors of a building among these ids, in level order, with their lettable area. */
  private async floorsOfRound(buildingId: string, floorIds: string[], principal: Principal) {
    const wanted = new Set(floorIds);
    const { items } = await this.floors.listOverview(buildingId, principal, { limit: MAX_PAGE_LIMIT, offset: 0 });
    return items
      .filter((floor) => wanted.has(floor.id))
      .map((floor) => ({ id: floor.id, level: floor.level, name: floor.name, areaM2: floor.lettableAreaM2 }));
  }

  /** The open rounds, each with its building's name, to apply to. */
  private async roundChoices(principal: Principal) {
    const rounds = await this.applications.openRounds(principal);
    return Promise.all(
      rounds.map(async ({ round }) => ({ round, buildingName: (await this.buildings.getVisible(round.buildingId, principal)).name })),
    );
  }
}

function blankForm(): ApplicationForm {
  return { groupName: '', plan: '', preferredFloorIds: [], members: [BLANK_MEMBER] };
}

/** The form with a member row added or removed, when that is what was asked (nothing is saved then); else null. */
function editedRows(typed: ApplicationForm, form: Form): ApplicationForm | null {
  if (form.action === 'addMember') return { ...typed, members: [...typed.members, BLANK_MEMBER] };
  const remove = typeof form.remove === 'string' ? Number(form.remove) : Number.NaN;
  if (Number.isInteger(remove)) return { ...typed, members: typed.members.filter((_, index) => index !== remove) };
  return null;
}
