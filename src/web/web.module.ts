import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../modules/applications/applications.module.js';
import { AuthModule } from '../modules/auth/auth.module.js';
import { BuildingsModule } from '../modules/buildings/buildings.module.js';
import { FloorsModule } from '../modules/floors/floors.module.js';
import { SpacesModule } from '../modules/spaces/spaces.module.js';
import { TenantsModule } from '../modules/tenants/tenants.module.js';
import { UsersModule } from '../modules/users/users.module.js';
import { HandoversModule } from '../modules/handovers/handovers.module.js';
import { InvoicesModule } from '../modules/invoices/invoices.module.js';
import { OrganisationsModule } from '../modules/organisations/organisations.module.js';
import { LeasesModule } from '../modules/leases/leases.module.js';
import { MailModule } from '../modules/mail/mail.module.js';
import { BankStatementsModule } from '../modules/bank-statements/bank-statements.module.js';
import { DirectDebitModule } from '../modules/direct-debit/direct-debit.module.js';
import { DunningModule } from '../modules/dunning/dunning.module.js';
import { RentBandsModule } from '../modules/rent-bands/rent-bands.module.js';
import { OwnerFinanceModule } from '../modules/owner-finance/owner-finance.module.js';
import { ReportsModule } from '../modules/reports/reports.module.js';
import { PropertiesModule } from '../modules/properties/properties.module.js';
import { AssetsController } from './assets.controller.js';
import { BuildingPagesController } from './pages/buildings.controller.js';
import { CityMonitorController } from './pages/city-monitor.controller.js';
import { DashboardController } from './pages/dashboard.controller.js';
import { HandoverPagesController } from './pages/handovers.controller.js';
import { OwnerBuildingPagesController } from './pages/owner-buildings.controller.js';
import { OwnerPropertyPagesController } from './pages/owner-properties.controller.js';
import { CityVacancyPagesController } from './pages/city-vacancies.controller.js';
import { OwnerFinancePagesController } from './pages/owner-finance.controller.js';
import { OwnerHandoverPagesController } from './pages/owner-handovers.controller.js';
import { PortalReportPagesController } from './pages/portal-reports.controller.js';
import { InvoicingPagesController } from './pages/invoicing.controller.js';
import { LeasePagesController } from './pages/leases.controller.js';
import { MakerApplicationPagesController } from './pages/maker-applications.controller.js';
import { MakerDetailsPagesController } from './pages/maker-details.controller.js';
import { MakerHomeController } from './pages/maker-home.controller.js';
import { MakerInvoicePagesController } from './pages/maker-invoices.controller.js';
import { MakerSpacePagesController } from './pages/maker-space.controller.js';
import { PasswordResetPagesController } from './pages/password-reset.controller.js';
import { RegisterPagesController } from './pages/register.controller.js';
import { ReportPagesController } from './pages/reports.controller.js';
import { RoundPagesController } from './pages/rounds.controller.js';
import { SignInController } from './pages/sign-in.controller.js';
import { TenantPagesController } from './pages/tenants.controller.js';
import { ArrearsPagesController } from './pages/arrears.controller.js';
import { BankStatementPagesController } from './pages/bank-statements.controller.js';
import { CollectionPagesController } from './pages/collections.controller.js';
import { MandatePagesController } from './pages/mandates.controller.js';
import { MessagePagesController } from './pages/messages.controller.js';
import {
  CityDoubleBalancePagesController,
  MakerHoursPagesController,
  OwnerDoubleBalancePagesController,
  TimeAccountPagesController,
} from './pages/time-account.controller.js';
import { TimeAccountModule } from '../modules/time-account/time-account.module.js';
import { TendersModule } from '../modules/tenders/tenders.module.js';
import { SearchProfilesModule } from '../modules/search-profiles/search-profiles.module.js';
import { TenderPagesController } from './pages/tenders.controller.js';
import { WebSessionGuard } from './session/web-session.guard.js';

/**
 * The pages (server-rendered, Eta + htmx): a layer over the feature modules' services, like the
 * controllers of the API. No tables of its own and no rules of its own: it calls the services,
 * which ask the access policy.
 */
@Module({
  imports: [
    AuthModule,
    BuildingsModule,
    PropertiesModule,
    FloorsModule,
    SpacesModule,
    TenantsModule,
    RentBandsModule,
    LeasesModule,
    InvoicesModule,
    ApplicationsModule,
    ReportsModule,
    HandoversModule,
    OwnerFinanceModule,
    TimeAccountModule,
    OrganisationsModule,
    UsersModule,
    MailModule,
    DirectDebitModule,
    BankStatementsModule,
    DunningModule,
    TendersModule,
    SearchProfilesModule,
  ],
  controllers: [
    AssetsController,
    SignInController,
    PasswordResetPagesController,
    DashboardController,
    BuildingPagesController,
    LeasePagesController,
    InvoicingPagesController,
    TenantPagesController,
    MandatePagesController,
    CollectionPagesController,
    BankStatementPagesController,
    ArrearsPagesController,
    MessagePagesController,
    TenderPagesController,
    RoundPagesController,
    ReportPagesController,
    HandoverPagesController,
    RegisterPagesController,
    OwnerBuildingPagesController,
    OwnerPropertyPagesController,
    CityVacancyPagesController,
    OwnerFinancePagesController,
    OwnerHandoverPagesController,
    PortalReportPagesController,
    MakerHomeController,
    MakerApplicationPagesController,
    MakerSpacePagesController,
    MakerInvoicePagesController,
    MakerDetailsPagesController,
    CityMonitorController,
    MakerHoursPagesController,
    TimeAccountPagesController,
    OwnerDoubleBalancePagesController,
    CityDoubleBalancePagesController,
  ],
  providers: [WebSessionGuard],
})
export class WebModule {}
