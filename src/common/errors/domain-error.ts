import { COMMON_ERRORS } from './common.errors.js';
import { type DeclaredError, type ErrorKind, type Language, type MessageParams, messageOf } from './error-codes.js';

/**
 * Domain errors carry a kind (how the edge should answer) and a stable code (what a client can test for),
 * both from the code's declaration in its module's `*.errors.ts`. Services throw these, never HTTP
 * exceptions, because job handlers call services too.
 */
export interface ErrorDetail {
  field?: string;
  message: string;
}

/** The message's parameters are required exactly when its messages have placeholders. */
export type ErrorArgs<Param extends string> = [Param] extends [never]
  ? [params?: Record<string, never>, details?: ErrorDetail[]]
  : [params: MessageParams<Param>, details?: ErrorDetail[]];

export class DomainError<Param extends string = never> extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly details: ErrorDetail[];
  private readonly params: Readonly<Record<string, string | number>>;

  constructor(
    private readonly declared: DeclaredError<ErrorKind, Param>,
    ...args: ErrorArgs<Param>
  ) {
    const [params = {}, details = []] = args as [Record<string, string | number>?, ErrorDetail[]?];
    super(messageOf(declared, 'en', params));
    this.name = new.target.name;
    this.kind = declared.kind;
    this.code = declared.code;
    this.params = params;
    this.details = details;
  }

  /** The message in another language; `message` itself is English (logs, job status rows). */
  messageIn(language: Language): string {
    return messageOf(this.declared, language, this.params);
  }
}

export class NotFoundError<Param extends string = never> extends DomainError<Param> {
  constructor(declared: DeclaredError<'not_found', Param>, ...args: ErrorArgs<Param>) {
    super(declared, ...args);
  }
}

export class ConflictError<Param extends string = never> extends DomainError<Param> {
  constructor(declared: DeclaredError<'conflict', Param>, ...args: ErrorArgs<Param>) {
    super(declared, ...args);
  }
}

export class RuleError<Param extends string = never> extends DomainError<Param> {
  constructor(declared: DeclaredError<'rule', Param>, ...args: ErrorArgs<Param>) {
    super(declared, ...args);
  }
}

export class ForbiddenError extends DomainError {
  constructor(declared: DeclaredError<'forbidden', never> = COMMON_ERRORS.forbidden) {
    super(declared);
  }
}

export class UnauthorizedError<Param extends string = never> extends DomainError<Param> {
  constructor(declared: DeclaredError<'unauthorized', Param>, ...args: ErrorArgs<Param>) {
    super(declared, ...args);
  }
}

/** Too many attempts: the answer tells the client how long to wait (as `Retry-After`). */
/** A 429: `retryAfterSeconds` becomes the answer's Retry-After header. */
export class RateLimitedError<Param extends string = never> extends DomainError<Param> {
  constructor(
    declared: DeclaredError<'rate_limited', Param>,
    readonly retryAfterSeconds: number,
    ...args: ErrorArgs<Param>
  ) {
    super(declared, ...args);
  }
}

export class InputError extends DomainError {
  constructor(details: ErrorDetail[]) {
    super(COMMON_ERRORS.validation_failed, {}, details);
  }
}

/**
 * For `.catch()` on a lookup: turns "not found" (and only that) into the caller's own answer. Anything
 * else, such as a lost database connection, passes through unchanged and is answered as a failure.
 */
export function whenNotFound(replacement: () => Error): (error: unknown) => never {
  return (error: unknown) => {
    throw error instanceof NotFoundError ? replacement() : error;
  };
}

/**
 * What a job's status row shows of its failure to whoever asked: our own refusal as it is, anything else (the
 * database's text, a driver's message) as the declared `fallback`. The log keeps the original.
 */
export function shownFailure(error: unknown, fallback: DeclaredError<'rule', never>): string {
  return error instanceof DomainError ? error.message : messageOf(fallback, 'en');
}
