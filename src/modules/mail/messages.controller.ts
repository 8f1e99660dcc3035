import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal, Public } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiErrors } from '../../common/openapi/api-docs.decorators.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';
import { mapPage, type Page } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { AUTH_ERRORS } from '../auth/auth.errors.js';
import {
  ListMessagesQueryDto,
  MessageResponseDto,
  PasswordResetAcceptedDto,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
  toMessageResponse,
} from './dto/message.dto.js';
import { MAIL_ERRORS } from './mail.errors.js';
import { MailService } from './mail.service.js';
import { PasswordResets } from './password-resets.service.js';

@ApiTags('mail')
@ApiBearerAuth()
@Can('messages.read')
@Controller('api/messages')
export class MessagesController {
  constructor(private readonly mail: MailService) {}

  @Get()
  @ApiOperation({
    summary: 'Mail sent or queued',
    description:
      'The outbox, newest first: every mail the system sent (or, without SMTP_URL, wrote as an .eml file under DATA_DIR/mail), is still trying to send (`queued`) or gave up on (`failed`, with the server’s reason in `lastError`). ' +
      'Admins see all mail and may filter by `status`, `recipient`, `eventType` and `template` (the kind of mail); anyone else sees the mail addressed to them.',
  })
  @ApiPage(MessageResponseDto)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListMessagesQueryDto): Promise<Page<MessageResponseDto>> {
    const { status, recipient, eventType, template, limit, offset } = query;
    return mapPage(await this.mail.list({ status, recipient, eventType, template }, { limit, offset }, principal), toMessageResponse);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One mail',
    description: 'Its recipient, subject, attachments, status, attempts and last error. Mail addressed to someone else answers 404.',
  })
  @ApiErrors(MAIL_ERRORS.message_not_found)
  @ApiOkResponse({ type: MessageResponseDto })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(MAIL_ERRORS.message_not_found)) id: string,
  ): Promise<MessageResponseDto> {
    return toMessageResponse(await this.mail.get(id, principal));
  }
}

@ApiTags('auth')
@Controller('api/password-reset')
export class PasswordResetController {
  constructor(private readonly passwordResets: PasswordResets) {}

  @Post()
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask for a link to set a new password',
    description:
      'Mails a link to the account with this address, if there is one. The answer is 202 either way, so it tells nobody whether an address has an account. ' +
      'The link works once, for one hour. Requests per address are limited like sign-ins (429 with Retry-After).',
  })
  @ApiAcceptedResponse({ type: PasswordResetAcceptedDto, description: 'If the address has an account, a link is on its way' })
  @ApiErrors(AUTH_ERRORS.too_many_login_attempts)
  async request(@Body() body: PasswordResetRequestDto): Promise<PasswordResetAcceptedDto> {
    await this.passwordResets.request(body.email);
    return { message: 'If the address has an account, a link to set a new password is on its way; it works once, for one hour.' };
  }

  @Post('confirm')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set a new password with the link’s token',
    description:
      'Sets the password of the link’s account (12–200 characters, not only spaces, not among the 10,000 most common) and uses the link up; every token of the account ends. ' +
      'A used, expired or replaced link answers 422.',
  })
  @ApiNoContentResponse({ description: 'The password is set; sign in with it' })
  @ApiErrors(MAIL_ERRORS.password_reset_link_invalid)
  async confirm(@Body() body: PasswordResetConfirmDto): Promise<void> {
    await this.passwordResets.confirm(body.token, body.password);
  }
}
