import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module.js';
import type { AppConfig } from './config/config.js';
import { DatabaseModule } from './database/database.module.js';
import { DemoModule } from './demo/demo.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { BuildingsModule } from './modules/buildings/buildings.module.js';
import { FloorsModule } from './modules/floors/floors.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { OrganisationsModule } from './modules/organisations/organisations.module.js';
import { SpacesModule } from './modules/spaces/spaces.module.js';
import { UsersModule } from './modules/users/users.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(config.database),
        JobsModule.forRoot(config),
        HealthModule,
        OrganisationsModule,
        UsersModule,
        AuthModule,
        BuildingsModule,
        FloorsModule,
        SpacesModule,
        DemoModule,
      ],
    };
  }
}
