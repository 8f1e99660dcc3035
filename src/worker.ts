import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger } from './common/logging/console-logger.js';
import { AppModule, loadAppConfig } from './app.module.js';
import { ConfigError } from './config/config.js';

/** Job handlers only, no HTTP: start as many as the work needs. */
async function bootstrap(): Promise<void> {
  const config = loadAppConfig();
  if (!config.redis.url) throw new ConfigError(['REDIS_URL is required for a separate worker; without it the API runs the jobs itself']);
  // Demo data and the first admin are the API's business; a worker only takes jobs.
  const workerConfig = { ...config, app: { ...config.app, runWorkers: true, demoData: false } };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(workerConfig), { logger: createLogger() });
  app.enableShutdownHooks();
  new Logger('Worker').log({ message: 'Broedplaats worker taking jobs', concurrency: config.jobs.concurrency });
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
