import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { createLogger } from '../../src/common/logging/console-logger.js';
import { AppModule, FEATURES, loadAppConfig } from '../../src/app.module.js';
import type { Clock } from '../../src/common/clock/clock.js';
import type { AppConfig, Env } from '../../src/config/config.js';
import { featureParts } from '../../src/common/feature/feature-module.js';
import { openDataSource } from '../../src/database/data-source.js';
import { isolatedEnvironment } from './test-app.js';

/**
 * Services and repositories without HTTP: the whole AppModule on a copy of the template database
 * (and a Redis prefix of its own), for tests of what a service or a repository's SQL does.
 * `app.get(AnyProvider)` finds repositories too, though their modules do not export them.
 */
export interface TestModule {
  app: TestingModule;
  config: AppConfig;
  dataSource: DataSource;
  close(): Promise<void>;
}

export async function startTestModule(overrides: Env = {}, options: { clock?: Clock } = {}): Promise<TestModule> {
  const environment = await isolatedEnvironment(overrides);
  const config = loadAppConfig(environment.env);
  try {
    const module = await Test.createTestingModule({ imports: [AppModule.forRoot(config, { clock: options.clock })] })
      .setLogger(createLogger(['error', 'fatal']))
      .compile();
    await module.init();
    return {
      app: module,
      config,
      dataSource: module.get(DataSource),
      close: async () => {
        await module.close();
        await environment.release();
      },
    };
  } catch (error) {
    await environment.release();
    throw error;
  }
}

/** A bare data source on a copy of the template, opened without running migrations. */
export async function openTestDatabase(): Promise<{ dataSource: DataSource; close(): Promise<void> }> {
  const environment = await isolatedEnvironment();
  const dataSource = await openDataSource(loadAppConfig(environment.env).database, {
    entities: featureParts(FEATURES).entities,
    migrationsRun: false,
  });
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await environment.release();
    },
  };
}
