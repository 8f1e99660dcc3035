import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { InputError, type ErrorDetail } from '../errors/domain-error.js';

function flatten(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
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
      const details = flatten(errors);
      return new InputError(details.length > 0 ? details : [{ message: 'The request body must be a JSON object' }]);
    },
  });
}
