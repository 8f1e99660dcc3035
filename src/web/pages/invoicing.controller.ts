import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { MAX_PAGE_LIMIT } from '../../common/pagination/page.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { IdParam } from '../../common/validation/id-param.js';
import { sendDocument } from '../../documents/send-document.js';
import { BuildingsService } from '../../modules/buildings/buildings.service.js';
import {
  CreditNoteDto,
  INVOICE_LIST_STATUSES,
  ListInvoicesQueryDto,
  RecordPaymentDto,
  ReversePaymentDto,
  StartInvoiceRunDto,
} from '../../modules/invoices/dto/invoice.dto.js';
import { InvoiceRunsService } from '../../modules/invoices/invoice-runs.service.js';
import { statusOn } from '../../modules/invoices/invoice-status.js';
import { INVOICES_ERRORS } from '../../modules/invoices/invoices.errors.js';
import type { Invoice } from '../../modules/invoices/invoice.entity.js';
import { InvoicesService } from '../../modules/invoices/invoices.service.js';
import { PaymentCorrectionsService } from '../../modules/invoices/payment-corrections.service.js';
import { DunningService } from '../../modules/dunning/dunning.service.js';
import { eInvoiceAvailability } from '../../modules/invoices/ubl/e-invoice-availability.js';
import { TenantsService } from '../../modules/tenants/tenants.service.js';
import { checkedForm, euroCents, id as idOf, isoDate, refusalOf, text } from '../forms.js';
import { type FieldError, renderPage } from '../render.js';
import { WebPages } from '../session/web-page.decorator.js';
import { languageOf } from '../session/web-session.js';

const PAGE_SIZE = 50;

type Form = Record<string, unknown>;

/**
 * Invoicing in the browser: start a month's run and watch it (a progress bar that htmx refreshes),
 * the invoices with filters, one invoice with its PDF, payments and credit note.
 */
@Controller()
@WebPages()
@Can('umbrella.workspace')
export class InvoicingPagesController {
  constructor(
    private readonly buildings: BuildingsService,
    private readonly runs: InvoiceRunsService,
    private readonly invoices: InvoicesService,
    private readonly corrections: PaymentCorrectionsService,
    private readonly tenants: TenantsService,
    private readonly dunning: DunningService,
    private readonly clock: Clock,
  ) {}

  @Get('invoicing')
  async overview(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query() query: Form,
  ): Promise<string> {
    return this.renderOverview(request, reply, query, { values: { period: this.clock.today().slice(0, 7) }, errors: null });
  }

  @Post('invoicing/runs')
  @HttpCode(200)
  async startRun(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() form: Form,
  ): Promise<string | void> {
    const buildingId = idOf(form.buildingId);
    const checked = await checkedForm(languageOf(request), StartInvoiceRunDto, { period: text(form.period) });
    let errors: FieldError[] = checked.errors ?? [];
    if (!buildingId)
      errors = [...errors, { field: 'buildingId', message: languageOf(request) === 'nl' ? 'Kies een gebouw' : 'Choose a building' }];
    if (errors.length === 0) {
      try {
        const { run } = await this.runs.start(buildingId!, checked.value!.period, request.principal!);
        void reply.redirect(`/invoicing/runs/${run.id}`, 303);
        return;
      } catch (error) {
        errors = refusalOf(error, languageOf(request));
      }
    }
    void reply.status(422);
    return this.renderOverview(request, reply, {}, { values: form, errors });
  }

  @Get('invoicing/runs/:id')
  async run(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(INVOICES_ERRORS.invoice_run_not_found)) id: string,
  ): Promise<string> {
    const run = await this.runs.get(id, request.principal!);
    const building = await this.buildings.getVisible(run.buildingId, request.principal!);
    return renderPage(request, reply, 'invoice-run', 'invoicing.runTitle', { run, building });
  }

  /** The progress bar alone, for htmx to swap in every second until the run is done. */
  @Get('invoicing/runs/:id/progress')
  async progress(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(INVOICES_ERRORS.invoice_run_not_found)) id: string,
  ): Promise<string> {
    const run = await this.runs.get(id, request.principal!);
    return renderPage(request, reply, '_run-progress', 'invoicing.runTitle', { run });
  }

  @Get('invoices')
  async list(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply, @Query() query: Form): Promise<string> {
    const principal = request.principal!;
    const filter = {
      buildingId: text(query.buildingId),
      period: text(query.period),
      tenantId: text(query.tenantId),
      status: text(query.status),
    };
    const offset = Math.max(0, Number.parseInt(String(query.offset ?? '0'), 10) || 0);
    let errors: FieldError[] = [];
    let page = { items: [] as Awaited<ReturnType<InvoicesService['list']>>['items'], total: 0 };
    const checked = await checkedForm(languageOf(request), ListInvoicesQueryDto, { ...filter, limit: PAGE_SIZE, offset });
    if (checked.errors) errors = checked.errors;
    else page = await this.invoices.list(checked.value, { limit: PAGE_SIZE, offset }, principal);
    const [buildings, tenants, tenantNames] = await Promise.all([
      this.buildings.listVisible(principal, { limit: MAX_PAGE_LIMIT, offset: 0 }),
      this.tenants.list({}, { limit: MAX_PAGE_LIMIT, offset: 0 }, principal),
      this.tenantNames(
        page.items.map((invoice) => invoice.tenantId),
        principal,
      ),
    ]);
    if (errors.length > 0) void reply.status(400);
    return renderPage(request, reply, 'invoices', 'invoicing.invoicesTitle', {
      page,
      filter,
      errors,
      offset,
      pageSize: PAGE_SIZE,
      statuses: INVOICE_LIST_STATUSES,
      buildings: buildings.items,
      tenants: tenants.items,
      tenantNames,
      statusOn: (invoice: Invoice) => statusOn(invoice, this.clock.today()),
      query: new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString(),
    });
  }

  @Get('invoices/:id')
  invoice(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(INVOICES_ERRORS.invoice_not_found)) id: string,
  ): Promise<string> {
    return this.renderInvoice(request, reply, id, { errors: null, values: { paidOn: this.clock.today() } });
  }

  @Get('invoices/:id/pdf')
  async pdf(
    @Req() request: AuthenticatedRequest,
    @Param('id', new IdParam(INVOICES_ERRORS.invoice_not_found)) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendDocument(reply, await this.invoices.pdf(id, request.principal!));
  }

  /** The e-invoice as issued; an invoice without one answers with the reason, as the API does. */
  @Get('invoices/:id/ubl')
  async ubl(
    @Req() request: AuthenticatedRequest,
    @Param('id', new IdParam(INVOICES_ERRORS.invoice_not_found)) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendDocument(reply, await this.invoices.ubl(id, request.principal!));
  }

  @Post('invoices/:id/payments')
  @HttpCode(200)
  async pay(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(INVOICES_ERRORS.invoice_not_found)) id: string,
    @Body() form: Form,
  ): Promise<string | void> {
    const checked = await checkedForm(languageOf(request), RecordPaymentDto, {
      amountCents: euroCents(form.amount),
      paidOn: isoDate(form.paidOn),
      reference: text(form.reference),
    });
    const errors = checked.errors?.map((error) => (error.field === 'amountCents' ? { ...error, field: 'amount' } : error));
    if (!errors) {
      try {
        await this.invoices.recordPayment(id, checked.value!, request.principal!);
        void reply.redirect(`/invoices/${id}?done=paid`, 303);
        return;
      } catch (error) {
        return this.refused(request, reply, id, form, refusalOf(error, languageOf(request)));
      }
    }
    return this.refused(request, reply, id, form, errors);
  }

  @Post('invoices/:id/credit')
  @HttpCode(200)
  async credit(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(INVOICES_ERRORS.invoice_not_found)) id: string,
    @Body() form: Form,
  ): Promise<string | void> {
    const checked = await checkedForm(languageOf(request), CreditNoteDto, { reason: text(form.reason) });
    if (checked.errors) return this.refused(request, reply, id, form, checked.errors);
    try {
      const note = await this.invoices.credit(id, checked.value.reason, request.principal!);
      void reply.redirect(`/invoices/${note.id}?done=credited`, 303);
      return;
    } catch (error) {
      return this.refused(request, reply, id, form, refusalOf(error, languageOf(request)));
    }
  }

  /** A booking made by mistake is reversed by a reversing entry (who, when, why); the invoice's status follows. */
  @Post('payments/:id/reverse')
  @HttpCode(200)
  async reverse(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(INVOICES_ERRORS.payment_not_found)) paymentId: string,
    @Body() form: Form,
  ): Promise<string | void> {
    const invoiceId = idOf(form.invoiceId);
    if (!invoiceId) throw new NotFoundError(INVOICES_ERRORS.invoice_not_found, { id: String(form.invoiceId ?? '') });
    const checked = await checkedForm(languageOf(request), ReversePaymentDto, { reason: text(form.reason) });
    const errors = checked.errors?.map((error) => ({ ...error, field: `reason-${paymentId}` }));
    if (!errors) {
      try {
        const { invoice } = await this.corrections.reverse(paymentId, checked.value!.reason, request.principal!);
        void reply.redirect(`/invoices/${invoice.id}?done=reversed`, 303);
        return;
      } catch (error) {
        return this.refused(request, reply, invoiceId, {}, refusalOf(error, languageOf(request)));
      }
    }
    return this.refused(request, reply, invoiceId, {}, errors);
  }

  private refused(request: AuthenticatedRequest, reply: FastifyReply, id: string, values: Form, errors: FieldError[]): Promise<string> {
    void reply.status(422);
    return this.renderInvoice(request, reply, id, { errors, values });
  }

  private async renderInvoice(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    id: string,
    form: { errors: FieldError[] | null; values: Form },
  ): Promise<string> {
    const detail = await this.invoices.detail(id, request.principal!);
    const [tenant, reminders] = await Promise.all([
      this.tenants.getVisible(detail.invoice.tenantId, request.principal!),
      this.dunning.reminders(id, request.principal!),
    ]);
    const done = (request.query as Form).done;
    const eInvoice = eInvoiceAvailability(detail.invoice);
    return renderPage(request, reply, 'invoice', 'invoicing.invoiceTitle', {
      ...detail,
      tenant,
      reminders,
      ubl: eInvoice.available ? { available: true } : { available: false, why: eInvoice.error().messageIn(languageOf(request)) },
      form,
      done,
      status: statusOn(detail.invoice, this.clock.today()),
    });
  }

  private async renderOverview(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    query: Form,
    form: { values: Form; errors: FieldError[] | null },
  ): Promise<string> {
    const principal = request.principal!;
    const { items: buildings } = await this.buildings.listVisible(principal, { limit: MAX_PAGE_LIMIT, offset: 0 });
    const selected = idOf(query.buildingId) ?? idOf(form.values.buildingId) ?? buildings[0]?.id;
    const runs = selected ? (await this.runs.listOfBuilding(selected, {}, principal, { limit: 24, offset: 0 })).items : [];
    return renderPage(request, reply, 'invoicing', 'invoicing.title', { buildings, selected, runs, form });
  }

  private async tenantNames(ids: string[], principal: Principal): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const tenants = await Promise.all(unique.map((id) => this.tenants.getVisible(id, principal)));
    return new Map(tenants.map((tenant) => [tenant.id, tenant.name]));
  }
}
