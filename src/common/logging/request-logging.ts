import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Takes a caller's X-Request-Id when it is sane, else makes one; it is echoed back and logged. */
export function requestIdOf(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * One structured line per request: id, method, route, status, duration. The path is logged without
 * its query string and no header is logged, so tokens and passwords never reach the log.
 */
export function installRequestLogging(fastify: FastifyInstance, enabled: boolean): void {
  const logger = new Logger('HTTP');
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  if (!enabled) return;
  fastify.addHook('onResponse', async (request: FastifyRequest, reply) => {
    logger.log({
      requestId: request.id,
      method: request.method,
      path: request.url.split('?')[0],
      route: request.routeOptions?.url,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    });
  });
}
