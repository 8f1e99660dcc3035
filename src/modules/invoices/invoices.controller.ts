import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';
import { mapPage, type Page } from '../../common/pagination/page.js';
import { InputError } from '../../common/errors/domain-error.js';
import { ErrorResponseDto } from '../../common/errors/error-response.js';
import { IdParam } from '../../common/validation/id-param.js';
import { sendDocument } from '../../documents/send-document.js';
import {
  ApplyCreditDto,
  CreditEntryDto,
  CreditNoteDto,
  InvoiceArchiveQueryDto,
  InvoiceDetailResponseDto,
  InvoiceResponseDto,
  InvoiceRunResponseDto,
  ListInvoiceRunsQueryDto,
  ListInvoicesQueryDto,
  RecordPaymentDto,
  RecordRefundDto,
  ReversalResponseDto,
  ReversePaymentDto,
  StartInvoiceRunDto,
  TenantBalanceResponseDto,
  toCreditEntryResponse,
  toInvoiceDetailResponse,
  toInvoiceResponse,
  toInvoiceRunResponse,
  toPaymentResponse,
} from './dto/invoice.dto.js';
import { BUILDINGS_ERRORS } from '../buildings/buildings.errors.js';
import { TENANTS_ERRORS } from '../tenants/tenants.errors.js';
import { PaymentCorrectionsService } from './payment-corrections.service.js';
import { InvoiceRunsService } from './invoice-runs.service.js';
import { InvoicesService } from './invoices.service.js';
import { INVOICES_ERRORS } from './invoices.errors.js';
import { ApiErrors, ApiFile, FILE_TYPES } from '../../common/openapi/api-docs.decorators.js';
import { COMMON_ERRORS } from '../../common/errors/common.errors.js';

@ApiTags('invoices')
@ApiBearerAuth()
@Can('invoices.run')
@Controller('api')
export class InvoiceRunsController {
  constructor(private readonly runs: InvoiceRunsService) {}

  /** 202 for a new run; the same building and period again answers the same run with 200. */
  @Post('buildings/:id/invoice-runs')
  @ApiOperation({
    summary: 'Invoice a building for a month',
    description:
      'Queues a run that issues one invoice per lease active in `period` (YYYY-MM): rent and service charge, prorated by days. ' +
      'Answers 202 with the run to poll at `GET /api/invoice-runs/{id}`; the same building and period again answers that run with 200 and ' +
      "issues nothing twice. A period outside the building's use, or more than one month ahead, is refused (422).",
  })
  @ApiErrors(
    INVOICES_ERRORS.invoice_period_before_use,
    INVOICES_ERRORS.invoice_period_after_use,
    INVOICES_ERRORS.invoice_period_too_far_ahead,
    INVOICES_ERRORS.issuer_incomplete,
  )
  @ApiAcceptedResponse({ type: InvoiceRunResponseDto })
  @ApiOkResponse({ type: InvoiceRunResponseDto, description: 'The run of this building and period already existed' })
  async start(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) buildingId: string,
    @Body() body: StartInvoiceRunDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InvoiceRunResponseDto> {
    const { run, created } = await this.runs.start(buildingId, body.period, principal);
    void reply.status(created ? 202 : 200);
    return toInvoiceRunResponse(run);
  }

  @Get('buildings/:id/invoice-runs')
  @ApiOperation({
    summary: 'Invoice runs of a building',
    description: 'The building’s monthly runs, newest period first, optionally of one status (staff who run invoicing).',
  })
  @ApiPage(InvoiceRunResponseDto)
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'A bad status, limit or offset' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Only staff who run invoicing' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'building_not_found' })
  async listOfBuilding(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) buildingId: string,
    @Query() query: ListInvoiceRunsQueryDto,
  ): Promise<Page<InvoiceRunResponseDto>> {
    const { status, ...page } = query;
    return mapPage(await this.runs.listOfBuilding(buildingId, { status }, principal, page), toInvoiceRunResponse);
  }

  @Get('invoice-runs/:id')
  @ApiOperation({
    summary: 'Progress of an invoice run',
    description:
      'Its status (queued, running, completed, failed), how many leases are done of the total, and the invoices and cents issued so far.',
  })
  @ApiOkResponse({ type: InvoiceRunResponseDto })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(INVOICES_ERRORS.invoice_run_not_found)) id: string,
  ): Promise<InvoiceRunResponseDto> {
    return toInvoiceRunResponse(await this.runs.get(id, principal));
  }
}

/** Tenants read and download their own invoices; staff handle payments and credit. */
@ApiTags('invoices')
@ApiBearerAuth()
@Can('invoices.read')
@Controller('api/invoices')
export class InvoicesController {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly corrections: PaymentCorrectionsService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Invoices',
    description:
      'Invoices and credit notes, filtered by building, period (YYYY-MM), tenant or status (`open`, `paid`, `credited`). ' +
      'A tenant sees only its own.',
  })
  @ApiPage(InvoiceResponseDto)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListInvoicesQueryDto): Promise<Page<InvoiceResponseDto>> {
    const { limit, offset, ...filter } = query;
    return mapPage(await this.invoices.list(filter, { limit, offset }, principal), toInvoiceResponse);
  }

  @Get('archive')
  @ApiOperation({
    summary: 'A year of invoices as one ZIP',
    description:
      'The stored PDF of every invoice and credit note of the tenant dated in `year`, in number order, as one ZIP (a tenant user: only its own; ' +
      'another tenant answers as having none). 404 `no_invoices_in_year` when there are none; 409 `pdf_not_ready` while one is still being made.',
  })
  @ApiErrors(COMMON_ERRORS.validation_failed, INVOICES_ERRORS.no_invoices_in_year, INVOICES_ERRORS.pdf_not_ready)
  @ApiFile('The PDFs of the year, stored in one ZIP', FILE_TYPES.zip)
  async archive(
    @CurrentPrincipal() principal: Principal,
    @Query() query: InvoiceArchiveQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const zip = await this.invoices.yearArchive(query.tenantId, query.year, principal);
    await reply
      .header('content-type', FILE_TYPES.zip)
      .header('content-disposition', `attachment; filename="${zip.filename}"`)
      .send(Buffer.from(zip.bytes));
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One invoice with its lines and payments',
    description: 'The invoice as issued, its lines (rent, service charge, VAT) and every payment booked on it, reversals included.',
  })
  @ApiOkResponse({ type: InvoiceDetailResponseDto })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(INVOICES_ERRORS.invoice_not_found)) id: string,
  ): Promise<InvoiceDetailResponseDto> {
    const { invoice, lines, payments } = await this.invoices.detail(id, principal);
    return toInvoiceDetailResponse(invoice, lines, payments);
  }

  @Get(':id/pdf')
  @ApiOperation({
    summary: 'The PDF of an invoice',
    description: 'The PDF as it was issued (its text can be copied and searched). 409 `pdf_not_ready` while it is still being made.',
  })
  @ApiErrors(INVOICES_ERRORS.pdf_not_ready)
  @ApiFile('The stored PDF, as issued', FILE_TYPES.pdf)
  async pdf(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(INVOICES_ERRORS.invoice_not_found)) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.invoices.pdf(id, principal);
    await sendDocument(reply, file);
  }

  @Get(':id/ubl')
  @ApiOperation({
    summary: 'The e-invoice (UBL) of an invoice',
    description:
      'The UBL 2.1 invoice or credit note as it was issued, in the SI-UBL 2.0 profile (NLCIUS), or Peppol BIS 3 when the customer ' +
      'has a Peppol id; stored beside the PDF. An invoice whose customer has no KvK number (or an address without street, postcode ' +
      'or city), or one issued while e-invoices were switched off (INVOICE_E_INVOICES=false), has none: 422 with the code that says why, as the invoice’s `eInvoice` does. 409 `e_invoice_not_ready` while it is being made.',
  })
  @ApiErrors(
    INVOICES_ERRORS.e_invoice_not_ready,
    INVOICES_ERRORS.e_invoice_customer_without_kvk,
    INVOICES_ERRORS.e_invoice_customer_address_incomplete,
    INVOICES_ERRORS.e_invoice_issuer_address_incomplete,
    INVOICES_ERRORS.e_invoice_issued_before,
    INVOICES_ERRORS.e_invoices_off,
  )
  @ApiFile('The stored UBL document, as issued', FILE_TYPES.xml)
  async ubl(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(INVOICES_ERRORS.invoice_not_found)) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendDocument(reply, await this.invoices.ubl(id, principal));
  }

  @Post(':id/payments')
  @ApiOperation({
    summary: 'Book a payment on an invoice',
    description:
      '`amountCents` > 0, `paidOn` no later than today. The invoice becomes `paid` once fully paid. A second payment with the same ' +
      '`reference` is refused (409) unless `force: true`; a retry with the same `Idempotency-Key` answers the first booking again.',
  })
  @ApiErrors(
    INVOICES_ERRORS.idempotency_key_reused,
    INVOICES_ERRORS.payment_reference_booked,
    INVOICES_ERRORS.credit_note_not_payable,
    INVOICES_ERRORS.invoice_credited,
    INVOICES_ERRORS.payment_too_large,
  )
  @Can('invoices.write')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry under the same key answers the first booking again' })
  @ApiCreatedResponse({ type: InvoiceDetailResponseDto })
  async pay(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(INVOICES_ERRORS.invoice_not_found)) id: string,
    @Body() body: RecordPaymentDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<InvoiceDetailResponseDto> {
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,200}$/.test(idempotencyKey)) {
      throw new InputError([{ field: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' }]);
    }
    const { invoice, lines, payments } = await this.invoices.recordPayment(id, body, principal, idempotencyKey ?? null);
    return toInvoiceDetailResponse(invoice, lines, payments);
  }

  @Post(':id/apply-credit')
  @Can('invoices.write')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Use the tenant’s credit balance on an open invoice',
    description:
      'Books a `credit` entry on the invoice from the credit balance that over-payments left (GET /api/tenants/:id/balance), ' +
      'as much as `amountCents`, or without it as much as the balance and the open amount allow. The invoice’s status follows. ' +
      'Concurrent uses take turns: the balance never goes below 0.',
  })
  @ApiCreatedResponse({ type: InvoiceDetailResponseDto, description: 'The invoice with its bookings' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: '`validation_failed`: amountCents is not a whole number of 1 or more' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Staff only' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: '`invoice_not_found`' })
  @ApiErrors(
    INVOICES_ERRORS.no_credit,
    INVOICES_ERRORS.credit_exceeds_balance,
    INVOICES_ERRORS.credit_exceeds_open,
    INVOICES_ERRORS.invoice_not_open,
    INVOICES_ERRORS.invoice_credited,
    INVOICES_ERRORS.credit_note_not_payable,
    INVOICES_ERRORS.credit_balance_negative,
  )
  async applyCredit(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(INVOICES_ERRORS.invoice_not_found)) id: string,
    @Body() body: ApplyCreditDto,
  ): Promise<InvoiceDetailResponseDto> {
    const { invoice, lines, payments } = await this.corrections.applyCredit(id, body, principal);
    return toInvoiceDetailResponse(invoice, lines, payments);
  }

  @Post(':id/credit-notes')
  @ApiOperation({
    summary: 'Credit an invoice',
    description:
      'Issues a credit note for the whole invoice (negative amounts, numbered in the same series) with your `reason`; the invoice becomes `credited`. ' +
      'A credit note cannot be credited, nor an invoice twice.',
  })
  @ApiErrors(INVOICES_ERRORS.cannot_credit_credit_note, INVOICES_ERRORS.invoice_already_credited)
  @Can('invoices.write')
  @HttpCode(201)
  @ApiCreatedResponse({ type: InvoiceResponseDto })
  async credit(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(INVOICES_ERRORS.invoice_not_found)) id: string,
    @Body() body: CreditNoteDto,
  ): Promise<InvoiceResponseDto> {
    return toInvoiceResponse(await this.invoices.credit(id, body.reason, principal));
  }
}

/** Corrections of what was booked: reversing a booking, and the tenant's credit balance and its refunds. */
@ApiTags('invoices')
@ApiBearerAuth()
@Controller('api')
export class PaymentCorrectionsController {
  constructor(private readonly corrections: PaymentCorrectionsService) {}

  @Post('payments/:id/reverse')
  @Can('invoices.write')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Reverse a booking made by mistake',
    description:
      'Writes a reversing entry of the negated amount with who, when and why; nothing is deleted. The invoice’s status follows ' +
      '(paid becomes open again). Credit the booking added to the tenant’s balance is taken back, credit it used comes back. ' +
      'A booking is reversed once; a reversal itself is not reversed.',
  })
  @ApiCreatedResponse({ type: ReversalResponseDto, description: 'The reversing entry and the invoice’s status after it' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: '`validation_failed`: reason missing or longer than 500 characters' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Staff only' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: '`payment_not_found`' })
  @ApiErrors(
    INVOICES_ERRORS.payment_already_reversed,
    INVOICES_ERRORS.payment_credit_used,
    INVOICES_ERRORS.cannot_reverse_reversal,
    INVOICES_ERRORS.credit_balance_negative,
  )
  async reverse(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(INVOICES_ERRORS.payment_not_found)) id: string,
    @Body() body: ReversePaymentDto,
  ): Promise<ReversalResponseDto> {
    const { reversal, invoice } = await this.corrections.reverse(id, body.reason, principal);
    return { ...toPaymentResponse(reversal), invoiceId: invoice.id, invoiceStatus: invoice.status, invoicePaidCents: invoice.paidCents };
  }

  @Get('tenants/:id/balance')
  @Can('invoices.read')
  @ApiOperation({
    summary: 'A tenant’s credit balance and what it owes',
    description:
      'The credit balance from over-payments (kept apart from credit notes) with its ledger, oldest first, and what the open ' +
      'invoices still ask (`openCents`) and the part of it past its due date (`overdueCents`). The tenant itself and staff.',
  })
  @ApiOkResponse({ type: TenantBalanceResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: '`tenant_not_found`, also for another tenant' })
  async balance(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(TENANTS_ERRORS.tenant_not_found)) id: string,
  ): Promise<TenantBalanceResponseDto> {
    const balance = await this.corrections.balance(id, principal);
    return { ...balance, entries: balance.entries.map(toCreditEntryResponse) };
  }

  @Post('tenants/:id/refunds')
  @Can('invoices.write')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Record a refund of credit',
    description:
      'Records that credit from over-payments was paid back to the tenant: a `refund` entry in its credit ledger, dated ' +
      '`refundedOn` (today or earlier). Never more than the balance; concurrent refunds take turns.',
  })
  @ApiCreatedResponse({ type: CreditEntryDto, description: 'The refund’s ledger entry (a negative amount) and the balance after it' })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: '`validation_failed`: amountCents, refundedOn (also after today), reference',
  })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Staff only' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: '`tenant_not_found`' })
  @ApiErrors(INVOICES_ERRORS.refund_exceeds_credit, INVOICES_ERRORS.credit_balance_negative)
  async refund(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(TENANTS_ERRORS.tenant_not_found)) id: string,
    @Body() body: RecordRefundDto,
  ): Promise<CreditEntryDto> {
    return toCreditEntryResponse(await this.corrections.recordRefund(id, body, principal));
  }
}
