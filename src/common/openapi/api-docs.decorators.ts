import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { DeclaredError } from '../errors/error-codes.js';

export const API_ERRORS = 'openapi:errors';

/** The media types a route may answer a file in. */
export const FILE_TYPES = {
  pdf: 'application/pdf',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  xml: 'application/xml',
  zip: 'application/zip',
} as const;
export type FileType = (typeof FILE_TYPES)[keyof typeof FILE_TYPES];

/**
 * The declared codes a route (or every route of a controller) can answer besides the ones the document
 * adds by itself (see `completeOpenApiDocument`): the codes its service throws. Each lands under the
 * status its kind maps to (not_found 404, conflict 409, rule 422, forbidden 403, rate_limited 429 …),
 * with the code listed, so a client knows what to test for.
 */
export function ApiErrors(...errors: DeclaredError[]): MethodDecorator & ClassDecorator {
  return (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const holder = descriptor ? (descriptor.value as object) : target;
    const existing = (Reflect.getMetadata(API_ERRORS, holder) as DeclaredError[] | undefined) ?? [];
    Reflect.defineMetadata(API_ERRORS, [...existing, ...errors], holder);
    void key;
  };
}

/** A route that answers a stored file (its bytes as they are), in one of these media types. */
export function ApiFile(description: string, ...types: [FileType, ...FileType[]]) {
  return applyDecorators(ApiProduces(...types), ApiOkResponse({ description, schema: { type: 'string', format: 'binary' } }));
}
