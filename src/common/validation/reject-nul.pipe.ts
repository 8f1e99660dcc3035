import { Injectable, type PipeTransform } from '@nestjs/common';
import { InputError } from '../errors/domain-error.js';

function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'body' : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, child] of Object.entries(value)) {
    const found = key.includes('\u0000') ? path || 'body' : findNul(child, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

/** PostgreSQL text cannot hold a NUL character; refuse it at the edge instead of failing in the database. */
@Injectable()
export class RejectNulPipe implements PipeTransform {
  transform(value: unknown): unknown {
    const field = findNul(value, '');
    if (field) throw new InputError([{ field, message: `${field} must not contain a NUL character` }]);
    return value;
  }
}
