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
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/errors/error-response.js';
import type { FastifyReply } from 'fastify';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';
import { mapPage, type Page } from '../../common/pagination/page.js';
import { InputError } from '../../common/errors/domain-error.js';
import { IdParam } from '../../common/validation/id-param.js';
import { sendDocument } from '../../documents/send-document.js';
import {
  CreditNoteDto,
  InvoiceDetailResponseDto,
  InvoiceResponseDto,
  InvoiceRunResponseDto,
  ListInvoiceRunsQueryDto,
  ListInvoicesQueryDto,
  RecordPaymentDto,
  StartInvoiceRunDto,
  toInvoiceDetailResponse,
  toInvoiceResponse,
  toInvoiceRunResponse,
} from './dto/invoice.dto.js';
import { BUILDINGS_ERRORS } from '../buildings/buildings.errors.js';
import { InvoiceRunsService } from './invoice-runs.service.js';
import { InvoicesService } from './invoices.service.js';
import { INVOICES_ERRORS } from './invoices.errors.js';

@ApiTags('invoices')
@ApiBearerAuth()
@Can('invoices.run')
@Controller('api')
export class InvoiceRunsController {
  constructor(private readonly runs: InvoiceRunsService) {}

  /** 202 for a new run; the same building and period again answers the same run with 200. */
  @Post('buildings/:id/invoice-runs')
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
  constructor(private readonly invoices: InvoicesService) {}

  @Get()
  @ApiPage(InvoiceResponseDto)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListInvoicesQueryDto): Promise<Page<InvoiceResponseDto>> {
    const { limit, offset, ...filter } = query;
    return mapPage(await this.invoices.list(filter, { limit, offset }, principal), toInvoiceResponse);
  }

  @Get(':id')
  @ApiOkResponse({ type: InvoiceDetailResponseDto })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(INVOICES_ERRORS.invoice_not_found)) id: string,
  ): Promise<InvoiceDetailResponseDto> {
    const { invoice, lines, payments } = await this.invoices.detail(id, principal);
    return toInvoiceDetailResponse(invoice, lines, payments);
  }

  @Get(':id/pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The stored PDF, as issued' })
  async pdf(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(INVOICES_ERRORS.invoice_not_found)) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.invoices.pdf(id, principal);
    await sendDocument(reply, file);
  }

  @Post(':id/payments')
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

  @Post(':id/credit-notes')
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
