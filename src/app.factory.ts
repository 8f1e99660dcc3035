import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppModule } from './app.module.js';
import type { Clock } from './common/clock/clock.js';
import type { AppConfig } from './config/config.js';
import { AllErrorsFilter } from './common/errors/all-errors.filter.js';
import { INTERNAL_ERROR_RESPONSE, toErrorResponse } from './common/errors/error-mapping.js';
import { createLogger } from './common/logging/console-logger.js';
import { installRequestLogging, requestIdOf } from './common/logging/request-logging.js';
import { installJsonOnlyBodies } from './common/validation/json-bodies.js';
import { RejectNulPipe } from './common/validation/reject-nul.pipe.js';
import { createValidationPipe } from './common/validation/validation.js';

/** The HTTP application as both `main.ts` and the e2e tests run it. */
export async function createApp(
  config: AppConfig,
  options: { logLevels?: LogLevel[]; clock?: Clock } = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    genReqId: requestIdOf,
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    routerOptions: { maxParamLength: 500 },
    // The router refuses some URLs (bad encoding, overlong ids) before any error handler runs.
    frameworkErrors: (error: Error, _request: FastifyRequest, reply: FastifyReply) => {
      const body = toErrorResponse(error) ?? INTERNAL_ERROR_RESPONSE;
      void reply.status(body.statusCode).send(body);
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, { clock: options.clock }), adapter, {
    logger: createLogger(options.logLevels),
    abortOnError: false,
  });
  app.useGlobalPipes(new RejectNulPipe(), createValidationPipe());
  app.useGlobalFilters(new AllErrorsFilter());
  app.enableShutdownHooks();
  const fastify = app.getHttpAdapter().getInstance();
  installJsonOnlyBodies(fastify);
  installRequestLogging(fastify, config.app.logRequests);

  const openApi = new DocumentBuilder()
    .setTitle('Broedplaats')
    .setDescription('Cheap work space for artists and creative makers: buildings, groups, leases, invoices and reports.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi));

  await app.init();
  return app;
}
