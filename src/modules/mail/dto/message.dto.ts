import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page.js';
import { IsAcceptablePassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../users/password-policy.js';
import { TEMPLATE_NAMES, type TemplateName } from '../mail-templates.js';
import { MESSAGE_STATUSES, type Message, type MessageStatus } from '../message.entity.js';

export class ListMessagesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MESSAGE_STATUSES })
  @IsOptional()
  @IsIn(MESSAGE_STATUSES)
  status?: MessageStatus;

  @ApiPropertyOptional({ description: 'The recipient’s e-mail address' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  recipient?: string;

  @ApiPropertyOptional({
    description: 'What the mail came from: an event type (`invoice.documents_stored`), `password.reset` or `offer.reminder`',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  eventType?: string;

  @ApiPropertyOptional({ enum: TEMPLATE_NAMES, description: 'The kind of mail' })
  @IsOptional()
  @IsIn(TEMPLATE_NAMES)
  template?: TemplateName;
}

export class MessageRecipientDto {
  @ApiProperty() address!: string;
  @ApiProperty() name!: string;
}

export class MessageResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: MESSAGE_STATUSES }) status!: MessageStatus;
  @ApiProperty({ type: MessageRecipientDto }) recipient!: MessageRecipientDto;
  @ApiProperty({ enum: ['nl', 'en'] }) language!: 'nl' | 'en';
  @ApiProperty({ description: 'The kind of mail, e.g. `invoice`, `credit-note`, `offer-made`, `password-reset`' }) template!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ type: [String], description: 'Ids of the stored documents sent along' }) attachmentIds!: string[];
  @ApiProperty({ description: 'Sending attempts so far' }) attempts!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last attempt failed (the SMTP server’s answer)' }) lastError!:
    string | null;
  @ApiProperty({ description: 'The event type (or kind of work) the mail came from' }) eventType!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The domain event it came from' }) eventId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
}

export function toMessageResponse(message: Message): MessageResponseDto {
  return {
    id: message.id,
    status: message.status,
    recipient: { address: message.recipientAddress, name: message.recipientName },
    language: message.language,
    template: message.template,
    subject: message.subject,
    attachmentIds: message.attachmentIds,
    attempts: message.attempts,
    lastError: message.lastError,
    eventType: message.sourceType,
    eventId: message.eventId,
    createdAt: message.createdAt.toISOString(),
    sentAt: message.sentAt?.toISOString() ?? null,
  };
}

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'maker@example.org' })
  @IsString()
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({ description: 'The token from the link in the mail' })
  @IsString()
  @Length(20, 200)
  token!: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'Not only spaces, and not one of the 10,000 most common passwords',
  })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  @IsAcceptablePassword()
  password!: string;
}

/** The same answer whether the address has an account or not. */
export class PasswordResetAcceptedDto {
  @ApiProperty({ example: 'If the address has an account, a link to set a new password is on its way; it works once, for one hour.' })
  message!: string;
}
