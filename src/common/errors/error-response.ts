import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ description: 'One problem with one field of the input' })
export class ErrorDetailDto {
  @ApiPropertyOptional({ example: 'email', description: 'The field (dotted for nested ones, `Idempotency-Key` for that header)' })
  field?: string;

  @ApiProperty({ example: 'email must be an email' })
  message!: string;
}

/** The one shape of every failure the API answers. */
@ApiSchema({
  description:
    'Every refusal and failure has this shape. `code` is stable and listed per operation; `message` is for people; ' +
    '`details` lists the fields of a 400 (empty otherwise).',
})
export class ErrorResponseDto {
  @ApiProperty({ example: 409, description: 'The HTTP status, repeated' })
  statusCode!: number;

  @ApiProperty({ example: 'floor_level_taken', description: 'What a client tests for; one of the codes the operation lists' })
  code!: string;

  @ApiProperty({ example: 'Level 3 is already used in this building', description: 'English, or Dutch when Accept-Language prefers nl' })
  message!: string;

  @ApiProperty({ type: [ErrorDetailDto], description: 'For a 400: each invalid field, e.g. `name: name is required`' })
  details!: ErrorDetailDto[];
}
