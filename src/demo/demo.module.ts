import { Module } from '@nestjs/common';
import { InvoicesModule } from '../modules/invoices/invoices.module.js';
import { DemoDataService } from './demo-data.service.js';

@Module({ imports: [InvoicesModule], providers: [DemoDataService] })
export class DemoModule {}
