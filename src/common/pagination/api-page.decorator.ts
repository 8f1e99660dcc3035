import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';

/** Documents a `{ items, total }` page of the given response DTO (200, or `status` for a route that creates them). */
export function ApiPage(item: Type<unknown>, options: { status?: 200 | 201; description?: string } = {}) {
  return applyDecorators(
    ApiExtraModels(item),
    ApiResponse({
      status: options.status ?? 200,
      description: options.description ?? 'A page of them',
      schema: {
        type: 'object',
        required: ['items', 'total'],
        properties: { items: { type: 'array', items: { $ref: getSchemaPath(item) } }, total: { type: 'integer' } },
      },
    }),
  );
}
