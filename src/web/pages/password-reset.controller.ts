import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, RateLimitedError } from '../../common/errors/domain-error.js';
import { PasswordResets } from '../../modules/mail/password-resets.service.js';
import { renderPage } from '../render.js';
import { SignedOutPage } from '../session/web-session.guard.js';
import { WebPages } from '../session/web-page.decorator.js';
import { languageOf } from '../session/web-session.js';

/** The refusal as the page shows it: the message and, for bad input, what was wrong with the field. */
function refusalText(error: DomainError<string>, request: FastifyRequest): string {
  const details = error.details.map((detail) => detail.message).join('; ');
  return details ? `${error.messageIn(languageOf(request))}: ${details}` : error.messageIn(languageOf(request));
}

/** Asking for a link to set a new password, and setting it with the link's token: pages for the signed out. */
@Controller('password-reset')
@WebPages()
export class PasswordResetPagesController {
  constructor(private readonly passwordResets: PasswordResets) {}

  @Get()
  @SignedOutPage()
  form(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Query('sent') sent?: string): Promise<string> {
    return renderPage(request, reply, 'password-reset', 'passwordReset.title', { email: '', error: null, sent: sent === '1' });
  }

  @Post()
  @SignedOutPage()
  @HttpCode(200)
  async request(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() form: { email?: string },
  ): Promise<string | void> {
    const email = String(form.email ?? '').slice(0, 254);
    try {
      await this.passwordResets.request(email);
      void reply.redirect('/password-reset?sent=1', 303);
      return;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error instanceof RateLimitedError) void reply.header('Retry-After', String(error.retryAfterSeconds));
      void reply.status(error.kind === 'rate_limited' ? 429 : 422);
      return renderPage(request, reply, 'password-reset', 'passwordReset.title', {
        email,
        error: refusalText(error, request),
        sent: false,
      });
    }
  }

  @Get('confirm')
  @SignedOutPage()
  confirmForm(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('token') token?: string,
  ): Promise<string> {
    return renderPage(request, reply, 'password-reset-confirm', 'passwordReset.confirmTitle', {
      token: String(token ?? '').slice(0, 200),
      error: null,
    });
  }

  @Post('confirm')
  @SignedOutPage()
  @HttpCode(200)
  async confirm(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() form: { token?: string; password?: string },
  ): Promise<string | void> {
    const token = String(form.token ?? '').slice(0, 200);
    try {
      await this.passwordResets.confirm(token, String(form.password ?? ''));
      void reply.redirect('/login?passwordSet=1', 303);
      return;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      void reply.status(422);
      return renderPage(request, reply, 'password-reset-confirm', 'passwordReset.confirmTitle', {
        token,
        error: refusalText(error, request),
      });
    }
  }
}
