import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorDetailDto {
  @ApiPropertyOptional({ example: 'email' })
  field?: string;

  @ApiProperty({ example: 'email must be an email' })
  message!: string;
}

/** The one shape of every failure the API answers. */
export class ErrorResponseDto {
  @ApiProperty({ example: 409 })
  statusCode!: number;

  @ApiProperty({ example: 'floor_level_taken' })
  code!: string;

  @ApiProperty({ example: 'Level 3 is already used in this building', description: 'English, or Dutch when Accept-Language prefers nl' })
  message!: string;

  @ApiProperty({ type: [ErrorDetailDto] })
  details!: ErrorDetailDto[];
}
