import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { MAX_PAGE_LIMIT } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { BuildingsService } from '../../modules/buildings/buildings.service.js';
import { MandatesService } from '../../modules/direct-debit/mandates.service.js';
import { PaymentArrangementsService } from '../../modules/dunning/payment-arrangements.service.js';
import { FloorsService } from '../../modules/floors/floors.service.js';
import type { Invoice } from '../../modules/invoices/invoice.entity.js';
import { statusOn } from '../../modules/invoices/invoice-status.js';
import { InvoicesService } from '../../modules/invoices/invoices.service.js';
import { CreateLeaseDto } from '../../modules/leases/dto/create-lease.dto.js';
import { VAT_REGIMES } from '../../modules/leases/lease-rules.js';
import { LeasesService } from '../../modules/leases/leases.service.js';
import { CreateBandAssessmentDto } from '../../modules/rent-bands/dto/band-assessment.dto.js';
import { RentBandsService } from '../../modules/rent-bands/rent-bands.service.js';
import { TENANTS_ERRORS } from '../../modules/tenants/tenants.errors.js';
import { TenantsService } from '../../modules/tenants/tenants.service.js';
import { checkedForm, integer, isoDate, refusalOf, text } from '../forms.js';
import { euroCents } from '../forms.js';
import { type FieldError, renderPage } from '../render.js';
import { WebPages } from '../session/web-page.decorator.js';
import { languageOf } from '../session/web-session.js';

type Form = Record<string, unknown>;
const PAGE_SIZE = 50;

/**
 * Tenants in the browser: search by name or e-mail, a tenant's assessments, leases and invoices, and
 * a new lease in one form. The income typed into that form is used for the band assessment and then
 * dropped: it is never stored, and the form never shows it again (not even after a refusal).
 */
@Controller()
@WebPages()
@Can('umbrella.workspace')
export class TenantPagesController {
  constructor(
    private readonly tenants: TenantsService,
    private readonly bands: RentBandsService,
    private readonly leases: LeasesService,
    private readonly invoices: InvoicesService,
    private readonly buildings: BuildingsService,
    private readonly floors: FloorsService,
    private readonly mandates: MandatesService,
    private readonly arrangements: PaymentArrangementsService,
    private readonly clock: Clock,
  ) {}

  @Get('tenants')
  async search(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('q') q?: string,
  ): Promise<string> {
    const query = text(q)?.slice(0, 200);
    const page = await this.tenants.list({ q: query }, { limit: PAGE_SIZE, offset: 0 }, request.principal!);
    return renderPage(request, reply, 'tenants', 'tenants.title', { q: query ?? '', page });
  }

  @Get('tenants/:id')
  async tenant(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(TENANTS_ERRORS.tenant_not_found)) id: string,
  ): Promise<string> {
    const principal = request.principal!;
    const tenant = await this.tenants.getVisible(id, principal);
    const [assessments, leases, invoices, mandates, arrangements] = await Promise.all([
      this.bands.assessmentsOf(id, principal),
      this.leases.list({ tenantId: id, limit: MAX_PAGE_LIMIT, offset: 0 }, principal),
      this.invoices.list({ tenantId: id }, { limit: PAGE_SIZE, offset: 0 }, principal),
      this.mandates.listOfTenant(id, principal),
      this.arrangements.listOf(id, principal),
    ]);
    return renderPage(request, reply, 'tenant', 'tenants.tenantTitle', {
      tenant,
      assessments,
      leases: leases.items,
      invoices,
      mandates,
      arrangements,
      invoiceNumbers: new Map(invoices.items.map((invoice) => [invoice.id, invoice.number])),
      done: (request.query as Record<string, unknown>).done,
      statusOn: (invoice: Invoice) => statusOn(invoice, this.clock.today()),
    });
  }

  @Get('leases/new')
  async newLease(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('tenantId') tenantId?: string,
  ): Promise<string> {
    const today = this.clock.today();
    return this.renderLeaseForm(
      request,
      reply,
      { tenantId, startDate: today, basisYear: String(Number(today.slice(0, 4)) - 1), noticeMonths: '1', vatRegime: 'exempt' },
      null,
    );
  }

  @Post('leases/new')
  @HttpCode(200)
  async createLease(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() form: Form,
  ): Promise<string | void> {
    const principal = request.principal!;
    const language = languageOf(request);
    const spaceId = text(form.spaceId);
    const [space] = spaceId ? await this.spaceChoices(principal).then((choices) => choices.filter((choice) => choice.id === spaceId)) : [];
    const assessment = await checkedForm(languageOf(request), CreateBandAssessmentDto, {
      buildingId: space?.buildingId,
      basisYear: integer(form.basisYear),
      incomeCents: euroCents(form.income),
    });
    const lease = await checkedForm(languageOf(request), CreateLeaseDto, {
      tenantId: text(form.tenantId),
      spaceId,
      startDate: isoDate(form.startDate),
      endDate: isoDate(form.endDate),
      noticeMonths: integer(form.noticeMonths),
      vatRegime: text(form.vatRegime),
    });
    const errors: FieldError[] = [
      ...(assessment.errors ?? []).map((error) =>
        error.field === 'incomeCents'
          ? { ...error, field: 'income' }
          : error.field === 'buildingId'
            ? { ...error, field: 'spaceId' }
            : error,
      ),
      ...(lease.errors ?? []),
    ];
    if (errors.length === 0) {
      try {
        await this.bands.assess(lease.value!.tenantId, assessment.value!, principal);
        const created = await this.leases.create(lease.value!, principal);
        void reply.redirect(`/leases/${created.lease.id}`, 303);
        return;
      } catch (error) {
        errors.push(...refusalOf(error, language));
      }
    }
    void reply.status(422);
    const { income: _dropped, ...kept } = form;
    return this.renderLeaseForm(request, reply, kept, errors);
  }

  private async renderLeaseForm(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    values: Form,
    errors: FieldError[] | null,
  ): Promise<string> {
    const principal = request.principal!;
    const [tenants, spaces] = await Promise.all([
      this.tenants.list({}, { limit: MAX_PAGE_LIMIT, offset: 0 }, principal),
      this.spaceChoices(principal),
    ]);
    return renderPage(request, reply, 'lease-new', 'tenants.newLease', {
      values,
      errors,
      tenants: tenants.items,
      spaces,
      vatRegimes: VAT_REGIMES,
    });
  }

  /** Every space of every building, labelled for a select. */
  private async spaceChoices(principal: Principal): Promise<{ id: string; buildingId: string; label: string }[]> {
    const { items: buildings } = await this.buildings.listVisible(principal, { limit: MAX_PAGE_LIMIT, offset: 0 });
    const perBuilding = await Promise.all(
      buildings.map(async (building) => {
        const { items: floors } = await this.floors.listOverview(building.id, principal, { limit: MAX_PAGE_LIMIT, offset: 0 });
        return floors.flatMap((floor) =>
          floor.spaces.map((space) => ({
            id: space.id,
            buildingId: building.id,
            label: `${building.name} · ${space.code} · ${space.areaM2} m²`,
          })),
        );
      }),
    );
    return perBuilding.flat();
  }
}
