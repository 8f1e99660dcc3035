import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateUserDto } from './create-user.dto.js';

/** Any subset of the create fields but the password, which its owner changes with the old one. */
export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['password'] as const)) {}
