import { ApiProperty } from '@nestjs/swagger';
import { CAPABILITIES, type Capability } from '../../../common/auth/access-policy.js';
import { UserResponseDto } from '../../users/dto/user.response.dto.js';

/** Who is signed in, and what the access policy lets them do, so a client offers only what works. */
export class MeResponseDto extends UserResponseDto {
  @ApiProperty({ enum: CAPABILITIES, isArray: true }) capabilities!: Capability[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'The buildings in the user’s scope' }) buildingIds!: string[];
}
