import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { EntityClass } from '../common/feature/feature-module.js';
import type { DatabaseConfig } from '../config/config.js';
import { openDataSource } from './data-source.js';

@Module({})
export class DatabaseModule {
  /** `entities`: the features' entities, the same list the migration CLI derives. */
  static forRoot(config: DatabaseConfig, entities: EntityClass[]): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          // The data source options live in openDataSource; Nest only needs the driver and its retry policy.
          useFactory: () => ({ type: 'postgres', retryAttempts: 2, retryDelay: 1000 }),
          // The app works as the role without TRUNCATE, ALTER or DROP once the migrations ran.
          dataSourceFactory: () => openDataSource(config, { entities, asAppRole: true }),
        }),
      ],
    };
  }
}
