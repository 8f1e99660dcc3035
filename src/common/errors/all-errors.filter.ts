import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { preferredLanguage } from './accept-language.js';
import { RateLimitedError } from './domain-error.js';
import { internalErrorResponse, toErrorResponse } from './error-mapping.js';

/** The single place where errors become HTTP answers. */
@Catch()
export class AllErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    // A 503 is an answer of ours (the health check's), not a failure: it keeps its status and body.
    if (error instanceof HttpException && error.getStatus() === HttpStatus.SERVICE_UNAVAILABLE) {
      void reply.status(HttpStatus.SERVICE_UNAVAILABLE).send(error.getResponse());
      return;
    }
    const language = preferredLanguage(request.headers['accept-language']);
    const body = toErrorResponse(error, language);
    if (body === null) {
      this.logger.error({
        message: 'unhandled error',
        requestId: request.id,
        route: request.routeOptions?.url,
        error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
      });
      void reply.status(500).send(internalErrorResponse(language));
      return;
    }
    if (error instanceof RateLimitedError) void reply.header('Retry-After', String(error.retryAfterSeconds));
    void reply.status(body.statusCode).send(body);
  }
}
