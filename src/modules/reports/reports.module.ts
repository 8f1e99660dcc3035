import { FeatureModule } from '../../common/feature/feature-module.js';
import { DocumentsModule } from '../../documents/documents.module.js';
import { BuildingsModule } from '../buildings/buildings.module.js';
import { TimeAccountModule } from '../time-account/time-account.module.js';
import { PropertiesModule } from '../properties/properties.module.js';
import { Report } from './report.entity.js';
import { REPORTS_CONFIG } from './reports.config.js';
import { ReportsController } from './reports.controller.js';
import { GenerateReportHandler, MonthlyMonitorScheduler, MonthlyMonitorsHandler } from './reports.handlers.js';
import { REPORTS_JOBS } from './reports.jobs.js';
import { ReportRecoverySweep } from './reports.recovery.js';
import { ReportsRepository } from './reports.repository.js';
import { ReportsService } from './reports.service.js';

/** Reads every other module's tables by SQL and writes only its own status rows and files. */
@FeatureModule({
  entities: [Report],
  jobs: REPORTS_JOBS,
  config: REPORTS_CONFIG,
  imports: [BuildingsModule, DocumentsModule, TimeAccountModule, PropertiesModule],
  controllers: [ReportsController],
  providers: [
    ReportsRepository,
    ReportsService,
    GenerateReportHandler,
    MonthlyMonitorsHandler,
    MonthlyMonitorScheduler,
    ReportRecoverySweep,
  ],
  exports: [ReportsService],
})
export class ReportsModule {}
