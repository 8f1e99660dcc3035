import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '../../documents/documents.module.js';
import { BuildingsModule } from '../buildings/buildings.module.js';
import { Report } from './report.entity.js';
import { ReportsController } from './reports.controller.js';
import { GenerateReportHandler, MonthlyMonitorScheduler, MonthlyMonitorsHandler } from './reports.handlers.js';
import { ReportsRepository } from './reports.repository.js';
import { ReportsService } from './reports.service.js';

/** Reads every other module's tables by SQL and writes only its own status rows and files. */
@Module({
  imports: [TypeOrmModule.forFeature([Report]), BuildingsModule, DocumentsModule],
  controllers: [ReportsController],
  providers: [ReportsRepository, ReportsService, GenerateReportHandler, MonthlyMonitorsHandler, MonthlyMonitorScheduler],
})
export class ReportsModule {}
