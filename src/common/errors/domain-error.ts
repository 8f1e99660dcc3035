/**
 * Domain errors carry a kind (how the edge should answer) and a stable code (what a client can test for).
 * Services throw these, never HTTP exceptions, because job handlers call services too.
 */
export type ErrorKind = 'validation' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'rule' | 'rate_limited';

export interface ErrorDetail {
  field?: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id?: string) {
    super('not_found', `${entity}_not_found`, id ? `No ${entity.replace(/_/g, ' ')} ${id}` : `No such ${entity.replace(/_/g, ' ')}`);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, details: ErrorDetail[] = []) {
    super('conflict', code, message, details);
  }
}

export class RuleError extends DomainError {
  constructor(code: string, message: string, details: ErrorDetail[] = []) {
    super('rule', code, message, details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Your role may not do this') {
    super('forbidden', 'forbidden', message);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(code = 'unauthorized', message = 'Sign in first') {
    super('unauthorized', code, message);
  }
}

/** Too many attempts: the answer tells the client how long to wait (as `Retry-After`). */
export class RateLimitedError extends DomainError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('rate_limited', code, message);
  }
}

export class InputError extends DomainError {
  constructor(details: ErrorDetail[], message = 'The request has invalid fields') {
    super('validation', 'validation_failed', message, details);
  }
}
