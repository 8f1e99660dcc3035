import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';
import { UserResponseDto } from '../../users/dto/user.response.dto.js';

export class LoginDto {
  @ApiProperty({ example: 'admin@example.org' })
  @IsString()
  @Length(3, 254)
  email!: string;

  @ApiProperty({ example: 'broedplaats' })
  @IsString()
  @MaxLength(200)
  password!: string;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'Send as Authorization: Bearer <accessToken>' })
  accessToken!: string;

  @ApiProperty({ type: UserResponseDto })
  user!: UserResponseDto;
}
