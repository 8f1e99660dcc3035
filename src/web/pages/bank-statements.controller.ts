import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import { DomainError, NotFoundError } from '../../common/errors/domain-error.js';
import { MAX_PAGE_LIMIT } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { BANK_STATEMENTS_ERRORS } from '../../modules/bank-statements/bank-statements.errors.js';
import { BankStatementsService } from '../../modules/bank-statements/bank-statements.service.js';
import { MatchBankEntryDto } from '../../modules/bank-statements/dto/bank-statement.dto.js';
import { InvoicesService } from '../../modules/invoices/invoices.service.js';
import { checkedForm, id as idOf, refusalOf, text } from '../forms.js';
import { isUploadedFile } from '../multipart.js';
import { type FieldError, renderPage } from '../render.js';
import { WebPages } from '../session/web-page.decorator.js';
import { languageOf } from '../session/web-session.js';

type Form = Record<string, unknown>;
const PAGE_SIZE = 50;

/**
 * Bank statements in the browser: upload the bank's camt.053 file (the form sends it as
 * multipart/form-data; the service takes its bytes as the API does), see what each entry booked,
 * and match by hand what matched nothing.
 */
@Controller()
@WebPages()
@Can('umbrella.workspace')
export class BankStatementPagesController {
  constructor(
    private readonly statements: BankStatementsService,
    private readonly invoices: InvoicesService,
  ) {}

  @Get('bank-statements')
  list(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return this.renderList(request, reply, null);
  }

  @Post('bank-statements')
  @HttpCode(200)
  async upload(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() form: Form,
  ): Promise<string | void> {
    const file = form?.statement;
    let errors: FieldError[];
    if (!isUploadedFile(file) || file.bytes.length === 0) {
      errors = [{ field: 'statement', message: new DomainError(BANK_STATEMENTS_ERRORS.statement_missing).messageIn(languageOf(request)) }];
    } else {
      try {
        const imported = await this.statements.import(file.bytes, request.principal!);
        const done = imported.every((statement) => statement.alreadyImported) ? 'again' : 'imported';
        void reply.redirect(
          imported.length === 1 ? `/bank-statements/${imported[0]!.statement.id}?done=${done}` : `/bank-statements?done=${done}`,
          303,
        );
        return;
      } catch (error) {
        errors = refusalOf(error, languageOf(request)).map((refusal) => ({ ...refusal, field: 'statement' }));
      }
    }
    void reply.status(422);
    return this.renderList(request, reply, errors);
  }

  @Get('bank-statements/:id')
  statement(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(BANK_STATEMENTS_ERRORS.statement_not_found)) id: string,
    @Query() query: Form,
  ): Promise<string> {
    return this.renderStatement(request, reply, id, query, null);
  }

  @Post('bank-entries/:id/match')
  @HttpCode(200)
  async match(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(BANK_STATEMENTS_ERRORS.bank_entry_not_found)) entryId: string,
    @Body() form: Form,
  ): Promise<string | void> {
    const statementId = idOf(form.statementId);
    if (!statementId) throw new NotFoundError(BANK_STATEMENTS_ERRORS.statement_not_found, { id: String(form.statementId ?? '') });
    const checked = await checkedForm(languageOf(request), MatchBankEntryDto, { invoiceId: text(form.invoiceId) });
    let errors = checked.errors;
    if (!errors) {
      try {
        const entry = await this.statements.match(entryId, checked.value!.invoiceId, request.principal!);
        void reply.redirect(`/bank-statements/${entry.statementId}?done=matched`, 303);
        return;
      } catch (error) {
        errors = refusalOf(error, languageOf(request));
      }
    }
    void reply.status(422);
    return this.renderStatement(
      request,
      reply,
      statementId,
      {},
      errors.map((error) => ({ ...error, field: `invoiceId-${entryId}` })),
    );
  }

  private async renderList(request: AuthenticatedRequest, reply: FastifyReply, errors: FieldError[] | null): Promise<string> {
    const page = await this.statements.list({ limit: PAGE_SIZE, offset: 0 }, request.principal!);
    return renderPage(request, reply, 'bank-statements', 'statements.title', {
      page,
      errors,
      done: (request.query as Form).done,
    });
  }

  private async renderStatement(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    id: string,
    query: Form,
    errors: FieldError[] | null,
  ): Promise<string> {
    const principal = request.principal!;
    const summary = await this.statements.get(id, principal);
    const entries = await this.statements.entries(id, undefined, { limit: MAX_PAGE_LIMIT, offset: 0 }, principal);
    const unmatched = entries.items.filter((entry) => entry.outcome === 'unmatched' && entry.kind !== 'other');
    // What an unmatched entry can be matched to: the open invoices (a return, to the invoice whose collection came back).
    const open =
      unmatched.length > 0 ? (await this.invoices.list({ status: 'open' }, { limit: MAX_PAGE_LIMIT, offset: 0 }, principal)).items : [];
    const invoiceIds = [
      ...new Set(entries.items.map((entry) => entry.invoiceId).filter((invoiceId): invoiceId is string => invoiceId !== null)),
    ];
    const invoices = await Promise.all(invoiceIds.map((invoiceId) => this.invoices.getVisible(invoiceId, principal)));
    return renderPage(request, reply, 'bank-statement', 'statements.statementTitle', {
      ...summary,
      entries: entries.items,
      unmatched,
      open,
      numbers: new Map(invoices.map((invoice) => [invoice.id, invoice.number])),
      errors,
      done: query.done,
    });
  }
}
