import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { Length } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, RateLimitedError } from '../../common/errors/domain-error.js';
import { PasswordResets } from '../../modules/mail/password-resets.service.js';
import { IsAcceptablePassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../modules/users/password-policy.js';
import { checkedForm } from '../forms.js';
import { renderPage } from '../render.js';
import { SignedOutPage } from '../session/web-session.guard.js';
import { WebPages } from '../session/web-page.decorator.js';
import { languageOf } from '../session/web-session.js';

/**
 * The refusal as the page shows it: the message and, on an English page, what was wrong with the field
 * (a service words its details in English; a Dutch page says what the password check says, below).
 */
function refusalText(error: DomainError<string>, request: FastifyRequest): string {
  const language = languageOf(request);
  const details = language === 'en' ? error.details.map((detail) => detail.message).join('; ') : '';
  return details ? `${error.messageIn(language)}: ${details}` : error.messageIn(language);
}

/** The new password as the form checks it, in the page's language, before the service does the same. */
class NewPasswordForm {
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  @IsAcceptablePassword()
  password!: string;
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
    const checked = await checkedForm(languageOf(request), NewPasswordForm, { password: String(form.password ?? '') });
    if (checked.errors) {
      void reply.status(422);
      return renderPage(request, reply, 'password-reset-confirm', 'passwordReset.confirmTitle', {
        token,
        error: checked.errors.map((error) => error.message).join(' '),
      });
    }
    try {
      await this.passwordResets.confirm(token, checked.value.password);
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
