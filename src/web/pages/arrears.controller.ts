import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import { Clock } from '../../common/clock/clock.js';
import { MAX_PAGE_LIMIT } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { sendDocument } from '../../documents/send-document.js';
import { BuildingsService } from '../../modules/buildings/buildings.service.js';
import { AgreeArrangementDto } from '../../modules/dunning/dto/dunning.dto.js';
import { DUNNING_ERRORS } from '../../modules/dunning/dunning.errors.js';
import { DunningService } from '../../modules/dunning/dunning.service.js';
import { PaymentArrangementsService } from '../../modules/dunning/payment-arrangements.service.js';
import { INVOICES_ERRORS } from '../../modules/invoices/invoices.errors.js';
import { InvoicesService } from '../../modules/invoices/invoices.service.js';
import { TENANTS_ERRORS } from '../../modules/tenants/tenants.errors.js';
import { TenantsService } from '../../modules/tenants/tenants.service.js';
import { checkedForm, checkedValues, euroCents, id as idOf, isoDate, refusalOf } from '../forms.js';
import { type FieldError, renderPage } from '../render.js';
import { WebPages } from '../session/web-page.decorator.js';
import { languageOf } from '../session/web-session.js';

type Form = Record<string, unknown>;
/** Rows of instalments the form offers; rows left empty are not instalments. */
const INSTALMENT_ROWS = 6;

/**
 * Arrears in the browser: a building's tenants with overdue invoices (since when, how much, the
 * last reminder step, any arrangement), an invoice's reminder letters, and a payment arrangement
 * agreed with a tenant.
 */
@Controller()
@WebPages()
@Can('umbrella.workspace')
export class ArrearsPagesController {
  constructor(
    private readonly dunning: DunningService,
    private readonly arrangements: PaymentArrangementsService,
    private readonly buildings: BuildingsService,
    private readonly tenants: TenantsService,
    private readonly invoices: InvoicesService,
    private readonly clock: Clock,
  ) {}

  @Get('arrears')
  async arrears(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query() query: Form,
  ): Promise<string> {
    const principal = request.principal!;
    const { items: buildings } = await this.buildings.listVisible(principal, { limit: MAX_PAGE_LIMIT, offset: 0 });
    const selected = idOf(query.buildingId) ?? buildings[0]?.id;
    const arrears = selected ? await this.dunning.arrears(selected, principal) : null;
    return renderPage(request, reply, 'arrears', 'arrears.title', { buildings, selected, arrears });
  }

  @Get('invoices/:id/reminders/:step/pdf')
  async reminderPdf(
    @Req() request: AuthenticatedRequest,
    @Param('id', new IdParam(INVOICES_ERRORS.invoice_not_found)) id: string,
    @Param('step') step: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendDocument(reply, await this.dunning.reminderPdf(id, step, request.principal!));
  }

  @Get('tenants/:id/arrangements/new')
  newArrangement(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(TENANTS_ERRORS.tenant_not_found)) tenantId: string,
  ): Promise<string> {
    return this.renderForm(request, reply, tenantId, {}, null);
  }

  @Post('tenants/:id/arrangements')
  @HttpCode(200)
  async agree(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(TENANTS_ERRORS.tenant_not_found)) tenantId: string,
    @Body() form: Form,
  ): Promise<string | void> {
    const rows = Array.from({ length: INSTALMENT_ROWS }, (_, index) => ({
      dueDate: isoDate(form[`dueDate${index}`]),
      amountCents: euroCents(form[`amount${index}`]),
    })).filter((row) => row.dueDate !== undefined || row.amountCents !== undefined);
    const checked = await checkedForm(languageOf(request), AgreeArrangementDto, {
      invoiceIds: checkedValues(form.invoiceIds),
      instalments: rows,
    });
    // The DTO names a row's field `instalments.0.amountCents`: the form's field is `amount0`.
    let errors =
      checked.errors?.map((error) => {
        const row = /^instalments\.(\d+)\.(dueDate|amountCents)$/.exec(error.field ?? '');
        return row ? { ...error, field: `${row[2] === 'dueDate' ? 'dueDate' : 'amount'}${row[1]}` } : error;
      }) ?? null;
    if (!errors) {
      try {
        await this.arrangements.agree(tenantId, checked.value!, request.principal!);
        void reply.redirect(`/tenants/${tenantId}?done=arranged`, 303);
        return;
      } catch (error) {
        errors = refusalOf(error, languageOf(request));
      }
    }
    void reply.status(422);
    return this.renderForm(request, reply, tenantId, form, errors);
  }

  /** An active arrangement called off: its invoices get reminders again from the next daily run. */
  @Post('payment-arrangements/:id/cancel')
  @HttpCode(200)
  async cancel(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(DUNNING_ERRORS.arrangement_not_found)) id: string,
  ): Promise<void> {
    const { arrangement } = await this.arrangements.cancel(id, request.principal!);
    void reply.redirect(`/tenants/${arrangement.tenantId}?done=cancelled`, 303);
  }

  private async renderForm(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    tenantId: string,
    values: Form,
    errors: FieldError[] | null,
  ): Promise<string> {
    const principal = request.principal!;
    const [tenant, open] = await Promise.all([
      this.tenants.getVisible(tenantId, principal),
      this.invoices.list({ tenantId, status: 'open' }, { limit: MAX_PAGE_LIMIT, offset: 0 }, principal),
    ]);
    return renderPage(request, reply, 'arrangement-new', 'arrears.newArrangement', {
      tenant,
      open: open.items.filter((invoice) => invoice.kind === 'invoice'),
      chosen: new Set(checkedValues(values.invoiceIds)),
      rows: INSTALMENT_ROWS,
      values,
      errors,
      today: this.clock.today(),
    });
  }
}
