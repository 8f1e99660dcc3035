import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DatabaseConfig } from '../config/config.js';
import { openDataSource } from './data-source.js';

@Module({})
export class DatabaseModule {
  static forRoot(config: DatabaseConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          // The data source options live in openDataSource; Nest only needs the driver and its retry policy.
          useFactory: () => ({ type: 'postgres', retryAttempts: 2, retryDelay: 1000 }),
          dataSourceFactory: () => openDataSource(config),
        }),
      ],
    };
  }
}
