import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { ROLES, type Role } from '../../../common/auth/principal.js';
import { IsAcceptablePassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password-policy.js';

export class CreateUserDto {
  @ApiProperty({ example: 'maker@example.org' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'Not only spaces, and not one of the 10,000 most common passwords',
  })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  @IsAcceptablePassword()
  password!: string;

  @ApiProperty({ example: 'Anneke de Vries' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for owner and municipality users' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The tenant a tenant user acts as' })
  @IsOptional()
  @IsUUID()
  tenantId?: string;
}
