import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, RateLimitedError } from '../../common/errors/domain-error.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { AuthService } from '../../modules/auth/auth.service.js';
import { UsersService } from '../../modules/users/users.service.js';
import type { Principal } from '../../common/auth/principal.js';
import { LANGUAGES } from '../../common/errors/error-codes.js';
import { localPath } from '../local-path.js';
import { homeOf } from '../navigation.js';
import { renderPage } from '../render.js';
import { SignedOutPage } from '../session/web-session.guard.js';
import { WebPages } from '../session/web-page.decorator.js';
import { clearSession, languageOf, setLanguage, setSession } from '../session/web-session.js';

interface SignInForm {
  email?: string;
  password?: string;
  next?: string;
}

@Controller()
@WebPages()
export class SignInController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @SignedOutPage()
  home(@Req() request: FastifyRequest & { principal?: Principal }, @Res() reply: FastifyReply): void {
    void reply.redirect(request.principal ? homeOf(request.principal.role) : '/login', 303);
  }

  @Get('login')
  @SignedOutPage()
  form(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('next') next?: string,
    @Query('expired') expired?: string,
    @Query('signedOut') signedOut?: string,
    @Query('passwordSet') passwordSet?: string,
  ): Promise<string> {
    return this.render(request, reply, {
      next: localPath(next),
      notice: passwordSet ? 'passwordReset.done' : signedOut ? 'signIn.signedOut' : expired ? 'signIn.expired' : null,
    });
  }

  @Post('login')
  @SignedOutPage()
  @HttpCode(200)
  async signIn(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() form: SignInForm,
  ): Promise<string | void> {
    const next = localPath(form.next);
    try {
      const { accessToken, user } = await this.auth.login(String(form.email ?? ''), String(form.password ?? ''));
      setSession(request, reply, accessToken, this.config.auth.tokenTtlSeconds);
      if (user.language) setLanguage(request, reply, user.language);
      void reply.redirect(next, 303);
      return;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error instanceof RateLimitedError) void reply.header('Retry-After', String(error.retryAfterSeconds));
      void reply.status(error.kind === 'rate_limited' ? 429 : 401);
      return this.render(request, reply, { next, email: String(form.email ?? ''), error: error.messageIn(languageOf(request)) });
    }
  }

  @Post('logout')
  @SignedOutPage()
  signOut(@Res() reply: FastifyReply): void {
    clearSession(reply);
    void reply.redirect('/login?signedOut=1', 303);
  }

  @Post('language')
  @SignedOutPage()
  async language(
    @Req() request: FastifyRequest & { principal?: Principal },
    @Res() reply: FastifyReply,
    @Body() form: { language?: string; next?: string },
  ): Promise<void> {
    const language = LANGUAGES.find((known) => known === form.language);
    if (language) {
      setLanguage(request, reply, language);
      // Signed in, the choice is the user's, kept for the next sign-in in any browser.
      if (request.principal) await this.users.setOwnLanguage(request.principal, language);
    }
    void reply.redirect(localPath(form.next), 303);
  }

  private render(
    request: FastifyRequest,
    reply: FastifyReply,
    data: { next: string; email?: string; error?: string; notice?: 'signIn.signedOut' | 'signIn.expired' | 'passwordReset.done' | null },
  ): Promise<string> {
    return renderPage(request, reply, 'login', 'signIn.title', { email: '', error: null, notice: null, ...data });
  }
}
