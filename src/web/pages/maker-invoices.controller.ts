import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import { Clock } from '../../common/clock/clock.js';
import { MAX_PAGE_LIMIT } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { sendDocument } from '../../documents/send-document.js';
import type { Invoice } from '../../modules/invoices/invoice.entity.js';
import { statusOn } from '../../modules/invoices/invoice-status.js';
import { INVOICES_ERRORS } from '../../modules/invoices/invoices.errors.js';
import { InvoicesService } from '../../modules/invoices/invoices.service.js';
import { PaymentCorrectionsService } from '../../modules/invoices/payment-corrections.service.js';
import { renderPage } from '../render.js';
import { WebPages } from '../session/web-page.decorator.js';

/**
 * The maker's invoices: each one's status today (open, overdue, paid), its PDF, how to pay what is open
 * (the umbrella's IBAN and the betalingskenmerk printed on the invoice), the credit balance, and every
 * invoice of a year as one ZIP.
 */
@Controller('my/invoices')
@WebPages()
@Can('portal.maker')
export class MakerInvoicePagesController {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly corrections: PaymentCorrectionsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async list(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const principal = request.principal!;
    const [{ items }, balance] = await Promise.all([
      this.invoices.list({}, { limit: MAX_PAGE_LIMIT, offset: 0 }, principal),
      principal.tenantId ? this.corrections.balance(principal.tenantId, principal) : null,
    ]);
    const newestFirst = [...items].reverse();
    return renderPage(request, reply, 'maker-invoices', 'maker.invoices.title', {
      invoices: newestFirst.map((invoice) => this.withStatus(invoice)),
      years: [...new Set(newestFirst.map((invoice) => invoice.issueDate.slice(0, 4)))],
      balance,
    });
  }

  @Get('archive/:year')
  async archive(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Param('year') year: string): Promise<void> {
    const principal = request.principal!;
    if (!/^\d{4}$/.test(year)) {
      void reply.redirect('/my/invoices', 303);
      return;
    }
    const zip = await this.invoices.yearArchive(principal.tenantId, Number(year), principal);
    await reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="${zip.filename}"`)
      .header('cache-control', 'no-store')
      .send(Buffer.from(zip.bytes));
  }

  @Get(':id')
  async invoice(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(INVOICES_ERRORS.invoice_not_found)) id: string,
  ): Promise<string> {
    const detail = await this.invoices.detail(id, request.principal!);
    return renderPage(request, reply, 'maker-invoice', 'maker.invoice.title', { ...detail, ...this.withStatus(detail.invoice) });
  }

  @Get(':id/pdf')
  async pdf(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param('id', new IdParam(INVOICES_ERRORS.invoice_not_found)) id: string,
  ): Promise<void> {
    await sendDocument(reply, await this.invoices.pdf(id, request.principal!));
  }

  /** The invoice with its status today and what is left to pay of it (nothing on a credit note or a settled invoice). */
  private withStatus(invoice: Invoice) {
    const status = statusOn(invoice, this.clock.today());
    const payable = status === 'open' || status === 'overdue';
    return { invoice, status, toPayCents: payable ? invoice.totalCents - invoice.paidCents : 0 };
  }
}
