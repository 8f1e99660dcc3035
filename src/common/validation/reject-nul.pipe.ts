import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { InputError } from '../errors/domain-error.js';

function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, child] of Object.entries(value)) {
    const found = key.includes('\u0000') ? path : findNul(child, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

/** PostgreSQL text cannot hold a NUL character; refuse it at the edge instead of failing in the database. */
@Injectable()
export class RejectNulPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const path = findNul(value, metadata.data ?? '');
    if (path === null) return value;
    const field = path || metadata.type;
    throw new InputError([{ field, message: `${field} must not contain a NUL character` }]);
  }
}
