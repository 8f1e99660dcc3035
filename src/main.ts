import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { loadAppConfig } from './app.module.js';
import { ConfigError } from './config/config.js';

async function bootstrap(): Promise<void> {
  const config = loadAppConfig();
  const app = await createApp(config);
  await app.listen({ port: config.app.port, host: '0.0.0.0' });
  new Logger('Main').log({
    message: 'Broedplaats API listening',
    port: config.app.port,
    database: config.database.kind,
    queue: config.redis.url ? 'bull' : 'inline',
    workers: config.app.runWorkers,
  });
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
