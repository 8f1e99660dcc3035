import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/validation/id-param.js';
import { ListMessagesQueryDto } from '../../modules/mail/dto/message.dto.js';
import { TEMPLATE_NAMES } from '../../modules/mail/mail-templates.js';
import { MAIL_ERRORS } from '../../modules/mail/mail.errors.js';
import { MailService } from '../../modules/mail/mail.service.js';
import { MESSAGE_STATUSES } from '../../modules/mail/message.entity.js';
import { checkedForm, text } from '../forms.js';
import { type FieldError, renderPage } from '../render.js';
import { WebPages } from '../session/web-page.decorator.js';
import { languageOf } from '../session/web-session.js';

type Form = Record<string, unknown>;
const PAGE_SIZE = 50;

/** The outbox in the browser: every mail queued, sent or failed (with the server's reason), filtered by kind and status, and one mail. */
@Controller('messages')
@WebPages()
@Can('umbrella.workspace')
export class MessagePagesController {
  constructor(private readonly mail: MailService) {}

  @Get()
  async list(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply, @Query() query: Form): Promise<string> {
    const filter = { status: text(query.status), template: text(query.kind), recipient: text(query.recipient) };
    const offset = Math.max(0, Number.parseInt(String(query.offset ?? '0'), 10) || 0);
    const checked = await checkedForm(languageOf(request), ListMessagesQueryDto, { ...filter, limit: PAGE_SIZE, offset });
    let errors: FieldError[] = [];
    let page: Awaited<ReturnType<MailService['list']>> = { items: [], total: 0 };
    if (checked.errors) errors = checked.errors.map((error) => (error.field === 'template' ? { ...error, field: 'kind' } : error));
    else {
      const { status, template, recipient } = checked.value;
      page = await this.mail.list({ status, template, recipient }, { limit: PAGE_SIZE, offset }, request.principal!);
    }
    if (errors.length > 0) void reply.status(400);
    const kept = { status: filter.status, kind: filter.template, recipient: filter.recipient };
    return renderPage(request, reply, 'messages', 'messages.title', {
      page,
      filter: kept,
      errors,
      offset,
      pageSize: PAGE_SIZE,
      statuses: MESSAGE_STATUSES,
      kinds: TEMPLATE_NAMES,
      query: new URLSearchParams(Object.entries(kept).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString(),
    });
  }

  @Get(':id')
  async message(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('id', new IdParam(MAIL_ERRORS.message_not_found)) id: string,
  ): Promise<string> {
    const message = await this.mail.get(id, request.principal!);
    return renderPage(request, reply, 'message', 'messages.messageTitle', { message });
  }
}
