import { applyDecorators, HttpCode, type Type } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from './error-response.js';

/** The error answers a correction or deletion may give, each with the codes it may carry. */
export interface CorrectionErrors {
  notFound: string;
  conflict?: string[];
  rule?: string[];
}

function errorResponses(errors: CorrectionErrors, badInput: boolean): MethodDecorator[] {
  const codes = (list: string[]) => list.map((code) => `\`${code}\``).join(', ');
  return [
    ...(badInput
      ? [
          ApiResponse({
            status: 400,
            type: ErrorResponseDto,
            description: 'No field, an unknown field or a bad value (`validation_failed`)',
          }),
        ]
      : []),
    ApiResponse({ status: 403, type: ErrorResponseDto, description: 'Not allowed for this role or user (`forbidden`)' }),
    ApiResponse({ status: 404, type: ErrorResponseDto, description: `Unknown or not visible (\`${errors.notFound}\`)` }),
    ...(errors.conflict?.length ? [ApiResponse({ status: 409, type: ErrorResponseDto, description: codes(errors.conflict) })] : []),
    ...(errors.rule?.length ? [ApiResponse({ status: 422, type: ErrorResponseDto, description: codes(errors.rule) })] : []),
  ];
}

/** A PATCH: any subset of the create fields, answered with the corrected record. */
export function ApiCorrection(summary: string, description: string, type: Type<unknown>, errors: CorrectionErrors): MethodDecorator {
  return applyDecorators(ApiOperation({ summary, description }), ApiOkResponse({ type }), ...errorResponses(errors, true));
}

/** A DELETE: 204, or 409 with a code naming what still refers to the record. */
export function ApiDeletion(summary: string, description: string, errors: CorrectionErrors): MethodDecorator {
  return applyDecorators(
    HttpCode(204),
    ApiOperation({ summary, description }),
    ApiNoContentResponse({ description: 'Deleted' }),
    ...errorResponses(errors, false),
  );
}
