import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { loadAppConfig } from './app.module.js';
import { ConfigError } from './config/config.js';

async function bootstrap(): Promise<void> {
  const config = loadAppConfig();
  const app = await createApp(config);
  await app.listen({ port: config.app.port, host: '0.0.0.0' });
  const logger = new Logger('Main');
  logger.log(
    `database ${config.database.kind === 'embedded' ? `embedded in ${config.database.dataDir}` : 'PostgreSQL'}, ` +
      `jobs ${config.redis.url ? 'on Redis' : 'in-process'}${config.app.runWorkers ? '' : ' (handled by workers)'}`,
  );
  logger.log(`ready on http://localhost:${config.app.port} — API docs at /docs`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
