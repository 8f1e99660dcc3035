import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../common/errors/domain-error.js';
import { toErrorResponse } from '../../common/errors/error-mapping.js';
import { type MessageKey, translate } from '../i18n/i18n.js';
import { pageContext, pagePathOf } from '../render.js';
import { CsrfRefused, SignInRequired } from './web-session.guard.js';
import { languageOf } from './web-session.js';

const MESSAGE_BY_STATUS: Record<number, MessageKey> = { 403: 'error.forbidden', 404: 'error.notFound' };

/** Errors on pages come back as pages: sign in when the session is missing, else a page that says what happened, in the reader's language. */
@Catch()
export class WebErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebErrors');

  async catch(error: unknown, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    if (error instanceof SignInRequired) {
      const target = `/login?next=${encodeURIComponent(pagePathOf(request))}${error.expired ? '&expired=1' : ''}`;
      if (request.headers['hx-request']) {
        void reply.header('HX-Redirect', target).status(401).send('');
      } else {
        void reply.redirect(target, 303);
      }
      return;
    }
    const language = languageOf(request);
    let status: number;
    let message: string;
    if (error instanceof CsrfRefused) {
      status = 403;
      message = translate(language, 'error.csrf');
    } else {
      const body = toErrorResponse(error, language);
      if (body) {
        status = body.statusCode;
        const key = MESSAGE_BY_STATUS[status];
        message = key && !(error instanceof DomainError) ? translate(language, key) : body.message;
      } else {
        this.logger.error({
          message: 'unhandled error on a page',
          requestId: request.id,
          route: request.routeOptions?.url,
          error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
        });
        status = 500;
        message = translate(language, 'error.internal');
      }
    }
    const html = await reply.viewAsync('error', { ...pageContext(request, reply, 'error.title'), status, message });
    void reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  }
}
