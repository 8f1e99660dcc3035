import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { InputError, type ErrorDetail } from '../errors/domain-error.js';

/**
 * One detail per field (nested fields as `members.0.email`), its failed rules joined. A field that
 * is missing says so, rather than listing every rule an absent value fails.
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const failed = Object.values(error.constraints ?? {});
    const messages = failed.length > 0 && error.value === undefined ? [`${error.property} is required`] : failed;
    const own = messages.length > 0 ? [{ field, message: messages.join('; ') }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** Refuses unknown fields and answers bad input with 400 and one detail per field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      return new InputError(details.length > 0 ? details : [{ message: 'The request body must be a JSON object' }]);
    },
  });
}
