import type { FastifyInstance } from 'fastify';
import type { ErrorResponseDto } from '../errors/error-response.js';

const UNSUPPORTED_MEDIA_TYPE: ErrorResponseDto = {
  statusCode: 415,
  code: 'unsupported_media_type',
  message: 'The request body must be JSON, sent with Content-Type: application/json',
  details: [],
};

/** Fastify route config (`@RouteConfig(XML_BODY_ROUTE)`) of a route whose body is an XML file, such as a bank statement. */
export const XML_BODY_ROUTE = { xmlBody: true } as const;

export const XML_MEDIA_TYPES = ['application/xml', 'text/xml'];

/**
 * The API takes its bodies as JSON only. Fastify would also parse text and form bodies, which then
 * reach the validators as strings or flat strings and come back as puzzling field errors, or
 * worse, pass. A body of another type is refused with 415 before it is parsed; a route that takes an
 * XML file says so in its route config.
 */
export function installJsonOnlyBodies(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
    if (!hasBody) return;
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type === 'application/json' || type.endsWith('+json')) return;
    const config = request.routeOptions.config as { xmlBody?: boolean } | undefined;
    if (config?.xmlBody === true && XML_MEDIA_TYPES.includes(type)) return;
    await reply.status(415).send(UNSUPPORTED_MEDIA_TYPE);
  });
}
