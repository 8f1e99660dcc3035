import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Can, type AuthenticatedRequest } from '../../common/auth/decorators.js';
import { LANGUAGES } from '../../common/errors/error-codes.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { AuthService } from '../../modules/auth/auth.service.js';
import { ChangePasswordDto } from '../../modules/auth/dto/change-password.dto.js';
import { UpdateOwnContactDto } from '../../modules/tenants/dto/update-tenant.dto.js';
import { TenantsService } from '../../modules/tenants/tenants.service.js';
import { UsersService } from '../../modules/users/users.service.js';
import { checkedForm, refusalOf, text } from '../forms.js';
import { translate } from '../i18n/i18n.js';
import { type FieldError, renderPage } from '../render.js';
import { WebPages } from '../session/web-page.decorator.js';
import { languageOf, setLanguage, setSession } from '../session/web-session.js';

type Form = Record<string, unknown>;
type Section = 'contact' | 'password';

const DONE = ['contact', 'language', 'password'];

/**
 * The maker's own details: its contact e-mail (where its mail and invoices go), postcode and address,
 * the language of its pages and mail, and its password. The rest of its tenant record is the umbrella's.
 */
@Controller('my/details')
@WebPages()
@Can('portal.maker')
export class MakerDetailsPagesController {
  constructor(
    private readonly tenants: TenantsService,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  details(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('done') done?: string,
  ): Promise<string> {
    return this.render(request, reply, { done: DONE.includes(done ?? '') ? done! : null });
  }

  @Post()
  @HttpCode(200)
  async contact(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() form: Form,
  ): Promise<string | void> {
    // A field emptied on the form empties it on the record (the e-mail address is required, so it stays absent and refused).
    const checked = await checkedForm(languageOf(request), UpdateOwnContactDto, {
      email: text(form.email),
      postcode: text(form.postcode) ?? null,
      address: text(form.address) ?? null,
    });
    let errors =
      checked.errors ??
      (text(form.email) ? null : [{ field: 'email', message: translate(languageOf(request), 'maker.details.emailRequired') }]);
    if (!errors) {
      try {
        await this.tenants.updateOwnContact(checked.value!, request.principal!);
        void reply.redirect('/my/details?done=contact', 303);
        return;
      } catch (error) {
        errors = refusalOf(error, languageOf(request));
      }
    }
    void reply.status(422);
    return this.render(request, reply, { section: 'contact', values: form, errors });
  }

  @Post('language')
  async language(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply, @Body() form: Form): Promise<void> {
    const language = LANGUAGES.find((known) => known === form.language);
    if (language) {
      await this.users.setOwnLanguage(request.principal!, language);
      setLanguage(request, reply, language);
    }
    void reply.redirect(language ? '/my/details?done=language' : '/my/details', 303);
  }

  /** Changing the password ends every session of the user, this one too: the new password signs this browser in again at once. */
  @Post('password')
  @HttpCode(200)
  async password(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() form: Form,
  ): Promise<string | void> {
    const principal = request.principal!;
    const checked = await checkedForm(languageOf(request), ChangePasswordDto, {
      currentPassword: typeof form.currentPassword === 'string' ? form.currentPassword : undefined,
      newPassword: typeof form.newPassword === 'string' ? form.newPassword : undefined,
    });
    let errors = checked.errors;
    if (!errors) {
      try {
        await this.auth.changePassword(principal, checked.value!.currentPassword, checked.value!.newPassword);
        const user = await this.users.get(principal.userId);
        const { accessToken } = await this.auth.login(user.email, checked.value!.newPassword);
        setSession(request, reply, accessToken, this.config.auth.tokenTtlSeconds);
        void reply.redirect('/my/details?done=password', 303);
        return;
      } catch (error) {
        errors = refusalOf(error, languageOf(request));
      }
    }
    void reply.status(422);
    return this.render(request, reply, { section: 'password', values: {}, errors });
  }

  private async render(
    request: AuthenticatedRequest,
    reply: FastifyReply,
    state: { done?: string | null; section?: Section; values?: Form; errors?: FieldError[] },
  ): Promise<string> {
    const principal = request.principal!;
    const [tenant, user] = await Promise.all([
      principal.tenantId ? this.tenants.getVisible(principal.tenantId, principal) : null,
      this.users.get(principal.userId),
    ]);
    const contactValues =
      state.section === 'contact' ? state.values : { email: tenant?.email, postcode: tenant?.postcode, address: tenant?.address };
    return renderPage(request, reply, 'maker-details', 'maker.details.title', {
      tenant,
      user,
      language: languageOf(request),
      done: state.done ?? null,
      contact: { values: contactValues ?? {}, errors: state.section === 'contact' ? state.errors : null },
      password: { errors: state.section === 'password' ? state.errors : null },
    });
  }
}
