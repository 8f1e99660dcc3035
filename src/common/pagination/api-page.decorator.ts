import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';

/** Documents a `{ items, total }` page of the given response DTO. */
export function ApiPage(item: Type<unknown>) {
  return applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      schema: {
        type: 'object',
        required: ['items', 'total'],
        properties: { items: { type: 'array', items: { $ref: getSchemaPath(item) } }, total: { type: 'integer' } },
      },
    }),
  );
}
