import { HttpException } from '@nestjs/common';
import { COMMON_ERRORS } from './common.errors.js';
import { DomainError } from './domain-error.js';
import { type DeclaredError, type ErrorKind, type Language, messageOf } from './error-codes.js';
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

const CODE_BY_STATUS: Record<number, DeclaredError> = {
  400: COMMON_ERRORS.bad_request,
  401: COMMON_ERRORS.unauthorized,
  403: COMMON_ERRORS.forbidden,
  404: COMMON_ERRORS.not_found,
  405: COMMON_ERRORS.method_not_allowed,
  409: COMMON_ERRORS.conflict,
  413: COMMON_ERRORS.payload_too_large,
  414: COMMON_ERRORS.uri_too_long,
  415: COMMON_ERRORS.unsupported_media_type,
  422: COMMON_ERRORS.rule_violated,
  429: COMMON_ERRORS.too_many_requests,
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

/**
 * Maps any thrown value to the contract's error body, its message in the language asked for;
 * `null` means an unexpected failure (a bare 500).
 */
export function toErrorResponse(error: unknown, language: Language = 'en'): ErrorResponseDto | null {
  if (error instanceof DomainError) {
    return { statusCode: STATUS_BY_KIND[error.kind], code: error.code, message: error.messageIn(language), details: error.details };
  }
  const clientError = error instanceof HttpException ? { statusCode: error.getStatus(), message: error.message } : null;
  const { statusCode, message } = clientError ?? (isFastifyClientError(error) ? error : { statusCode: 500, message: '' });
  if (statusCode >= 500) return null;
  // Fastify's body parser reports JSON it cannot parse; Nest passes it on as a plain 400.
  const declared =
    statusCode === 400 && /JSON/.test(message) ? COMMON_ERRORS.malformed_json : (CODE_BY_STATUS[statusCode] ?? COMMON_ERRORS.client_error);
  // In English the framework's own words say more (which route, which content type) than the declared message.
  const framework = declared !== COMMON_ERRORS.malformed_json && language === 'en';
  return { statusCode, code: declared.code, message: framework ? message : messageOf(declared, language), details: [] };
}

export function internalErrorResponse(language: Language = 'en'): ErrorResponseDto {
  return {
    statusCode: 500,
    code: COMMON_ERRORS.internal_error.code,
    message: messageOf(COMMON_ERRORS.internal_error, language),
    details: [],
  };
}
