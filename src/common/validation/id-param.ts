import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { NotFoundError } from '../errors/domain-error.js';
import type { DeclaredError } from '../errors/error-codes.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id in the path that is not a UUID names nothing: 404, as for an unknown id. */
@Injectable()
export class IdParam implements PipeTransform<string, string> {
  constructor(readonly notFound: DeclaredError<'not_found', 'id'>) {}

  transform(value: string, _metadata: ArgumentMetadata): string {
    if (!UUID.test(value)) throw new NotFoundError(this.notFound, { id: value });
    return value.toLowerCase();
  }
}
