import { DunningModule } from '../modules/dunning/dunning.module.js';
import { Module } from '@nestjs/common';
import { HandoversModule } from '../modules/handovers/handovers.module.js';
import { InvoicesModule } from '../modules/invoices/invoices.module.js';
import { OwnerFinanceModule } from '../modules/owner-finance/owner-finance.module.js';
import { UsersModule } from '../modules/users/users.module.js';
import { DemoDataService } from './demo-data.service.js';
import { OrganisationsModule } from '../modules/organisations/organisations.module.js';
import { PropertiesModule } from '../modules/properties/properties.module.js';
import { SearchProfilesModule } from '../modules/search-profiles/search-profiles.module.js';
import { TendersModule } from '../modules/tenders/tenders.module.js';
import { DemoVacancies } from './demo-vacancies.js';
import { TenderDemoService } from './tender-demo.service.js';

@Module({
  imports: [
    InvoicesModule,
    UsersModule,
    OwnerFinanceModule,
    HandoversModule,
    DunningModule,
    OrganisationsModule,
    PropertiesModule,
    SearchProfilesModule,
    TendersModule,
  ],
  providers: [DemoDataService, TenderDemoService, DemoVacancies],
})
export class DemoModule {}
