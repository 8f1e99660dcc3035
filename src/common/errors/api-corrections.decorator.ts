import { applyDecorators, HttpCode, type Type } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiErrors } from '../openapi/api-docs.decorators.js';
import type { DeclaredError } from './error-codes.js';

/**
 * The codes a correction or deletion may answer with, besides those the OpenAPI pass adds by itself
 * (400 for a body, 403 for @Can, 404 for the path id: see completeOpenApiDocument).
 */
export interface CorrectionErrors {
  notFound: DeclaredError<'not_found', 'id'>;
  conflict?: DeclaredError[];
  rule?: DeclaredError[];
}

function errorCodes(errors: CorrectionErrors): MethodDecorator {
  return ApiErrors(errors.notFound, ...(errors.conflict ?? []), ...(errors.rule ?? []));
}

/** A PATCH: any subset of the create fields, answered with the corrected record. */
export function ApiCorrection(summary: string, description: string, type: Type<unknown>, errors: CorrectionErrors): MethodDecorator {
  return applyDecorators(ApiOperation({ summary, description }), ApiOkResponse({ type }), errorCodes(errors));
}

/** A DELETE: 204, or 409 with a code naming what still refers to the record. */
export function ApiDeletion(summary: string, description: string, errors: CorrectionErrors): MethodDecorator {
  return applyDecorators(
    HttpCode(204),
    ApiOperation({ summary, description }),
    ApiNoContentResponse({ description: 'Deleted' }),
    errorCodes(errors),
  );
}
