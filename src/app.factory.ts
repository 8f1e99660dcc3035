import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest, RawServerDefault } from 'fastify';
import { AppModule } from './app.module.js';
import type { Clock } from './common/clock/clock.js';
import type { AppConfig } from './config/config.js';
import { AllErrorsFilter } from './common/errors/all-errors.filter.js';
import { preferredLanguage } from './common/errors/accept-language.js';
import { COMMON_ERRORS } from './common/errors/common.errors.js';
import { DomainError } from './common/errors/domain-error.js';
import { internalErrorResponse, toErrorResponse } from './common/errors/error-mapping.js';
import { ErrorResponseDto } from './common/errors/error-response.js';
import { createLogger } from './common/logging/console-logger.js';
import { installRequestLogging, requestIdOf } from './common/logging/request-logging.js';
import { completeOpenApiDocument } from './common/openapi/complete-document.js';
import { installSecurityHeaders } from './common/security/security-headers.js';
import { installJsonOnlyBodies, XML_MEDIA_TYPES } from './common/validation/json-bodies.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './common/validation/json-depth.js';
import { RejectNulPipe } from './common/validation/reject-nul.pipe.js';
import { createValidationPipe } from './common/validation/validation.js';
import { boundaryOf, parseMultipart } from './web/multipart.js';
import { installWeb } from './web/web-setup.js';

const BODY_LIMIT_BYTES = 1024 * 1024;
/** A bank statement of a city's month (3,000 entries) is a few MB of XML. */
const XML_BODY_LIMIT_BYTES = 32 * 1024 * 1024;
const DOCS_PATH = 'docs';
/** The HTTP application as both `main.ts` and the e2e tests run it. */
export async function createApp(
  config: AppConfig,
  options: { logLevels?: LogLevel[]; clock?: Clock } = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    genReqId: requestIdOf,
    bodyLimit: BODY_LIMIT_BYTES,
    // A client that sends its request slowly (a body a byte at a time) is cut off with 408, so it cannot
    // hold a connection for minutes. Node 20 takes the timeout only from the server's constructor options,
    // and looks for such requests every connectionsCheckingInterval.
    requestTimeout: config.app.requestTimeoutMs,
    http: { requestTimeout: config.app.requestTimeoutMs, connectionsCheckingInterval: 1000 },
    trustProxy: true,
    routerOptions: { maxParamLength: 500 },
    // The router refuses some URLs (bad encoding, overlong ids) before any error handler runs.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      const language = preferredLanguage(request.headers['accept-language']);
      const body = toErrorResponse(error, language) ?? internalErrorResponse(language);
      void reply.status(body.statusCode).send(body);
    },
  });
  const fastify = adapter.getInstance();
  const defaultJsonParser = fastify.getDefaultJsonParser('error', 'error');
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, { clock: options.clock }), adapter, {
    logger: createLogger(options.logLevels),
    abortOnError: false,
  });
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit: BODY_LIMIT_BYTES }, (request, body, done) => {
    if (nestsDeeperThan(body, MAX_JSON_DEPTH)) {
      done(new DomainError(COMMON_ERRORS.body_too_deep, { depth: MAX_JSON_DEPTH }), undefined);
      return;
    }
    defaultJsonParser(request, body.toString('utf8'), done);
  });
  // Kept as bytes: the route validates the file against its schema before anything reads it.
  app.useBodyParser<RawServerDefault>(XML_MEDIA_TYPES, { bodyLimit: XML_BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));
  // A page's form with a file (a bank statement); the API refuses this type before it is read (installJsonOnlyBodies).
  app.useBodyParser<RawServerDefault>('multipart/form-data', { bodyLimit: XML_BODY_LIMIT_BYTES }, (request, body, done) => {
    const boundary = boundaryOf(request.headers['content-type']);
    done(null, boundary ? parseMultipart(body, boundary) : {});
  });
  app.useGlobalPipes(new RejectNulPipe(), createValidationPipe());
  app.useGlobalFilters(new AllErrorsFilter());
  app.enableShutdownHooks();
  installJsonOnlyBodies(fastify);
  installRequestLogging(fastify, config.app.logRequests);
  await installSecurityHeaders(app, DOCS_PATH);
  await installWeb(app);

  if (config.app.docsEnabled) {
    const openApi = new DocumentBuilder()
      .setTitle('Broedplaats')
      .setDescription('Cheap work space for artists and creative makers: buildings, groups, leases, invoices and reports.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build();
    // The error answers, uuid path ids and auth answers are derived from each route's metadata; summaries and
    // descriptions are each route's own @ApiOperation (see src/common/openapi/complete-document.ts).
    SwaggerModule.setup(DOCS_PATH, app, () =>
      completeOpenApiDocument(app, SwaggerModule.createDocument(app, openApi, { extraModels: [ErrorResponseDto] })),
    );
  }

  await app.init();
  return app;
}
