import { Module } from '@nestjs/common';
import { InvoicesModule } from '../modules/invoices/invoices.module.js';
import { UsersModule } from '../modules/users/users.module.js';
import { DemoDataService } from './demo-data.service.js';

@Module({ imports: [InvoicesModule, UsersModule], providers: [DemoDataService] })
export class DemoModule {}
