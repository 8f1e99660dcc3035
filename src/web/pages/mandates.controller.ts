import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { staffUmbrellaOf } from '../../common/auth/access-policy.js';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { MAX_PAGE_LIMIT } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { BuildingsService } from '../../modules/buildings/buildings.service.js';
import { DIRECT_DEBIT_ERRORS } from '../../modules/direct-debit/direct-debit.errors.js';
import { AmendMandateDto, CreateMandateDto, RevokeMandateDto } from '../../modules/direct-debit/dto/mandate.dto.js';
import { MANDATE_METHODS } from '../../modules/direct-debit/mandate.entity.js';
import { MandatesService } from '../../modules/direct-debit/mandates.service.js';
import { LeasesService } from '../../modules/leases/leases.service.js';
import { OrganisationsService } from '../../modules/organisations/organisations.service.js';
import { TENANTS_ERRORS } from '../../modules/tenants/tenants.errors.js';
import { TenantsService } from '../../modules/tenants/tenants.service.js';
import { checkedForm, id as idOf, isoDate, refusalOf, text } from '../forms.js';
import { type FieldError, renderPage } from '../render.js';
import { WebPages } from '../session/web-page.decorator.js';
import { languageOf } from '../session/web-session.js';

type Form = Record<string, unknown>;

/**
 * Direct-debit mandates in the browser: a building's mandates, a new one for a tenant (its IBAN
 * checked as the API checks it), and one mandate with its amendments, a new IBAN, or its revocation.
 */
@Controller()
@WebPages()
@Can('umbrella.workspace')
export class MandatePagesController {
  constructor(
    private readonly mandates: MandatesService,
    private readonly tenants: TenantsService,
    private readonly leases: LeasesService,
    private readonly buildings: BuildingsService,
    private readonly organisations: OrganisationsService,
    private readonly clock: Clock,
  ) {}

  @Get('mandates')
  async list(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply, @Query() query: Form): Promise<string> {
    const principal = request.principal!;
    const { items: buildings } = await this.buildings.listVisible(principal, { limit: MAX_PAGE_LIMIT, offset: 0 });
    const selected = idOf(query.buildingId) ?? buildings[0]?.id;
    const views = selected ? await this.mandates.listOfBuilding(selected, principal) : [];
    const tenantNames = await this.tenantNames(
      views.map(({ mandate }) => mandate.tenantId),
      principal,
    );
    return renderPage(request, reply, 'mandates', 'mandates.title', { buildings, selected, views, tenantNames });
  }

  @Get('tenants/:id/mandates/new')
  async newMandate(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(TENANTS_ERRORS.tenant_not_found)) tenantId: string,
  ): Promise<string> {
    const tenant = await this.tenants.getVisible(tenantId, request.principal!);
    return this.renderForm(request, reply, tenantId, { accountHolder: tenant.name, signedOn: this.clock.today(), method: 'paper' }, null);
  }

  @Post('tenants/:id/mandates')
  @HttpCode(200)
  async create(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(TENANTS_ERRORS.tenant_not_found)) tenantId: string,
    @Body() form: Form,
  ): Promise<string | void> {
    const checked = await checkedForm(languageOf(request), CreateMandateDto, {
      creditorId: text(form.creditorId),
      leaseId: text(form.leaseId),
      reference: text(form.reference),
      iban: text(form.iban),
      bic: text(form.bic)?.toUpperCase(),
      accountHolder: text(form.accountHolder),
      signedOn: isoDate(form.signedOn),
      signedPlace: text(form.signedPlace),
      method: text(form.method),
    });
    let errors = checked.errors;
    if (!errors) {
      try {
        const { mandate } = await this.mandates.create(tenantId, checked.value!, request.principal!);
        void reply.redirect(`/mandates/${mandate.id}?done=created`, 303);
        return;
      } catch (error) {
        errors = refusalOf(error, languageOf(request));
      }
    }
    void reply.status(422);
    return this.renderForm(request, reply, tenantId, form, errors);
  }

  @Get('mandates/:id')
  mandate(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(DIRECT_DEBIT_ERRORS.mandate_not_found)) id: string,
  ): Promise<string> {
    const today = this.clock.today();
    return this.renderMandate(request, reply, id, { values: { amendedOn: today, revokedOn: today }, errors: null });
  }

  @Post('mandates/:id/amend')
  @HttpCode(200)
  async amend(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(DIRECT_DEBIT_ERRORS.mandate_not_found)) id: string,
    @Body() form: Form,
  ): Promise<string | void> {
    const checked = await checkedForm(languageOf(request), AmendMandateDto, {
      iban: text(form.iban),
      bic: text(form.bic)?.toUpperCase(),
      amendedOn: isoDate(form.amendedOn),
      reason: text(form.reason),
    });
    let errors = checked.errors;
    if (!errors) {
      try {
        await this.mandates.amend(id, checked.value!, request.principal!);
        void reply.redirect(`/mandates/${id}?done=amended`, 303);
        return;
      } catch (error) {
        errors = refusalOf(error, languageOf(request));
      }
    }
    void reply.status(422);
    return this.renderMandate(request, reply, id, { values: form, errors, form: 'amend' });
  }

  @Post('mandates/:id/revoke')
  @HttpCode(200)
  async revoke(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(DIRECT_DEBIT_ERRORS.mandate_not_found)) id: string,
    @Body() form: Form,
  ): Promise<string | void> {
    const checked = await checkedForm(languageOf(request), RevokeMandateDto, {
      revokedOn: isoDate(form.revokedOn),
      reason: text(form.revokeReason),
    });
    let errors = checked.errors?.map((error) => (error.field === 'reason' ? { ...error, field: 'revokeReason' } : error)) ?? null;
    if (!errors) {
      try {
        await this.mandates.revoke(id, checked.value!, request.principal!);
        void reply.redirect(`/mandates/${id}?done=revoked`, 303);
        return;
      } catch (error) {
        errors = refusalOf(error, languageOf(request));
      }
    }
    void reply.status(422);
    return this.renderMandate(request, reply, id, { values: form, errors, form: 'revoke' });
  }

  private async renderMandate(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    id: string,
    form: { values: Form; errors: FieldError[] | null; form?: 'amend' | 'revoke' },
  ): Promise<string> {
    const principal = request.principal!;
    const { mandate, amendments } = await this.mandates.get(id, principal);
    const [tenant, creditor] = await Promise.all([
      this.tenants.getVisible(mandate.tenantId, principal),
      this.organisations.get(mandate.creditorId),
    ]);
    return renderPage(request, reply, 'mandate', 'mandates.mandateTitle', {
      mandate,
      amendments,
      tenant,
      creditor,
      form,
      done: (request.query as Form).done,
    });
  }

  private async renderForm(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    tenantId: string,
    values: Form,
    errors: FieldError[] | null,
  ): Promise<string> {
    const principal = request.principal!;
    const [tenant, leases, organisations] = await Promise.all([
      this.tenants.getVisible(tenantId, principal),
      this.leases.list({ tenantId, limit: MAX_PAGE_LIMIT, offset: 0 }, principal),
      this.organisations.list(principal, { limit: MAX_PAGE_LIMIT, offset: 0 }),
    ]);
    // Only an umbrella with a creditor identifier can collect, and an umbrella's staff record mandates to their own; the service refuses any other.
    const own = staffUmbrellaOf(principal);
    const creditors = organisations.items.filter(
      (organisation) => organisation.kind === 'umbrella' && organisation.creditorIdentifier && (own === null || organisation.id === own),
    );
    return renderPage(request, reply, 'mandate-new', 'mandates.newTitle', {
      tenant,
      leases: leases.items.map(({ lease }) => lease),
      creditors,
      methods: MANDATE_METHODS,
      values: { creditorId: creditors[0]?.id, ...values },
      errors,
    });
  }

  private async tenantNames(ids: string[], principal: Principal): Promise<Map<string, string>> {
    const tenants = await Promise.all([...new Set(ids)].map((tenantId) => this.tenants.getVisible(tenantId, principal)));
    return new Map(tenants.map((tenant) => [tenant.id, tenant.name]));
  }
}
