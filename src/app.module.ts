import { type DynamicModule, Module } from '@nestjs/common';
import { Clock } from './common/clock/clock.js';
import { ClockModule } from './common/clock/clock.module.js';
import { featureParts } from './common/feature/feature-module.js';
import { ConfigModule } from './config/config.module.js';
import { type AppConfig, type Env, loadConfig } from './config/config.js';
import { DatabaseModule } from './database/database.module.js';
import { DemoModule } from './demo/demo.module.js';
import { EventsModule } from './events/events.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { ApplicationsModule } from './modules/applications/applications.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { BankStatementsModule } from './modules/bank-statements/bank-statements.module.js';
import { BuildingsModule } from './modules/buildings/buildings.module.js';
import { DunningModule } from './modules/dunning/dunning.module.js';
import { DirectDebitModule } from './modules/direct-debit/direct-debit.module.js';
import { FloorsModule } from './modules/floors/floors.module.js';
import { HandoversModule } from './modules/handovers/handovers.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { InvoicesModule } from './modules/invoices/invoices.module.js';
import { LeasesModule } from './modules/leases/leases.module.js';
import { MailModule } from './modules/mail/mail.module.js';
import { OrganisationsModule } from './modules/organisations/organisations.module.js';
import { PropertiesModule } from './modules/properties/properties.module.js';
import { OwnerFinanceModule } from './modules/owner-finance/owner-finance.module.js';
import { SearchProfilesModule } from './modules/search-profiles/search-profiles.module.js';
import { TendersModule } from './modules/tenders/tenders.module.js';
import { RentBandsModule } from './modules/rent-bands/rent-bands.module.js';
import { ReportsModule } from './modules/reports/reports.module.js';
import { SpacesModule } from './modules/spaces/spaces.module.js';
import { TenantsModule } from './modules/tenants/tenants.module.js';
import { TimeAccountModule } from './modules/time-account/time-account.module.js';
import { UsersModule } from './modules/users/users.module.js';
import { WebModule } from './web/web.module.js';

/**
 * The capabilities the app is made of. Each brings its own entities, job names and handlers and
 * config section in its folder (see FeatureModule), so adding one is its folder and a line here.
 */
export const FEATURES = [
  EventsModule,
  HealthModule,
  OrganisationsModule,
  UsersModule,
  AuthModule,
  PropertiesModule,
  BuildingsModule,
  FloorsModule,
  SpacesModule,
  TenantsModule,
  RentBandsModule,
  LeasesModule,
  InvoicesModule,
  BankStatementsModule,
  DirectDebitModule,
  ApplicationsModule,
  OwnerFinanceModule,
  SearchProfilesModule,
  TendersModule,
  HandoversModule,
  DunningModule,
  TimeAccountModule,
  ReportsModule,
  AuditModule,
  MailModule,
  DemoModule,
  WebModule,
];

/** The core config and every feature's section, validated together; `env` defaults to the process's. */
export function loadAppConfig(env?: Env): AppConfig {
  return loadConfig(featureParts(FEATURES).configSections, env);
}

@Module({})
export class AppModule {
  /** `clock` lets tests fix "today"; production runs on the system clock. */
  static forRoot(config: AppConfig, options: { clock?: Clock } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(options.clock),
        DatabaseModule.forRoot(config.database, featureParts(FEATURES).entities),
        JobsModule.forRoot(config),
        ...FEATURES,
      ],
    };
  }
}
