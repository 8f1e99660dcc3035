import { HttpException } from '@nestjs/common';
import { DomainError, type ErrorKind } from './domain-error.js';
import type { ErrorResponseDto } from './error-response.js';

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule: 422,
  rate_limited: 429,
};

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  422: 'rule_violated',
  429: 'too_many_requests',
};

/** Fastify's own client errors (bad JSON, wrong content type, body too large) keep their 4xx status. */
interface FastifyClientError {
  statusCode: number;
  code?: string;
  message: string;
}

function isFastifyClientError(error: unknown): error is FastifyClientError {
  const candidate = error as Partial<FastifyClientError> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.statusCode === 'number' &&
    candidate.statusCode >= 400 &&
    candidate.statusCode < 500 &&
    typeof candidate.code === 'string' &&
    candidate.code.startsWith('FST_')
  );
}

/** Maps any thrown value to the contract's error body; `null` means an unexpected failure (a bare 500). */
export function toErrorResponse(error: unknown): ErrorResponseDto | null {
  if (error instanceof DomainError) {
    return { statusCode: STATUS_BY_KIND[error.kind], code: error.code, message: error.message, details: error.details };
  }
  const clientError = error instanceof HttpException ? { statusCode: error.getStatus(), message: error.message } : null;
  const { statusCode, message } = clientError ?? (isFastifyClientError(error) ? error : { statusCode: 500, message: '' });
  if (statusCode >= 500) return null;
  // Fastify's body parser reports JSON it cannot parse; Nest passes it on as a plain 400.
  if (statusCode === 400 && /JSON/.test(message)) return MALFORMED_JSON_RESPONSE;
  return { statusCode, code: CODE_BY_STATUS[statusCode] ?? 'client_error', message, details: [] };
}

const MALFORMED_JSON_RESPONSE: ErrorResponseDto = {
  statusCode: 400,
  code: 'malformed_json',
  message: 'The request body is not valid JSON',
  details: [],
};

export const INTERNAL_ERROR_RESPONSE: ErrorResponseDto = {
  statusCode: 500,
  code: 'internal_error',
  message: 'Something went wrong on our side',
  details: [],
};
