import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { ApiErrors } from '../../common/openapi/api-docs.decorators.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';
import { mapPage, PageQueryDto, type Page } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { XML_BODY_ROUTE } from '../../common/validation/json-bodies.js';
import { INVOICES_ERRORS } from '../invoices/invoices.errors.js';
import { TENANTS_ERRORS } from '../tenants/tenants.errors.js';
import { BANK_STATEMENTS_ERRORS } from './bank-statements.errors.js';
import { BankStatementsService } from './bank-statements.service.js';
import {
  BankEntryResponseDto,
  BankStatementResponseDto,
  CollectionFailuresResponseDto,
  ImportResponseDto,
  ListBankEntriesQueryDto,
  MatchBankEntryDto,
  toBankEntryResponse,
  toImportResponse,
  toStatementResponse,
} from './dto/bank-statement.dto.js';

/** What the invoices module may refuse when an entry is booked by hand. */
const BOOKING_REFUSALS = [
  INVOICES_ERRORS.credit_note_not_payable,
  INVOICES_ERRORS.invoice_credited,
  INVOICES_ERRORS.payment_too_large,
  INVOICES_ERRORS.payment_reference_booked,
  INVOICES_ERRORS.payment_already_reversed,
  INVOICES_ERRORS.payment_credit_used,
] as const;

@ApiTags('bank-statements')
@ApiBearerAuth()
@Can('bank-statements.read')
@Controller('api')
export class BankStatementsController {
  constructor(private readonly statements: BankStatementsService) {}

  @Post('bank-statements')
  @Can('bank-statements.write')
  @RouteConfig(XML_BODY_ROUTE)
  @ApiOperation({
    summary: 'Import a camt.053 bank statement',
    description:
      'The body is the camt.053.001.02 or .08 file itself (`Content-Type: application/xml`). It is checked against its XSD first: ' +
      'a file that is not XML or not valid is 400 with the first error and its line. Each statement of the file is then booked in one ' +
      'transaction: incoming transfers by betalingskenmerk (structured, or in the free text) or invoice number as a payment; ' +
      'collected direct debits by EndToEndId (the invoice number) as a payment; returned or refused direct debits (AM04, MD06, AC06 …) ' +
      'reverse the collection, so the invoice is open again. A statement imported before (same Id, account and sequence) books nothing ' +
      "and answers 200 with `alreadyImported`; 201 when something was imported. An umbrella's staff book only onto invoices of their umbrella's " +
      "buildings (an entry naming another umbrella's invoice stays unmatched) and reach only their umbrella's statements; a statement " +
      'imported before by someone they may not reach is 409 and books nothing.',
  })
  @ApiConsumes('application/xml', 'text/xml')
  @ApiBody({ description: 'The camt.053 file', schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: ImportResponseDto, description: 'At least one statement was new' })
  @ApiOkResponse({ type: ImportResponseDto, description: 'Every statement of the file was imported before' })
  @ApiErrors(
    BANK_STATEMENTS_ERRORS.statement_missing,
    BANK_STATEMENTS_ERRORS.statement_not_xml,
    BANK_STATEMENTS_ERRORS.statement_doctype,
    BANK_STATEMENTS_ERRORS.statement_not_camt053,
    BANK_STATEMENTS_ERRORS.statement_schema_invalid,
    BANK_STATEMENTS_ERRORS.statement_amount_invalid,
    BANK_STATEMENTS_ERRORS.statement_imported_elsewhere,
  )
  async import(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportResponseDto> {
    if (!Buffer.isBuffer(body) || body.length === 0) throw new DomainError(BANK_STATEMENTS_ERRORS.statement_missing);
    const imported = await this.statements.import(body, principal);
    void reply.status(imported.some((statement) => !statement.alreadyImported) ? 201 : 200);
    return toImportResponse(imported);
  }

  @Get('bank-statements')
  @ApiOperation({ summary: 'Imported bank statements', description: 'Newest import first, each with its entries counted per outcome.' })
  @ApiPage(BankStatementResponseDto)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: PageQueryDto): Promise<Page<BankStatementResponseDto>> {
    return mapPage(await this.statements.list(query, principal), toStatementResponse);
  }

  @Get('bank-statements/:id')
  @ApiOperation({
    summary: 'One imported bank statement',
    description: 'Its account, statement id and sequence, and how many entries were paid, collected, returned, unmatched or ignored.',
  })
  @ApiOkResponse({ type: BankStatementResponseDto })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(BANK_STATEMENTS_ERRORS.statement_not_found)) id: string,
  ): Promise<BankStatementResponseDto> {
    return toStatementResponse(await this.statements.get(id, principal));
  }

  @Get('bank-statements/:id/unmatched')
  @ApiOperation({
    summary: 'Entries of a statement that matched no invoice',
    description:
      'Credits that named no invoice the app knows, or one whose booking the invoice refused (`refusal` holds its error code), ' +
      'in the order of the statement; an admin matches them by hand (`POST /api/bank-entries/{id}/match`).',
  })
  @ApiPage(BankEntryResponseDto)
  async unmatched(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(BANK_STATEMENTS_ERRORS.statement_not_found)) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<BankEntryResponseDto>> {
    return mapPage(await this.statements.entries(id, 'unmatched', query, principal), toBankEntryResponse);
  }

  @Get('bank-statements/:id/entries')
  @ApiOperation({
    summary: 'Entries of a statement',
    description:
      'Every transaction of the statement in its order, with what it booked; `outcome` keeps one kind (paid, collected, returned …).',
  })
  @ApiPage(BankEntryResponseDto)
  async entries(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(BANK_STATEMENTS_ERRORS.statement_not_found)) id: string,
    @Query() query: ListBankEntriesQueryDto,
  ): Promise<Page<BankEntryResponseDto>> {
    const { outcome, ...page } = query;
    return mapPage(await this.statements.entries(id, outcome, page, principal), toBankEntryResponse);
  }

  @Post('bank-entries/:id/match')
  @Can('bank-statements.write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Match a bank entry to an invoice by hand',
    description:
      'Books an unmatched entry on the invoice: a credit as a payment, a direct-debit return as the reversal of its collection. ' +
      '409 when the entry is already booked; 422 for an entry with nothing to book (an outgoing payment) or one the invoice refuses.',
  })
  @ApiOkResponse({ type: BankEntryResponseDto })
  @ApiErrors(
    BANK_STATEMENTS_ERRORS.bank_entry_already_matched,
    BANK_STATEMENTS_ERRORS.bank_entry_not_matchable,
    INVOICES_ERRORS.invoice_not_found,
    ...BOOKING_REFUSALS,
  )
  async match(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(BANK_STATEMENTS_ERRORS.bank_entry_not_found)) id: string,
    @Body() body: MatchBankEntryDto,
  ): Promise<BankEntryResponseDto> {
    return toBankEntryResponse(await this.statements.match(id, body.invoiceId, principal));
  }

  @Get('tenants/:id/collection-failures')
  @ApiOperation({
    summary: 'A tenant’s failed direct debits',
    description: 'How many of the tenant’s direct debits came back (returned or refused by its bank), and each with its reason code.',
  })
  @ApiOkResponse({ type: CollectionFailuresResponseDto })
  async collectionFailures(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(TENANTS_ERRORS.tenant_not_found)) tenantId: string,
  ): Promise<CollectionFailuresResponseDto> {
    const returns = await this.statements.collectionFailures(tenantId, principal);
    return { tenantId, failedCollections: returns.length, returns: returns.map(toBankEntryResponse) };
  }
}
