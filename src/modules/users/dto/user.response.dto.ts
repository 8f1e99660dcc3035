import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../../common/auth/principal.js';
import type { User } from '../user.entity.js';

export class UserResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organisationId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) tenantId!: string | null;
}

export function toUserResponse(user: User): UserResponseDto {
  const { id, email, name, role, organisationId, tenantId } = user;
  return { id, email, name, role, organisationId, tenantId };
}
