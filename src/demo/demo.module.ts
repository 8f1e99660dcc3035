import { DunningModule } from '../modules/dunning/dunning.module.js';
import { Module } from '@nestjs/common';
import { HandoversModule } from '../modules/handovers/handovers.module.js';
import { InvoicesModule } from '../modules/invoices/invoices.module.js';
import { OwnerFinanceModule } from '../modules/owner-finance/owner-finance.module.js';
import { UsersModule } from '../modules/users/users.module.js';
import { DemoDataService } from './demo-data.service.js';
import { DemoVacancies } from './demo-vacancies.js';
import { PropertiesModule } from '../modules/properties/properties.module.js';

@Module({
  imports: [InvoicesModule, UsersModule, OwnerFinanceModule, HandoversModule, DunningModule, PropertiesModule],
  providers: [DemoDataService, DemoVacancies],
})
export class DemoModule {}
