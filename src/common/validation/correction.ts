import { InputError } from '../errors/domain-error.js';

/**
 * A correction (PATCH) names at least one field, and sets to null only a field that may be empty:
 * the DTO's fields are all optional, so these two are checked here, before anything is read or written.
 */
export function requireCorrection<T extends object>(input: T, clearable: readonly (keyof T & string)[] = []): void {
  const given = Object.entries(input).filter(([, value]) => value !== undefined);
  if (given.length === 0) throw new InputError([{ message: 'name at least one field to change' }]);
  const cleared = given.filter(([field, value]) => value === null && !(clearable as readonly string[]).includes(field));
  if (cleared.length > 0) throw new InputError(cleared.map(([field]) => ({ field, message: `${field} must not be empty` })));
}
