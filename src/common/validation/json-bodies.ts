import type { FastifyInstance } from 'fastify';
import type { ErrorResponseDto } from '../errors/error-response.js';

const UNSUPPORTED_MEDIA_TYPE: ErrorResponseDto = {
  statusCode: 415,
  code: 'unsupported_media_type',
  message: 'The request body must be JSON, sent with Content-Type: application/json',
  details: [],
};

/**
 * The API takes its bodies as JSON only. Fastify would also parse text and form bodies, which then
 * reach the validators as strings or flat strings and come back as puzzling field errors, or
 * worse, pass. A body of another type is refused with 415 before it is parsed.
 */
export function installJsonOnlyBodies(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
    if (!hasBody) return;
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type === 'application/json' || type.endsWith('+json')) return;
    await reply.status(415).send(UNSUPPORTED_MEDIA_TYPE);
  });
}
