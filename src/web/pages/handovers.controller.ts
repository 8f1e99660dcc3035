import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { MAX_PAGE_LIMIT } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { sendDocument } from '../../documents/send-document.js';
import { BUILDINGS_ERRORS } from '../../modules/buildings/buildings.errors.js';
import { BuildingsService } from '../../modules/buildings/buildings.service.js';
import { FloorsService } from '../../modules/floors/floors.service.js';
import { StartHandoverDto } from '../../modules/handovers/dto/handover.dto.js';
import type { HandoverPlan } from '../../modules/handovers/handover-plan.js';
import { HANDOVERS_ERRORS } from '../../modules/handovers/handovers.errors.js';
import { HandoversService } from '../../modules/handovers/handovers.service.js';
import { OrganisationsService } from '../../modules/organisations/organisations.service.js';
import { TenantsService } from '../../modules/tenants/tenants.service.js';
import { checkedForm, checkedValues, isoDate, refusalOf, text } from '../forms.js';
import { type FieldError, renderPage } from '../render.js';
import { WebPages } from '../session/web-page.decorator.js';
import { languageOf } from '../session/web-session.js';

type Form = Record<string, unknown>;

/**
 * Handovers in the browser: the preview of a sale as tables (who stays, who gets a notice with which
 * relocation offers, what runs past the end of use), then schedule it; a scheduled one can be
 * cancelled until its date; the dossier once it is done.
 */
@Controller()
@WebPages()
@Can('umbrella.workspace')
export class HandoverPagesController {
  constructor(
    private readonly handovers: HandoversService,
    private readonly buildings: BuildingsService,
    private readonly floors: FloorsService,
    private readonly organisations: OrganisationsService,
    private readonly tenants: TenantsService,
  ) {}

  @Get('buildings/:id/handovers')
  list(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) buildingId: string,
  ): Promise<string> {
    return this.render(request, reply, buildingId, { values: {}, errors: null }, null);
  }

  /** Preview (the plan, nothing changes) or schedule, as the button pressed says. */
  @Post('buildings/:id/handovers')
  @HttpCode(200)
  async submit(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) buildingId: string,
    @Body() form: Form,
  ): Promise<string | void> {
    const retainedFloorIds = checkedValues(form.retainedFloorIds);
    const dryRun = form.action !== 'schedule';
    const checked = await checkedForm(languageOf(request), StartHandoverDto, {
      newOwnerId: text(form.newOwnerId),
      transferDate: isoDate(form.transferDate),
      retainedFloorIds,
      newUseEnd: isoDate(form.newUseEnd),
      dryRun,
    });
    const values = { ...form, retainedFloorIds };
    let errors = checked.errors;
    if (!errors) {
      try {
        const { handover, plan } = await this.handovers.start(buildingId, checked.value!, request.principal!);
        if (!dryRun && handover) {
          void reply.redirect(`/handovers/${handover.id}`, 303);
          return;
        }
        return this.render(request, reply, buildingId, { values, errors: null }, plan);
      } catch (error) {
        errors = refusalOf(error, languageOf(request));
      }
    }
    void reply.status(422);
    return this.render(request, reply, buildingId, { values, errors }, null);
  }

  @Get('handovers/:id')
  handover(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(HANDOVERS_ERRORS.handover_not_found)) id: string,
  ): Promise<string> {
    return this.renderHandover(request, reply, id, null);
  }

  @Post('handovers/:id/cancel')
  @HttpCode(200)
  async cancel(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(HANDOVERS_ERRORS.handover_not_found)) id: string,
  ): Promise<string | void> {
    try {
      await this.handovers.cancel(id, request.principal!);
      void reply.redirect(`/handovers/${id}`, 303);
      return;
    } catch (error) {
      void reply.status(409);
      return this.renderHandover(request, reply, id, refusalOf(error, languageOf(request)));
    }
  }

  @Get('handovers/:id/dossier')
  async dossier(
    @Req() request: AuthenticatedRequest,
    @Param('id', new IdParam(HANDOVERS_ERRORS.handover_not_found)) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendDocument(reply, await this.handovers.dossier(id, request.principal!));
  }

  private async renderHandover(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    id: string,
    errors: FieldError[] | null,
  ): Promise<string> {
    const principal = request.principal!;
    const handover = await this.handovers.getVisible(id, principal);
    const [building, parties, tables] = await Promise.all([
      this.buildings.getVisibleIncludingPast(handover.buildingId, principal),
      this.organisationNames(principal),
      this.planTables(handover.plan, principal),
    ]);
    return renderPage(request, reply, 'handover', 'handovers.handoverTitle', { handover, building, parties, tables, errors });
  }

  private async render(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    buildingId: string,
    form: { values: Form; errors: FieldError[] | null },
    plan: HandoverPlan | null,
  ): Promise<string> {
    const principal = request.principal!;
    const building = await this.buildings.getVisible(buildingId, principal);
    const [list, floors, organisations, tables] = await Promise.all([
      this.handovers.listForBuilding(buildingId, principal, { limit: 50, offset: 0 }),
      this.floors.listOverview(buildingId, principal, { limit: MAX_PAGE_LIMIT, offset: 0 }),
      this.organisations.list(principal, { limit: MAX_PAGE_LIMIT, offset: 0 }),
      plan ? this.planTables(plan, principal) : Promise.resolve(null),
    ]);
    const owners = organisations.items.filter((organisation) => organisation.kind === 'owner' && organisation.id !== building.ownerId);
    const names = new Map(organisations.items.map((organisation) => [organisation.id, organisation.name]));
    return renderPage(request, reply, 'handovers', 'handovers.title', {
      building,
      handovers: list.items,
      floors: floors.items,
      owners,
      names,
      form,
      tables,
    });
  }

  /** The plan's leases with the names of their tenants and the level of their floor. */
  private async planTables(plan: HandoverPlan, principal: Principal) {
    const tenantIds = [...new Set([...plan.leasesTransferred, ...plan.leasesEnded].map((fate) => fate.tenantId))];
    const tenants = await Promise.all(tenantIds.map((id) => this.tenants.getVisible(id, principal)));
    const nameOf = new Map(tenants.map((tenant) => [tenant.id, tenant.name]));
    return {
      withTenants: true,
      staying: plan.leasesTransferred.map((fate) => ({ ...fate, tenantName: nameOf.get(fate.tenantId) ?? '' })),
      ending: plan.leasesEnded.map((fate) => ({ ...fate, tenantName: nameOf.get(fate.tenantId) ?? '' })),
    };
  }

  private async organisationNames(principal: Principal): Promise<Map<string, string>> {
    const { items } = await this.organisations.list(principal, { limit: MAX_PAGE_LIMIT, offset: 0 });
    return new Map(items.map((organisation) => [organisation.id, organisation.name]));
  }
}
